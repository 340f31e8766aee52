/**
 * vitest's global setup: the PostgreSQL and Redis the tests use. With
 * TEST_DATABASE_URL / TEST_REDIS_URL set, those; else the machine's own on
 * 127.0.0.1:5432 / 6379 when they answer (as in CI); else, on a fresh machine,
 * the same embedded PostgreSQL and private redis-server that `npm start` uses,
 * started once on free ports under a temporary directory and stopped at the end.
 * MINQING_TEST_SERVICES=embedded forces the embedded ones.
 *
 * The URLs reach the test files through `inject` and the environment
 * (test/helpers/system.ts reads them).
 *
 * Then the router's model of the shipped examples is trained (or found) in the
 * shared cache, so the gateways the test files start load it instead of each
 * training their own; and the staff console is built when its sources changed
 * (scripts/console-build.ts), for the serving and browser tests.
 */
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../src/core/log.js';
import { embeddedDatabaseUrl, startEmbeddedPostgres, startEmbeddedRedis, type EmbeddedService } from '../src/runtime/embedded-services.js';
import { cachedShippedModel } from '../src/router/model-store.js';
import { TEST_MODEL_CACHE_DIR } from './helpers/model-cache.js';
import { ensureConsoleBuilt } from '../scripts/console-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    testRedisUrl: string;
  }
}

const MACHINE_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const MACHINE_REDIS_URL = 'redis://127.0.0.1:6379';

export default async function setup(project: TestProject) {
  const forced = process.env.MINQING_TEST_SERVICES === 'embedded';
  const started: EmbeddedService[] = [];
  let dir: string | null = null;
  const scratch = async () => {
    if (!dir) {
      dir = await mkdtemp(join(tmpdir(), 'minqing-test-services-'));
      await chmod(dir, 0o755); // the embedded PostgreSQL runs as the user "postgres" under root
    }
    return dir;
  };
  const log = createLogger('warn');

  let databaseUrl = forced ? undefined : process.env.TEST_DATABASE_URL;
  if (!databaseUrl && !forced && (await answers(5432))) databaseUrl = MACHINE_DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres(await scratch(), log);
    started.push(postgres);
    databaseUrl = await createTestDatabase(postgres.url);
    console.log(`tests use an embedded PostgreSQL (${databaseUrl}): no TEST_DATABASE_URL and nothing on 127.0.0.1:5432`);
  }
  let redisUrl = forced ? undefined : process.env.TEST_REDIS_URL;
  if (!redisUrl && !forced && (await answers(6379))) redisUrl = MACHINE_REDIS_URL;
  if (!redisUrl) {
    const redis = await startEmbeddedRedis(await scratch(), log);
    started.push(redis);
    redisUrl = redis.url;
    console.log(`tests use a private redis-server (${redisUrl}): no TEST_REDIS_URL and nothing on 127.0.0.1:6379`);
  }

  project.provide('testDatabaseUrl', databaseUrl);
  project.provide('testRedisUrl', redisUrl);
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_REDIS_URL = redisUrl;

  const training = performance.now();
  await cachedShippedModel(TEST_MODEL_CACHE_DIR);
  console.log(`router model ready in ${TEST_MODEL_CACHE_DIR} (${Math.round(performance.now() - training)} ms)`);

  const building = performance.now();
  const outcome = await ensureConsoleBuilt();
  console.log(`staff console ${outcome === 'built' ? 'built' : 'up to date'} (${Math.round(performance.now() - building)} ms)`);

  return async () => {
    for (const service of started.reverse()) await service.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}

/** Whether something accepts connections on 127.0.0.1:port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/** The `test` database on the embedded cluster, as the machine's services have it. */
async function createTestDatabase(clusterUrl: string): Promise<string> {
  const port = Number(new URL(clusterUrl).port);
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(port, 'postgres') });
  await client.connect();
  try {
    await client.query('CREATE DATABASE test');
  } finally {
    await client.end();
  }
  return embeddedDatabaseUrl(port, 'test');
}
