/**
 * `npm run bench [-- --n 20000 --concurrency 64 --rate 300 --layout split|all]`
 *
 * Drives the information window's intake on this machine and prints one JSON line:
 *  - floor: a bare Fastify route doing one PostgreSQL insert and one Redis append,
 *    driven at full speed (the most any durable intake could ack here) and at the offered rate;
 *  - throughput: N messages at full speed through POST /api/v1/intake/web; acks/s,
 *    and end-to-end/s until every receipt is recorded by the outbox relay;
 *  - latency: the same at a fixed offered rate (default 300/s): ack and end-to-end p50/p99;
 *  - ratios of ours to the floor, and the gateway processes' peak RSS.
 * Uses DATABASE_URL / REDIS_URL (default: the local 127.0.0.1 services) in a scratch schema and prefix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import { percentile, runLoad, type LoadResult } from './load.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '64' },
    rate: { type: 'string', default: '300' },
    'rate-seconds': { type: 'string', default: '10' },
    layout: { type: 'string', default: 'split' },
  },
});
const N = Number(args.n);
const CONCURRENCY = Number(args.concurrency);
const RATE = Number(args.rate);
const RATE_TOTAL = Math.round(RATE * Number(args['rate-seconds']));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const tag = `bench_${Date.now().toString(36)}`;

const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
const scoped = new pg.Pool({ connectionString: DATABASE_URL, max: 2, options: `-c search_path=${tag}` });
const children: ChildProcess[] = [];

function start(script: string, args: string[], port: number, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []), '--import', 'tsx', script, ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL,
        DATABASE_SCHEMA: tag,
        REDIS_URL,
        QUEUE_PREFIX: tag,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATA_DIR: `/tmp/${tag}`,
        APP_SECRET: 'bench-only-secret-0123456789abcdef0123',
        // One client sending thousands a second: the public intake limits would stop the bench, not measure it.
        INTAKE_RATE_PER_CLIENT: '100000000',
        INTAKE_RATE_TOTAL: '100000000',
        ...extraEnv,
      },
    },
  );
  children.push(child);
  return child;
}

async function waitFor(url: string, okStatus = 200): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const res = await fetch(url).catch(() => null);
    if (res?.status === okStatus) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** VmHWM: the most resident memory the process ever had, in MB. */
function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** User + system CPU seconds the process has used so far. */
function cpuSeconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const stop = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : (child.once('exit', r), child.kill('SIGTERM'))));
const round = (x: number) => Math.round(x * 10) / 10;
const message = (i: number) =>
  JSON.stringify({ text: `第${i}号反映：小区路灯坏了，晚上很黑，请尽快维修`, phone: `139${String(i).padStart(8, '0')}`, zoneCode: 'district' });

async function receiptsRecorded(): Promise<number> {
  const { rows } = await scoped.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE status = 'sandboxed'`);
  return rows[0]!.n;
}

/** Submit time → receipt recorded, per message answered in `load`. */
async function endToEnd(load: LoadResult): Promise<{ perMessageMs: number[]; lastAt: number }> {
  const started = new Map(load.answers.map((a) => [(JSON.parse(a.body) as { caseNo: string }).caseNo, a.startedAt]));
  const { rows } = await scoped.query<{ case_no: string; sent_ms: string }>(
    `SELECT c.case_no, (extract(epoch FROM o.sent_at) * 1000)::bigint AS sent_ms
     FROM outbox o JOIN "case" c ON c.id = o.case_id WHERE c.case_no = ANY($1)`,
    [[...started.keys()]],
  );
  const perMessageMs = rows.map((r) => Number(r.sent_ms) - started.get(r.case_no)!);
  return { perMessageMs, lastAt: Math.max(...rows.map((r) => Number(r.sent_ms))) };
}

/**
 * Each measured phase starts from a fresh checkpoint, so none pays for the WAL
 * an earlier one left behind (needs a superuser; skipped where not allowed).
 */
const checkpoint = () => admin.query('CHECKPOINT').catch(() => {});

async function drive(url: string, total: number, rate: number) {
  return runLoad({ url, total, rate, concurrency: CONCURRENCY, body: message, okStatus: 202 });
}

try {
  await admin.query(`CREATE SCHEMA ${tag}`);

  // 1. The floor.
  const floor = start('bench/floor-server.ts', [], 3901);
  await waitFor('http://127.0.0.1:3901/none', 404);
  await drive('http://127.0.0.1:3901/floor', 1000, Infinity); // warm-up
  await checkpoint();
  const floorRun = await drive('http://127.0.0.1:3901/floor', N, Infinity);
  await checkpoint();
  const floorAtRate = await drive('http://127.0.0.1:3901/floor', RATE_TOTAL, RATE);
  await stop(floor);

  // 2. The gateway: HTTP front and workers as separate processes (or one, with --layout all).
  const gateway =
    args.layout === 'all'
      ? [start('src/main.ts', ['--role=all'], 3902)]
      : [start('src/main.ts', ['--role=http'], 3902), start('src/main.ts', ['--role=worker'], 3903)];
  await waitFor('http://127.0.0.1:3902/healthz');
  const intake = 'http://127.0.0.1:3902/api/v1/intake/web';
  const waitForReceipts = async (n: number) => {
    while ((await receiptsRecorded()) < n) await new Promise((r) => setTimeout(r, 20));
  };
  await drive(intake, 1000, Infinity); // warm-up
  await waitForReceipts(1000);

  await checkpoint();
  const throughput = await drive(intake, N, Infinity);
  await waitForReceipts(1000 + throughput.ok);
  const tp = await endToEnd(throughput);
  const firstStart = Math.min(...throughput.answers.map((a) => a.startedAt));

  await checkpoint();
  const cpuBefore = gateway.map(cpuSeconds);
  const latency = await drive(intake, RATE_TOTAL, RATE);
  await waitForReceipts(1000 + throughput.ok + latency.ok);
  const cpuMsPerMessage = gateway.map((child, i) => round(((cpuSeconds(child) - cpuBefore[i]!) * 1000) / RATE_TOTAL));
  const lat = await endToEnd(latency);
  const rss = gateway.reduce((sum, child) => sum + peakRssMb(child), 0);
  await Promise.all(gateway.map(stop));

  for (const [name, run] of Object.entries({ floor: floorRun, throughput, latency })) {
    if (run.failed > 0) console.error(`${name}: ${run.failed} failed, statuses ${JSON.stringify(run.statuses)}, first: ${run.firstError}`);
  }
  const floorAcks = floorRun.ok / floorRun.seconds;
  const acks = throughput.ok / throughput.seconds;
  console.log(
    JSON.stringify({
      machine: { cores: (await import('node:os')).cpus().length, layout: args.layout, concurrency: CONCURRENCY },
      throughput: {
        n: N,
        failed: throughput.failed,
        acceptedPerSec: Math.round(acks),
        endToEndPerSec: Math.round(throughput.ok / ((tp.lastAt - firstStart) / 1000)),
        ackP50Ms: round(percentile(throughput.latenciesMs, 50)),
        ackP99Ms: round(percentile(throughput.latenciesMs, 99)),
      },
      latency: {
        offeredPerSec: RATE,
        n: RATE_TOTAL,
        failed: latency.failed,
        ackP50Ms: round(percentile(latency.latenciesMs, 50)),
        ackP99Ms: round(percentile(latency.latenciesMs, 99)),
        endToEndP50Ms: round(percentile(lat.perMessageMs, 50)),
        endToEndP99Ms: round(percentile(lat.perMessageMs, 99)),
        /** Node CPU per message in each gateway process (http, worker). */
        cpuMsPerMessage,
      },
      floor: {
        acceptedPerSec: Math.round(floorAcks),
        ackP50Ms: round(percentile(floorRun.latenciesMs, 50)),
        ackP99Ms: round(percentile(floorRun.latenciesMs, 99)),
        atOfferedRate: { ackP50Ms: round(percentile(floorAtRate.latenciesMs, 50)), ackP99Ms: round(percentile(floorAtRate.latenciesMs, 99)) },
      },
      ratioToFloor: { accepted: Math.round((acks / floorAcks) * 100) / 100 },
      peakRssMb: rss,
    }),
  );
} finally {
  for (const child of children) child.kill('SIGKILL');
  await admin.query(`DROP SCHEMA IF EXISTS ${tag} CASCADE`).catch(() => {});
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${tag}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await scoped.end();
  await admin.end();
}
