import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '../../src/core/log.js';
import { Acceptor } from '../../src/intake/accept.js';
import { InboundProcessor } from '../../src/intake/process.js';
import { Catalog } from '../../src/catalog/catalog.js';
import { createIntakeQueue } from '../../src/intake/queue.js';
import { producerConnection } from '../../src/store/redis.js';
import { sweepStranded } from '../../src/workers/sweeper.js';
import { OutboxRelay } from '../../src/outbox/relay.js';
import { createDb } from '../../src/store/db.js';
import { buildApp } from '../../src/http/app.js';
import { appDeps } from '../../src/runtime/system.js';
import type { InboundMessage } from '../../src/core/message.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
let acceptor: Acceptor;
let processor: InboundProcessor;
const silent = createLogger('silent');

beforeAll(async () => {
  // The HTTP role only: these tests drive the worker steps by hand.
  sys = await startTestSystem({ role: 'http', env: { METRICS_BUSINESS: 'true' } });
  acceptor = new Acceptor({ pool: sys.db.pool, queue: sys.queue, log: silent, timeZone: 'Asia/Shanghai' });
  // The model the gateway loaded (trained once per test run, see test/global-setup.ts).
  const { classifier } = sys.app!.deps;
  processor = new InboundProcessor({ pool: sys.db.pool, catalog: new Catalog(sys.db.pool), classifier, timeZone: 'Asia/Shanghai', triageZoneCode: 'district' });
});
afterAll(() => sys.teardown());

function message(text: string, phone: string, threading: InboundMessage['threading'] = 'new-case'): InboundMessage {
  return {
    channel: threading === 'new-case' ? 'web' : 'sms',
    providerMessageId: randomUUID(),
    text,
    sender: { identities: [{ kind: 'phone', address: `+86${phone}` }] },
    attachments: [],
    hints: {},
    replyTo: { channel: 'sms', address: `+86${phone}` },
    language: 'zh',
    threading,
    receivedAt: new Date().toISOString(),
  };
}

const accept = (m: InboundMessage) => acceptor.accept(m, { reserveCaseNo: m.threading === 'new-case' });
const count = async (sql: string, params: unknown[] = []) => (await sys.sql<{ n: number }>(sql, params))[0]!.n;
const countForCase = (table: string, caseNo: string) =>
  count(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = (SELECT id FROM "case" WHERE case_no = $1)`, [caseNo]);

describe('accepting', () => {
  it('should store and queue messages that arrive together with one job, and make a repeated key one message', async () => {
    const a = message('小区停水两天了', '13800003331');
    const b = message('路灯不亮', '13800003332');
    const results = await Promise.all([accept(a), accept(b), accept(a), accept({ ...a })]);
    expect(results.map((r) => r.duplicate)).toEqual([false, false, true, true]);
    expect(new Set([results[0].messageId, results[2].messageId, results[3].messageId]).size).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM message WHERE provider_message_id = ANY($1)`, [[a.providerMessageId, b.providerMessageId]])).toBe(2);
    const jobs = await sys.queue.getJobs(['waiting']);
    const queuedIds = jobs.flatMap((j) => j.data.messageIds);
    expect(queuedIds.filter((id) => id === results[0].messageId)).toHaveLength(1);
    expect(queuedIds).toContain(results[1].messageId);
  });
});

describe('bad data', () => {
  it('should store text with NULs and lone surrogates cleaned, and fail only the message the database refuses', async () => {
    const dirty = {
      ...message('水管\u0000漏水 \ud83d', '13800003334'),
      sender: { name: '\udc00张\u0000三', identities: [{ kind: 'phone', address: '+8613800003334' }] },
    };
    const fine = message('路面有坑', '13800003335');
    const tooLong = { ...message('井盖丢了', '13800003336'), providerMessageId: `<${randomBytes(2000).toString('hex')}@example.cn>` };
    const [a, b, c] = await Promise.allSettled([accept(dirty), accept(fine), accept(tooLong)]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
    expect(c).toMatchObject({ status: 'rejected', reason: { code: '54000' } });
    const [row] = await sys.sql<{ body: string; meta: { sender: { name: string } } }>(`SELECT body, meta FROM message WHERE provider_message_id = $1`, [
      dirty.providerMessageId,
    ]);
    expect(row).toMatchObject({ body: '水管漏水 ', meta: { sender: { name: '张三' } } });
  });
});

describe('case numbers', () => {
  it('should keep case numbers unique and readable past the ten-thousandth case', async () => {
    await sys.sql(`SELECT setval('case_no_seq', 9998)`);
    const accepted = await Promise.all(['一', '二', '三'].map((t, i) => accept(message(t, `1380000900${i}`))));
    const suffixes = accepted.map((a) => a.caseNo!.slice(6)).sort();
    expect(suffixes).toEqual(['10000', '10001', '9999']);
    expect(accepted.every((a) => /^\d{6}/.test(a.caseNo!) && a.caseNo!.slice(0, 6) === accepted[0]!.caseNo!.slice(0, 6))).toBe(true);
  });
});

describe('every step is safe to run twice', () => {
  it('should open one case and queue one receipt when the same job runs twice, one after another or at once', async () => {
    const accepted = await accept(message('小区停水两天了', '13800003333'));
    const first = await processor.process([accepted.messageId]);
    expect(first).toEqual({ opened: 1, threaded: 0, skipped: 0 });
    expect(await processor.process([accepted.messageId])).toEqual({ opened: 0, threaded: 0, skipped: 1 });
    await Promise.all([processor.process([accepted.messageId]), processor.process([accepted.messageId])]);

    expect(await count('SELECT count(*)::int AS n FROM "case" WHERE case_no = $1', [accepted.caseNo])).toBe(1);
    expect(await countForCase('outbox', accepted.caseNo!)).toBe(1);
    expect(await countForCase('case_event', accepted.caseNo!)).toBe(1);
  });

  it('should open each case exactly once when three workers race on the same fresh batch', async () => {
    const batch = await Promise.all(['路灯不亮', '垃圾没人收', '噪音扰民'].map((t, i) => accept(message(t, `1380000444${i}`))));
    const ids = batch.map((b) => b.messageId);
    const results = await Promise.all([processor.process(ids), processor.process([...ids].reverse()), processor.process(ids)]);
    expect(results.reduce((sum, r) => sum + r.opened, 0)).toBe(3);
    for (const b of batch) expect(await countForCase('outbox', b.caseNo!)).toBe(1);
  });

  it('should record a send once when the relay runs twice', async () => {
    const accepted = await accept(message('垃圾没人收', '13800005555'));
    await processor.process([accepted.messageId]);
    const relay = new OutboxRelay(sys.db.pool, new Map(), silent, { batchSize: 50, pollMs: 1000, wakeDelayMs: 0, maxAttempts: 3, leaseSeconds: 60 });
    await Promise.all([relay.runOnce(), relay.runOnce()]);
    await relay.runOnce();
    const rows = await sys.sql<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM outbox WHERE case_id = (SELECT id FROM "case" WHERE case_no = $1)',
      [accepted.caseNo],
    );
    expect(rows).toEqual([{ status: 'sandboxed', attempts: 1 }]);
  });
});

describe('residents and threads', () => {
  it('should make one contact of one resident writing twice in the same batch', async () => {
    const a = await accept(message('第一件事', '13800006666'));
    const b = await accept(message('第二件事', '13800006666'));
    await processor.process([a.messageId, b.messageId]);
    expect(await count('SELECT count(DISTINCT contact_id)::int AS n FROM "case" WHERE case_no = ANY($1)', [[a.caseNo, b.caseNo]])).toBe(1);
  });

  it('should link a phone and an email given together to one contact, and find it again by either', async () => {
    const both = message('我的事', '13800006667');
    both.sender.identities.push({ kind: 'email', address: 'both@example.com' });
    const byEmail = message('还是我', '13800006668');
    byEmail.sender.identities = [{ kind: 'email', address: 'both@example.com' }];
    const first = await accept(both);
    await processor.process([first.messageId]);
    const second = await accept(byEmail);
    await processor.process([second.messageId]);
    expect(await count('SELECT count(DISTINCT contact_id)::int AS n FROM "case" WHERE case_no = ANY($1)', [[first.caseNo, second.caseNo]])).toBe(1);
  });

  it("should thread a chat resident's messages into one open case, even when they arrive in one batch", async () => {
    const msgs = await Promise.all(['你好', '我家门口的路灯坏了', '在翠湖南路'].map((t) => accept(message(t, '13800007000', 'open-case'))));
    const result = await processor.process(msgs.map((m) => m.messageId));
    expect(result).toEqual({ opened: 1, threaded: 2, skipped: 0 });
    const cases = await sys.sql<{ case_id: number }>('SELECT DISTINCT case_id FROM message WHERE id = ANY($1)', [msgs.map((m) => m.messageId)]);
    expect(cases).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE case_id = $1`, [cases[0]!.case_id])).toBe(1);

    const later = await accept(message('有进展吗', '13800007000', 'open-case'));
    expect(await processor.process([later.messageId])).toEqual({ opened: 0, threaded: 1, skipped: 0 });
  });
});

describe('when a dependency is down', () => {
  it('should store the message while Redis is unreachable and finish it once the sweeper runs', async () => {
    // A connection that worked, then went away.
    const deadRedis = producerConnection(sys.env.REDIS_URL!);
    const deadQueue = createIntakeQueue(deadRedis, sys.prefix);
    await deadQueue.waitUntilReady();
    deadRedis.disconnect();
    const app = await buildApp(
      appDeps(sys.config, sys.db, deadRedis, deadQueue, silent, 'pipeline-test-secret', sys.app!.deps.catalog, sys.app!.deps.classifier),
      silent,
    );
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '下水道堵了', phone: '13800007777' } });
      expect(res.statusCode).toBe(202);
      const { caseNo } = res.json();
      const [row] = await sys.sql<{ id: number; status: string }>('SELECT id, status FROM message WHERE reserved_case_no = $1', [caseNo]);
      expect(row!.status).toBe('unqueued');

      // Redis is back: the sweeper queues what was stranded, a worker finishes it.
      expect(await sweepStranded(sys.db.pool, sys.queue, 600)).toBe(1);
      const jobs = await sys.queue.getJobs(['waiting']);
      expect(jobs.some((j) => j.data.messageIds.includes(row!.id))).toBe(true);
      expect(await processor.process([row!.id])).toMatchObject({ opened: 1 });
      expect(await sweepStranded(sys.db.pool, sys.queue, 600)).toBe(0);
    } finally {
      await app.close();
      await deadQueue.close().catch(() => {});
    }
  });

  it('should answer 503 with Retry-After and queue nothing when PostgreSQL is unreachable', async () => {
    const deadDb = createDb({ url: 'postgresql://postgres@127.0.0.1:1/test' });
    const redis = producerConnection(sys.env.REDIS_URL!);
    const app = await buildApp(appDeps(sys.config, deadDb, redis, sys.queue, silent, 'pipeline-test-secret', undefined, sys.app!.deps.classifier), silent);
    const jobsBefore = await sys.queue.count();
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '你好', phone: '13800008888' } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(await sys.queue.count()).toBe(jobsBefore);

      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', postgres: { ok: false }, redis: { ok: true } });
      expect((await sys.app!.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
    } finally {
      await app.close();
      redis.disconnect();
      await deadDb.close().catch(() => {});
    }
  });
});

describe('metrics', () => {
  it('should expose messages in, cases opened (a business figure, METRICS_BUSINESS=true), stage latency and queue depth', async () => {
    const res = await sys.app!.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/minqing_messages_in_total\{channel="web",duplicate="false"\} [1-9]/);
    expect(res.body).toMatch(/minqing_cases_opened_total\{channel="web",category="\w+"\} [1-9]/);
    expect(res.body).toMatch(/minqing_stage_duration_seconds_count\{stage="accept"\} [1-9]/);
    expect(res.body).toMatch(/minqing_queue_jobs\{queue="intake",state="waiting"\} \d+/);
  });
});
