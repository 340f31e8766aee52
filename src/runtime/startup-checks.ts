/**
 * What start-up checks before it builds anything on its dependencies, each
 * failing with a StartupError that names the cause and what to do: a writable
 * DATA_DIR, a reachable PostgreSQL, a reachable Redis that keeps its keys.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { StartupError, explainStartupFailure, redactUrl } from './startup-errors.js';
import { readEvictionPolicy, EVICTION_HINT } from '../store/redis-policy.js';

export async function ensureWritableDir(dir: string): Promise<void> {
  const probe = join(resolve(dir), `.write-test-${process.pid}`);
  try {
    await mkdir(resolve(dir), { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (err) {
    throw new StartupError(
      `DATA_DIR ${resolve(dir)} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      'set DATA_DIR to a directory this user can write, or fix its permissions',
      { cause: err },
    );
  }
}

/** The HTTP and SMTP ports are free now (fixed ports only: 0 always is). */
export async function ensurePortsFree(config: Pick<Config, 'PORT' | 'HOST' | 'SMTP_LISTEN_PORT' | 'SMTP_LISTEN_HOST'>): Promise<void> {
  const wanted = [
    { port: config.PORT, host: config.HOST },
    { port: config.SMTP_LISTEN_PORT, host: config.SMTP_LISTEN_HOST ?? config.HOST },
  ];
  for (const { port, host } of wanted) {
    if (port === 0) continue;
    await new Promise<void>((ok, fail) => {
      const server = createServer();
      server.once('error', (err) => fail(explainStartupFailure(err, config)));
      server.listen({ port, host, exclusive: true }, () => server.close(() => ok()));
    });
  }
}

/** Errors that may pass on their own (the service is starting, or briefly away): worth another try. */
function transient(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return (
    code === undefined ||
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|57P03)$/.test(code) ||
    /timeout/i.test(String((err as Error)?.message))
  );
}

async function retryUntil<T>(deadline: number, attempt: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (!transient(err) || Date.now() + 250 > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Waits up to `waitMs` for PostgreSQL to answer; then fails naming the URL (without its password). */
export async function waitForDatabase(pool: pg.Pool, url: string, configured: boolean, waitMs: number): Promise<void> {
  try {
    await retryUntil(Date.now() + waitMs, () => pool.query('SELECT 1'));
  } catch (err) {
    const code = (err as { code?: string }).code;
    const hint = !configured
      ? 'the embedded PostgreSQL did not answer: see the log above, or set DATABASE_URL'
      : code === '28P01' || code === '28000'
        ? 'check the user and password in DATABASE_URL'
        : code === '3D000'
          ? 'create that database (createdb) or fix the database name in DATABASE_URL'
          : 'check DATABASE_URL, and that PostgreSQL is running and accepts connections from here';
    throw new StartupError(`cannot use PostgreSQL at ${redactUrl(url)}: ${describe(err)}`, hint, { cause: err });
  }
}

/** Waits up to `waitMs` for Redis to answer a PING; then fails naming the URL (without its password). */
export async function waitForRedis(redis: Redis, url: string, configured: boolean, waitMs: number): Promise<void> {
  let lastError: unknown;
  const remember = (err: unknown) => (lastError = err);
  redis.on('error', remember);
  try {
    await retryUntil(Date.now() + waitMs, async () => {
      try {
        return await redis.ping();
      } catch (err) {
        // Without an offline queue a PING fails at once while the connection is down; the connection's own error says why.
        throw lastError ?? err;
      }
    });
  } catch (err) {
    throw new StartupError(
      `cannot reach Redis at ${redactUrl(url)}: ${describe(err)}`,
      configured
        ? 'check REDIS_URL, and that Redis is running and accepts connections from here'
        : 'the private redis-server did not answer: see the log above, or set REDIS_URL',
      { cause: err },
    );
  } finally {
    redis.off('error', remember);
  }
}

/**
 * BullMQ loses jobs when Redis evicts keys: refused in production, a warning
 * elsewhere (and in /healthz). Returns the policy, or null when Redis does not tell.
 */
export async function checkEvictionPolicy(redis: Redis, url: string, production: boolean, log: Logger): Promise<string | null> {
  const policy = await readEvictionPolicy(redis);
  if (policy === null) {
    log.warn({ redis: { url: redactUrl(url) } }, 'could not read Redis maxmemory-policy (CONFIG and INFO refused): make sure it is noeviction');
  } else if (policy !== 'noeviction') {
    if (production) throw new StartupError(`Redis at ${redactUrl(url)} evicts keys (maxmemory-policy ${policy})`, EVICTION_HINT);
    log.warn(
      { redis: { url: redactUrl(url), evictionPolicy: policy }, hint: EVICTION_HINT },
      `Redis evicts keys (maxmemory-policy ${policy}): queued jobs can be lost`,
    );
  }
  return policy;
}

function describe(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return describe(err.errors[0]);
  return (err as Error)?.message || (err as { code?: string })?.code || String(err);
}
