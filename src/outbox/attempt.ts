/**
 * One send attempt, bounded in time, and what to record for it. The sender
 * gets an AbortSignal (the SDKs that take one stop their request); a timer
 * races the send as a backstop for those that do not.
 */
import type { ChannelSender, OutboundMessage } from '../core/message.js';
import { SendError, SendOutcomeUnknown } from '../core/errors.js';

export interface Claimed extends OutboundMessage {
  attempts: number;
  rateLimits: number;
  createdAt: Date;
}

export type RecordedStatus = 'pending' | 'sent' | 'delivered' | 'failed' | 'sandboxed' | 'unknown';

export interface AttemptResult {
  id: number;
  status: RecordedStatus;
  providerId: string | null;
  error: string | null;
  retryInMs: number;
  /** The provider's rate limit: waited out, not counted as an attempt. */
  rateLimited: boolean;
}

export interface AttemptPolicy {
  timeoutMs: number;
  maxAttempts: number;
}

/** Backoff after a transient failure: 2, 4, 8 … s, at most 15 minutes. */
const backoffMs = (n: number) => Math.min(2 ** n * 1000, 15 * 60_000);

/** Calls the provider at most once and says what happened; never throws. */
export async function attempt(sender: ChannelSender | undefined, row: Claimed, policy: AttemptPolicy): Promise<AttemptResult> {
  const base = { id: row.outboxId, providerId: null, error: null, retryInMs: 0, rateLimited: false };
  if (!sender?.configured) return { ...base, status: 'sandboxed' };
  try {
    const outcome = await withTimeout(policy.timeoutMs, (signal) => sender.send(row, { signal }));
    return { ...base, status: outcome.status, providerId: outcome.providerId ?? null };
  } catch (err) {
    const error = (err as Error).message.slice(0, 500);
    if (err instanceof SendError && err.rateLimited) {
      return { ...base, status: 'pending', error, rateLimited: true, retryInMs: err.retryAfterMs ?? backoffMs(row.rateLimits + 1) };
    }
    if (err instanceof SendOutcomeUnknown && !sender.idempotent) return { ...base, status: 'unknown', error };
    const retryable = err instanceof SendOutcomeUnknown || (err instanceof SendError ? err.retryable : true);
    const giveUp = !retryable || row.attempts >= policy.maxAttempts;
    const retryInMs = err instanceof SendError && err.retryAfterMs !== undefined ? err.retryAfterMs : backoffMs(row.attempts);
    return { ...base, status: giveUp ? 'failed' : 'pending', error, retryInMs: giveUp ? 0 : retryInMs };
  }
}

/**
 * Runs `send` with a signal aborted after `ms`; if the send has not settled by
 * then, rejects with SendOutcomeUnknown whatever the sender does with the signal.
 */
export async function withTimeout<T>(ms: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const backstop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SendOutcomeUnknown(`no answer from the provider within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([send(controller.signal), backstop]);
  } catch (err) {
    // An SDK that honours the signal rejects with its own abort error: the same unknown outcome.
    if (controller.signal.aborted && !(err instanceof SendOutcomeUnknown)) throw new SendOutcomeUnknown(`no answer from the provider within ${ms} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
