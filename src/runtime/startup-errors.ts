/**
 * Start-up failures an operator can act on: what went wrong, in one line, and
 * what to do about it. main.ts prints both; anything else that rejects start-up
 * (including a rejection that is not an Error) is turned into one here.
 */
import type { Config } from '../config.js';

export class StartupError extends Error {
  constructor(
    message: string,
    /** What the operator can do about it (which variable to set, which command to run). */
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** A connection string fit for logs: the password is left out. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an unparseable URL)';
  }
}

/** Whatever start-up rejected with, as a StartupError naming the cause. */
export function explainStartupFailure(err: unknown, config: Pick<Config, 'PORT' | 'HOST' | 'SMTP_LISTEN_PORT'>): StartupError {
  if (err instanceof StartupError) return err;
  if (!(err instanceof Error)) {
    return new StartupError(`start-up was rejected without an error (${describe(err)})`, 'this is a bug: please report it with the log lines above', {
      cause: err,
    });
  }
  const e = err as NodeJS.ErrnoException & { port?: number; address?: string };
  if (e.syscall === 'listen' || e.code === 'EADDRINUSE') {
    const variable = e.port === config.PORT ? 'PORT' : e.port === config.SMTP_LISTEN_PORT ? 'SMTP_LISTEN_PORT' : 'PORT or SMTP_LISTEN_PORT';
    const where = `port ${e.port ?? '?'} on ${e.address ?? config.HOST}`;
    if (e.code === 'EADDRINUSE')
      return new StartupError(`${where} is already in use`, `another process (another gateway?) listens there: stop it, or set ${variable} to a free port`, {
        cause: err,
      });
    if (e.code === 'EACCES')
      return new StartupError(`not allowed to listen on ${where}`, `ports below 1024 need privileges: set ${variable} to a port above 1024`, { cause: err });
    if (e.code === 'EADDRNOTAVAIL')
      return new StartupError(
        `${e.address ?? config.HOST} is not an address of this machine`,
        'set HOST (and SMTP_LISTEN_HOST) to one of its addresses, or 0.0.0.0',
        { cause: err },
      );
  }
  return new StartupError(err.message || err.name, '', { cause: err });
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
