/**
 * Real processes for fault scenarios: a gateway started as `npm start` would
 * (`src/main.ts` in a child process), and a private redis-server on a free port
 * that a test may stop and start again. Never the machine's shared services.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { freePort } from '../../src/runtime/embedded-services.js';
import { eventually } from './system.js';
import { TEST_MODEL_CACHE_DIR } from './model-cache.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A directory for one test's files; readable by the `postgres` user an embedded PostgreSQL runs as under root. */
/** A `--role=worker` process joining a test system (its `env`), its output discarded; the caller kills it. */
export function startWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--role=worker'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
}

export async function scratchDir(kind: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `minqing-${kind}-`));
  await chmod(dir, 0o755);
  return dir;
}

export interface GatewayProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the HTTP port once the gateway logs that it runs; rejects if it exits first. */
  running(timeoutMs?: number): Promise<number>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  url(path: string): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
}

/** Starts `src/main.ts` with only PATH, HOME and `env` in its environment (no DATABASE_URL or REDIS_URL unless given). */
export function startGateway(env: Record<string, string>, args: string[] = []): GatewayProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    // The router's model trained once for the run (test/global-setup.ts), not once per gateway.
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/root',
      HOST: '127.0.0.1',
      PORT: '0',
      SMTP_LISTEN_PORT: '0',
      ROUTER_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  // Never outlive the test process; SIGTERM, so the gateway stops the services it started.
  const orphaned = () => child.kill('SIGTERM');
  process.once('exit', orphaned);
  void exited.then(() => process.removeListener('exit', orphaned));
  let port = 0;
  const gateway: GatewayProcess = {
    child,
    output: () => text,
    exited,
    async running(timeoutMs = 120_000) {
      let gone = false;
      void exited.then(() => (gone = true));
      port = await eventually(
        async () => {
          if (gone) throw new Error(`the gateway exited before it ran:\n${text.slice(-3000)}`);
          const line = text.split('\n').find((l) => l.includes('"minqing gateway running"'));
          return line ? (JSON.parse(line) as { port: number }).port : null;
        },
        timeoutMs,
        100,
      );
      return port;
    },
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  return gateway;
}

export interface PrivateRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop). */
  start(): Promise<void>;
}

/** A redis-server of the test's own, on a free port, in a scratch directory, with `args` added. */
export async function startPrivateRedis(args: string[] = []): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await scratchDir('redis');
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const redis: PrivateRedis = {
    port,
    url,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...args], {
        stdio: 'ignore',
      });
      await eventually(async () => {
        const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        probe.on('error', () => {});
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      }, 10_000);
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const gone = once(running, 'exit');
      running.kill('SIGKILL');
      await gone;
    },
  };
  await redis.start();
  // Never outlive the test process, even when a hook times out before stop().
  process.once('exit', () => child?.kill('SIGKILL'));
  return redis;
}
