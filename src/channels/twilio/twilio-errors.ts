/**
 * Twilio error codes that mean "this will never work" (do not retry) versus
 * everything else (retry with backoff). Unknown codes are treated as transient:
 * a wasted retry costs less than a lost answer.
 * https://www.twilio.com/docs/api/errors
 */
import { SendError } from '../../core/errors.js';
import { networkSendError } from '../../core/send-network.js';

const PERMANENT: Record<number, string> = {
  21211: 'invalid To number',
  21408: 'region not enabled for this account',
  21610: 'the recipient unsubscribed (STOP)',
  21612: 'the To number cannot be reached from this From number',
  21614: 'the To number is not a mobile number',
  21617: 'the message body is too long',
  30003: 'unreachable handset',
  30004: 'message blocked',
  30005: 'unknown destination handset',
  30006: 'landline or unreachable carrier',
  30007: 'filtered as spam by the carrier',
};

/** A send error from Twilio's answer to our request (HTTP status, error code, Retry-After). */
export function twilioSendError(err: { status?: number; code?: number | string; message?: string }, retryAfterSeconds?: number): SendError {
  // Twilio's own errors carry a number; network errors (axios) carry a string such as ECONNREFUSED.
  const code = typeof err.code === 'number' ? err.code : undefined;
  if (code !== undefined && PERMANENT[code]) return new SendError(`twilio ${code}: ${PERMANENT[code]}`, false);
  // 429 / 20429: Twilio's rate limit (the account's or the number's queue), waited out rather than counted as a failure.
  if (err.status === 429 || code === 20429) return new SendError(`twilio ${code ?? 429}: too many requests`, true, (retryAfterSeconds ?? 1) * 1000, true);
  // No HTTP answer at all: a refused connection is safe to retry, a timeout or reset is an unknown outcome.
  if (err.status === undefined && code === undefined) return networkSendError('twilio', err);
  if (err.status !== undefined && err.status >= 400 && err.status < 500 && code === undefined) {
    return new SendError(`twilio ${err.status}: ${err.message ?? 'request refused'}`, false);
  }
  return new SendError(`twilio ${code ?? err.status ?? 'network'}: ${err.message ?? 'send failed'}`, true);
}

/** Delivery statuses from the status callback, mapped onto the outbox's. Anything else is ignored. */
export const STATUS_CALLBACK: Record<string, 'sent' | 'delivered' | 'failed'> = {
  queued: 'sent',
  accepted: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
};

export function isPermanentCode(code: number): boolean {
  return PERMANENT[code] !== undefined;
}
