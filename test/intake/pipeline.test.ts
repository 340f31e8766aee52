import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/core/log.js';
import { acceptInbound } from '../../src/intake/accept.js';
import { processInbound } from '../../src/intake/process.js';
import { Catalog } from '../../src/router/catalog.js';
import { createIntakeQueue, producerConnection, type IntakeJob } from '../../src/workers/queues.js';
import { sweepStranded } from '../../src/workers/sweeper.js';
import { OutboxRelay } from '../../src/workers/outbox-relay.js';
import { createDb } from '../../src/store/db.js';
import { buildApp } from '../../src/http/app.js';
import { AttachmentStore } from '../../src/intake/attachments.js';
import type { InboundMessage } from '../../src/core/message.js';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const silent = createLogger('silent');

beforeAll(async () => {
  // The HTTP role only: these tests drive the worker steps by hand.
  sys = await startTestSystem({ role: 'http' });
});
afterAll(() => sys.teardown());

function message(text: string, phone = '13800003333'): InboundMessage {
  return {
    channel: 'web',
    providerMessageId: randomUUID(),
    text,
    sender: { identities: [{ kind: 'phone', address: `+86${phone}` }] },
    attachments: [],
    hints: {},
    replyTo: { channel: 'sms', address: `+86${phone}` },
    language: 'zh',
    threading: 'new-case',
    receivedAt: new Date().toISOString(),
  };
}

const deps = () => ({ pool: sys.db.pool, catalog: new Catalog(sys.db.pool), timeZone: 'Asia/Shanghai', triageZoneCode: 'district' });
const accept = (m: InboundMessage) =>
  acceptInbound({ pool: sys.db.pool, queue: sys.queue, log: silent, timeZone: 'Asia/Shanghai' }, m, { reserveCaseNo: true });

async function jobFor(messageId: number): Promise<IntakeJob> {
  const job = await sys.queue.getJob(`m${messageId}`);
  expect(job).toBeDefined();
  return job!.data;
}

const countFor = async (table: string, caseNo: string) =>
  (await sys.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = (SELECT id FROM "case" WHERE case_no = $1)`, [caseNo]))[0]!.n;

describe('every step is safe to run twice', () => {
  it('should open one case and queue one receipt when the same job runs twice, one after another or at once', async () => {
    const accepted = await accept(message('小区停水两天了'));
    const job = await jobFor(accepted.messageId);

    const first = await processInbound(deps(), job);
    expect(first).toMatchObject({ kind: 'opened', caseNo: accepted.caseNo });
    expect(await processInbound(deps(), job)).toEqual({ kind: 'already-done' });
    const concurrent = await Promise.all([processInbound(deps(), job), processInbound(deps(), job)]);
    expect(concurrent).toEqual([{ kind: 'already-done' }, { kind: 'already-done' }]);

    expect((await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [accepted.caseNo])).length).toBe(1);
    expect(await countFor('outbox', accepted.caseNo!)).toBe(1);
    expect(await countFor('case_event', accepted.caseNo!)).toBe(1);
  });

  it('should open exactly one case when two workers race on a fresh job', async () => {
    const accepted = await accept(message('路灯不亮', '13800004444'));
    const job = await jobFor(accepted.messageId);
    const outcomes = await Promise.all([processInbound(deps(), job), processInbound(deps(), job), processInbound(deps(), job)]);
    expect(outcomes.filter((o) => o.kind === 'opened')).toHaveLength(1);
    expect(await countFor('outbox', accepted.caseNo!)).toBe(1);
  });

  it('should record a send once when the relay runs twice', async () => {
    const accepted = await accept(message('垃圾没人收', '13800005555'));
    await processInbound(deps(), await jobFor(accepted.messageId));
    const relay = new OutboxRelay(sys.db.pool, new Map(), silent, { batchSize: 50, pollMs: 1000, maxAttempts: 3, leaseSeconds: 60 });
    await Promise.all([relay.runOnce(), relay.runOnce()]);
    await relay.runOnce();
    const rows = await sys.sql<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM outbox WHERE case_id = (SELECT id FROM "case" WHERE case_no = $1)',
      [accepted.caseNo],
    );
    expect(rows).toEqual([{ status: 'sandboxed', attempts: 1 }]);
  });

  it('should link one resident writing twice from the same phone to one contact', async () => {
    const a = await accept(message('第一件事', '13800006666'));
    const b = await accept(message('第二件事', '13800006666'));
    await Promise.all([processInbound(deps(), await jobFor(a.messageId)), processInbound(deps(), await jobFor(b.messageId))]);
    const contacts = await sys.sql('SELECT DISTINCT contact_id FROM "case" WHERE case_no = ANY($1)', [[a.caseNo, b.caseNo]]);
    expect(contacts).toHaveLength(1);
  });
});

describe('when a dependency is down', () => {
  it('should store the message while Redis is unreachable and finish it once the sweeper runs', async () => {
    const deadRedis = producerConnection('redis://127.0.0.1:1');
    deadRedis.on('error', () => {});
    const deadQueue = createIntakeQueue(deadRedis, sys.prefix);
    deadQueue.on('error', () => {});
    const attachments = new AttachmentStore(sys.env.DATA_DIR!);
    const app = await buildApp({ config: sys.config, db: sys.db, redis: deadRedis, queue: deadQueue, catalog: new Catalog(sys.db.pool), attachments }, silent);
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '下水道堵了', phone: '13800007777' } });
      expect(res.statusCode).toBe(202);
      const { caseNo } = res.json();
      const [row] = await sys.sql<{ id: number; status: string }>('SELECT id, status FROM message WHERE reserved_case_no = $1', [caseNo]);
      expect(row!.status).toBe('received');
      expect(await sys.queue.getJob(`m${row!.id}`)).toBeUndefined();

      // Redis is back: the sweeper queues what was stranded, a worker finishes it.
      expect(await sweepStranded(sys.db.pool, sys.queue, 0)).toBeGreaterThanOrEqual(1);
      const job = await jobFor(row!.id);
      expect(await processInbound(deps(), job)).toMatchObject({ kind: 'opened', caseNo });
    } finally {
      await app.close();
      await deadQueue.close().catch(() => {});
      deadRedis.disconnect();
    }
  });

  it('should answer 503 with Retry-After and store nothing when PostgreSQL is unreachable', async () => {
    const deadDb = createDb({ url: 'postgresql://postgres@127.0.0.1:1/test' });
    const app = await buildApp({ config: sys.config, db: deadDb, redis: sys.db.pool as never, queue: sys.queue, catalog: new Catalog(deadDb.pool), attachments: new AttachmentStore(sys.env.DATA_DIR!) }, silent);
    const jobsBefore = await sys.queue.count();
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '你好', phone: '13800008888' } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(await sys.queue.count()).toBe(jobsBefore);
    } finally {
      await app.close();
      await deadDb.close().catch(() => {});
    }
  });

  it('should report unreadiness at /healthz when PostgreSQL is unreachable', async () => {
    const deadDb = createDb({ url: 'postgresql://postgres@127.0.0.1:1/test' });
    const app = await buildApp({ config: sys.config, db: deadDb, redis: producerConnection(sys.env.REDIS_URL!), queue: sys.queue, catalog: new Catalog(deadDb.pool), attachments: new AttachmentStore(sys.env.DATA_DIR!) }, silent);
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', postgres: { ok: false }, redis: { ok: true } });
      const ok = await sys.app!.inject({ method: 'GET', url: '/healthz' });
      expect(ok.json()).toMatchObject({ status: 'ok' });
    } finally {
      await app.close();
      app.deps.redis.disconnect();
      await deadDb.close().catch(() => {});
    }
  });
});

describe('metrics', () => {
  it('should expose messages in, cases opened, stage latency and queue depth', async () => {
    await eventually(async () => true);
    const res = await sys.app!.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/minqing_messages_in_total\{channel="web",duplicate="false"\} \d+/);
    expect(res.body).toMatch(/minqing_cases_opened_total\{channel="web",category="infrastructure"\} \d+/);
    expect(res.body).toContain('minqing_stage_duration_seconds_bucket{le="0.001",stage="accept"}');
    expect(res.body).toMatch(/minqing_queue_jobs\{queue="intake",state="waiting"\} \d+/);
  });
});
