/**
 * The small set of typed errors that steer control flow. Workers turn
 * non-retryable errors into BullMQ's UnrecoverableError; the HTTP error
 * handler turns InputError into a 4xx naming the field.
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
  ) {
    super(message);
    this.name = 'SendError';
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
