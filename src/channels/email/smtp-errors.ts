/**
 * SMTP answers to our sends, as retryable or not: a 5xx reply is permanent
 * (the address does not exist, the message is refused), a 4xx reply or a
 * network failure is transient. Unknown errors are treated as transient: a
 * wasted retry costs less than a lost answer.
 */
import { SendError } from '../../core/errors.js';

/** nodemailer error codes that no retry will fix. */
const PERMANENT_CODES: Record<string, string> = {
  EAUTH: 'authentication to the mail server failed',
  EENVELOPE: 'the mail server refused the envelope',
  EMESSAGE: 'the message could not be composed',
  EREQUIRETLS: 'the mail server cannot do REQUIRETLS',
};

/** Servers often quote the recipient in their answer; errors are logged, addresses must not be. */
const withoutAddresses = (text: string) => text.replace(/[^\s<>"'@]+@[^\s<>"']+/g, '[address]');

export function smtpSendError(err: { code?: string; responseCode?: number; message?: string }): SendError {
  const reply = err.responseCode;
  const said = (fallback: string) => withoutAddresses(err.message ?? fallback);
  if (reply !== undefined && reply >= 500) return new SendError(`smtp ${reply}: ${said('refused')}`, false);
  // 421 (service busy, closing), 450 (mailbox busy) and 451 (local error, often greylisting or a rate limit): wait, it is not a failure.
  if (reply === 421 || reply === 450 || reply === 451) return new SendError(`smtp ${reply}: ${said('try again later')}`, true, undefined, true);
  if (reply !== undefined && reply >= 400) return new SendError(`smtp ${reply}: ${said('try again later')}`, true);
  if (err.code && PERMANENT_CODES[err.code]) return new SendError(`smtp ${err.code}: ${PERMANENT_CODES[err.code]}`, false);
  return new SendError(`smtp ${err.code ?? 'error'}: ${said('send failed')}`, true);
}
