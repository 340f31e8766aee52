/**
 * The small set of typed errors that steer control flow: the HTTP error
 * handler turns InputError into a 4xx naming the field and UnavailableError
 * into a 503 (src/core/api-error.ts); the outbox relay retries a SendError
 * that is `retryable` and gives up on the others (src/outbox/attempt.ts);
 * intake tells unavailable dependencies (retry) from bad data (poison) with
 * isUnavailable and isDataError.
 */

/** Bad input from a resident or a provider: a 4xx, nothing stored. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly statusCode = 400,
    readonly code = 'invalid_request',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A send that failed. `retryable` decides between backoff and giving up. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Provider's hint for when to retry (e.g. HTTP 429 Retry-After). */
    readonly retryAfterMs?: number,
    /**
     * The provider refused for now because of its rate limit (HTTP 429, Telegram's retry_after, SMTP 421/450/451):
     * the send is waited out, not counted as a failed attempt.
     */
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * The provider was asked but gave no answer in time (or the connection broke
 * after the request went out): the message may or may not have been sent.
 */
export class SendOutcomeUnknown extends SendError {
  constructor(message: string) {
    super(message, false);
    this.name = 'SendOutcomeUnknown';
  }
}

/** A dependency (PostgreSQL, Redis) is down: answer 503 with Retry-After. */
export class UnavailableError extends Error {
  constructor(
    readonly dependency: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} is unavailable`, options);
    this.name = 'UnavailableError';
  }
}

/**
 * Whether a database or Redis error means "cannot reach it now" (retry later)
 * rather than "this request is wrong" or a bug: network errors, and the
 * SQLSTATE classes for connection trouble (08), operator intervention such
 * as a shutdown (57) and exhausted resources (53).
 */
export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return /timeout|terminated|Connection/i.test(String((err as Error)?.message));
  return /^E[A-Z]+$/.test(code) || /^(08|57|53)/.test(code);
}

/**
 * Whether a database error is about the data itself (SQLSTATE class 22, data
 * exception, e.g. a NUL in text; class 54, program limit exceeded, e.g. an
 * index row too big): the same row fails every time, so retrying cannot help.
 */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|54)/.test(code);
}
