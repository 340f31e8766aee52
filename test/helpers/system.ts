/**
 * A whole gateway for one test file: real PostgreSQL (a schema of its own)
 * and real Redis (a queue prefix of its own), torn down afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { Redis } from 'ioredis';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/core/log.js';
import { startSystem, type Role, type System } from '../../src/runtime/system.js';
import { TEST_MODEL_CACHE_DIR } from './model-cache.js';

// Chosen once for the run by test/global-setup.ts: the given URLs, the machine's services, or embedded ones.
export const TEST_DATABASE_URL = inject('testDatabaseUrl');
export const TEST_REDIS_URL = inject('testRedisUrl');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** The password of the console's `admin` account in every test system. */
export const ADMIN_PASSWORD = 'test-admin-password-0123';

export interface TestSystem extends System {
  /** Every log line written so far, to check what reaches the logs. */
  logs: string[];
  schema: string;
  prefix: string;
  /** Raw SQL in this test's schema. */
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The environment a child process needs to join this system. */
  env: Record<string, string>;
  teardown(): Promise<void>;
}

export function uniqueName(kind: string): string {
  return `${kind}_${randomBytes(5).toString('hex')}`;
}

export async function startTestSystem(options: { role?: Role; env?: Record<string, string>; schema?: string; prefix?: string } = {}): Promise<TestSystem> {
  const schema = options.schema ?? uniqueName('t');
  const prefix = options.prefix ?? uniqueName('q');
  const dataDir = await mkdtemp(join(tmpdir(), 'minqing-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    ADMIN_PASSWORD,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '50',
    SWEEP_INTERVAL_MS: '500',
    SMTP_LISTEN_PORT: '0',
    ROUTER_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
    // Tests submit many messages from one address; the attack tests set their own limits.
    INTAKE_RATE_PER_CLIENT: '100000',
    INTAKE_RATE_TOTAL: '100000',
    SMTP_RATE_PER_IP_PER_HOUR: '100000',
    ...options.env,
  };
  await createSchema(schema);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config: Config = loadConfig(env);
  const system = await startSystem(config, createLogger(config.LOG_LEVEL, sink), options.role ?? 'all');
  return {
    ...system,
    logs,
    schema,
    prefix,
    env,
    sql: async (text, params) => (await system.db.pool.query(text, params)).rows,
    teardown: async () => {
      await system.stop();
      await dropSchema(schema);
      await deleteQueueKeys(prefix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withAdminClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const createSchema = (schema: string) => withAdminClient((c) => c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
export const dropSchema = (schema: string) => withAdminClient((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };
