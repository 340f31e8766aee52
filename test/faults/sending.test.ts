/**
 * Faults on the way out (issue 12, "Sending"), and poison messages on the way
 * in: providers that hang, rate-limit and refuse, relays killed mid-send, a
 * message whose processing throws. Real PostgreSQL and Redis, the real SDKs
 * (telegraf, twilio) against local fake providers, real child processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import pino from 'pino';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { OutboxRelay } from '../../src/outbox/relay.js';
import { createSenders } from '../../src/channels/registry.js';
import { sweepStranded } from '../../src/workers/sweeper.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { startWorkerProcess } from '../helpers/processes.js';
import { fixture, startFakeBotApi, TELEGRAM, telegramEnv } from '../helpers/telegram.js';
import { startFakeTwilio, twilioEnv } from '../helpers/twilio.js';

const SUPERVISOR = { authorization: 'Bearer supervisor-token-0123456789' };
let nextUpdate = 700_000_000;

/** A resident's Telegram text, as the webhook gets it. */
function telegramText(chat: number, text: string) {
  const u = fixture('text') as { message: Record<string, unknown> & { from: object; chat: object } };
  return { update_id: nextUpdate++, message: { ...u.message, from: { ...u.message.from, id: chat }, chat: { ...u.message.chat, id: chat }, text } };
}

async function sayOnTelegram(sys: TestSystem, chat: number, text: string) {
  const res = await sys.app!.inject({
    method: 'POST',
    url: '/webhooks/telegram',
    headers: { 'x-telegram-bot-api-secret-token': TELEGRAM.secret },
    payload: telegramText(chat, text),
  });
  expect(res.statusCode).toBe(200);
}

async function submitWeb(sys: TestSystem, payload: Record<string, string>): Promise<string> {
  const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload });
  expect(res.statusCode).toBe(202);
  return res.json().caseNo as string;
}

interface OutboxRow {
  id: number;
  status: string;
  attempts: number;
  rate_limits: number;
  last_error: string | null;
  channel: string;
  kind: string;
  case_id: number;
}

const receiptTo = async (sys: TestSystem, to: string) =>
  (
    await sys.sql<OutboxRow>(
      `SELECT id, status, attempts, rate_limits, last_error, channel, kind, case_id FROM outbox WHERE to_address = $1 AND kind = 'receipt'`,
      [to],
    )
  )[0];

const events = (sys: TestSystem, caseId: number, type: string) =>
  sys.sql<{ detail: Record<string, unknown>; actor: string }>(`SELECT detail, actor FROM case_event WHERE case_id = $1 AND type = $2 ORDER BY id`, [
    caseId,
    type,
  ]);

describe('sending through slow, hung, rate-limited and refusing providers', () => {
  let sys: TestSystem;
  let bot: Awaited<ReturnType<typeof startFakeBotApi>>;
  let sms: Awaited<ReturnType<typeof startFakeTwilio>>;
  let secondRelay: OutboxRelay;

  beforeAll(async () => {
    bot = await startFakeBotApi();
    sms = await startFakeTwilio();
    sys = await startTestSystem({
      env: {
        ...telegramEnv(bot.url),
        ...twilioEnv(sms.url),
        OUTBOX_SEND_TIMEOUT_MS: '6000',
        OUTBOX_LEASE_SECONDS: '15',
        OUTBOX_MAX_ATTEMPTS: '1',
        OUTBOX_WAKE_DELAY_MS: '0',
      },
    });
    await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('supervisor', 'supervisor', $1)`, [hashApiKey('supervisor-token-0123456789')]);
    // A second relay on the same rows, as in a deployment with two worker processes.
    secondRelay = new OutboxRelay(sys.db.pool, createSenders({ config: sys.config, pool: sys.db.pool }), pino({ level: 'silent' }), {
      batchSize: 50,
      pollMs: 50,
      wakeDelayMs: 0,
      maxAttempts: 1,
      leaseSeconds: 15,
      sendTimeoutMs: 6000,
      channelConcurrency: 4,
    });
    secondRelay.start();
  });
  afterAll(async () => {
    await secondRelay?.stop();
    await sys?.teardown();
    await bot?.close();
    await sms?.close();
  });

  it('hung provider: a Telegram API that never answers delays no SMS, web or other Telegram receipt, and the hung row reaches it once', async () => {
    const HUNG = 53000001;
    const FINE = 53000002;
    bot.hang(HUNG);
    await sayOnTelegram(sys, HUNG, '小区门口的路灯坏了好几天');
    await eventually(async () => bot.hitsFor(HUNG).length === 1);

    // While that send hangs: a Telegram resident in another chat, an SMS resident and an anonymous web resident.
    await sayOnTelegram(sys, FINE, '楼道里堆满了杂物');
    await submitWeb(sys, { text: '垃圾站好几天没人清运了', phone: '13800001001', replyVia: 'sms' });
    const webCase = await submitWeb(sys, { text: '公园的健身器材坏了' });
    const recorded = await eventually(async () => {
      const [hung] = await sys.sql<{ status: string }>(`SELECT status FROM outbox WHERE to_address = $1`, [String(HUNG)]);
      const fine = await receiptTo(sys, String(FINE));
      const text = await receiptTo(sys, '+8613800001001');
      const [web] = await sys.sql<{ status: string }>(`SELECT o.status FROM outbox o JOIN "case" c ON c.id = o.case_id WHERE c.case_no = $1`, [webCase]);
      return fine?.status === 'delivered' && text?.status === 'sent' && web?.status === 'sandboxed' ? { hung: hung!.status } : null;
    }, 5000);
    expect(recorded.hung).toBe('sending'); // the hung send is still outstanding, and held up nothing

    // The hung send times out: its outcome is unknown (Telegram has no idempotency key), so it is not sent again.
    const hung = await eventually(async () => {
      const row = await receiptTo(sys, String(HUNG));
      return row?.status === 'unknown' ? row : null;
    }, 15_000);
    expect(hung.last_error).toMatch(/no answer/);
    // A pass of each relay, waited for until what it claimed is sent and recorded, does not take the row up again.
    await sys.relay!.runOnce();
    await secondRelay.runOnce();
    expect(bot.hitsFor(HUNG)).toHaveLength(1);
    expect((await events(sys, hung.case_id, 'send_failed')).map((e) => e.detail)).toEqual([
      { outboxId: hung.id, kind: 'receipt', channel: 'telegram', outcome: 'unknown', attempts: 1, rateLimits: 0 },
    ]);
    bot.unhang(HUNG);
  }, 40_000);

  it('rate limit: a 429 with retry_after is waited out and then delivered, without using up attempts', async () => {
    const LIMITED = 53000003;
    bot.failNext(LIMITED, 429, 'Too Many Requests: retry after 2', 2);
    bot.failNext(LIMITED, 429, 'Too Many Requests: retry after 2', 2);
    await sayOnTelegram(sys, LIMITED, '噪音扰民，晚上十二点还在施工');
    const row = await eventually(async () => {
      const r = await receiptTo(sys, String(LIMITED));
      return r?.status === 'delivered' ? r : null;
    }, 20_000);
    // OUTBOX_MAX_ATTEMPTS is 1 here: had the 429s counted, the receipt would have failed at the first.
    expect(row).toMatchObject({ attempts: 1, rate_limits: 2 });
    const hits = bot.hitsFor(LIMITED);
    expect(hits).toHaveLength(3);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(1900);
    expect(hits[2]!.at - hits[1]!.at).toBeGreaterThanOrEqual(1900);
    expect(await events(sys, row.case_id, 'send_failed')).toHaveLength(0);
  }, 30_000);

  it('final failure: a refused receipt goes on the timeline, is listed for staff, falls back to email once, and an admin retry sends it', async () => {
    const phone = '13800002002';
    const email = 'resident.fallback@example.cn';
    sms.failNext(400, 21211);
    const caseNo = await submitWeb(sys, { text: '小区停车位被占用', phone, email, replyVia: 'sms' });
    const failed = await eventually(async () => {
      const r = await receiptTo(sys, `+86${phone}`);
      return r?.status === 'failed' ? r : null;
    });

    // The timeline says so, without the resident's addresses.
    const [failure] = await eventually(async () => {
      const e = await events(sys, failed.case_id, 'send_failed');
      return e.length ? e : null;
    });
    expect(failure!.detail).toEqual({ outboxId: failed.id, kind: 'receipt', channel: 'sms', outcome: 'failed', attempts: 1, rateLimits: 0 });
    const fallbacks = await events(sys, failed.case_id, 'receipt_fallback');
    expect(fallbacks.map((e) => e.detail)).toEqual([{ failedOutboxId: failed.id, from: 'sms', to: 'email' }]);
    expect(JSON.stringify([failure, fallbacks])).not.toMatch(/13800002002|resident\.fallback/);
    const fallback = await eventually(async () => {
      const r = await receiptTo(sys, email);
      return r && r.status !== 'pending' && r.status !== 'sending' ? r : null;
    });
    expect(fallback).toMatchObject({ channel: 'email', kind: 'receipt', status: 'sandboxed', case_id: failed.case_id });

    // Staff see it: supervisors read, filtered and paged like the cases list.
    const list = await sys.app!.inject({ method: 'GET', url: '/api/v1/outbox/failed?channel=sms&kind=receipt', headers: SUPERVISOR });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: failed.id,
        caseNo,
        channel: 'sms',
        kind: 'receipt',
        status: 'failed',
        attempts: 1,
        to: '138****2002',
        lastError: expect.stringContaining('21211'),
      }),
    ]);
    const first = (await sys.app!.inject({ method: 'GET', url: '/api/v1/outbox/failed?limit=1', headers: SUPERVISOR })).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBe(first.items[0].id);
    const second = (await sys.app!.inject({ method: 'GET', url: `/api/v1/outbox/failed?limit=1&cursor=${first.nextCursor}`, headers: SUPERVISOR })).json();
    expect(second.items[0].id).toBeLessThan(first.items[0].id);

    // Only an admin retries; the retry is audited and on the timeline, and the send goes out.
    const refused = await sys.app!.inject({ method: 'POST', url: `/api/v1/outbox/${failed.id}/retry`, headers: SUPERVISOR });
    expect(refused.statusCode).toBe(403);
    const retried = await sys.app!.inject({ method: 'POST', url: `/api/v1/outbox/${failed.id}/retry`, headers: adminHeaders });
    expect(retried.statusCode).toBe(200);
    await eventually(async () => (await receiptTo(sys, `+86${phone}`))?.status === 'sent');
    expect(sms.sent.filter((s) => s.To === `+86${phone}`)).toHaveLength(1);
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'outbox.retry' AND subject_id = $1`, [String(failed.id)])).toHaveLength(1);
    expect(await events(sys, failed.case_id, 'send_retried')).toHaveLength(1);
    const again = await sys.app!.inject({ method: 'POST', url: `/api/v1/outbox/${failed.id}/retry`, headers: adminHeaders });
    expect(again.statusCode).toBe(409);
    const missing = await sys.app!.inject({ method: 'POST', url: '/api/v1/outbox/999999/retry', headers: adminHeaders });
    expect(missing.statusCode).toBe(404);
    // One fallback per case, however often its receipt fails.
    expect(await sys.sql(`SELECT 1 FROM outbox WHERE case_id = $1 AND channel = 'email'`, [failed.case_id])).toHaveLength(1);
  }, 30_000);
});

describe('relays killed mid-send', () => {
  let sys: TestSystem;
  let bot: Awaited<ReturnType<typeof startFakeBotApi>>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    bot = await startFakeBotApi();
    // No worker in this process: the relays are child processes, killed at will.
    sys = await startTestSystem({ role: 'http', env: { ...telegramEnv(bot.url), OUTBOX_LEASE_SECONDS: '8', OUTBOX_SEND_TIMEOUT_MS: '3000' } });
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await sys?.teardown();
    await bot?.close();
  });

  function startWorker(): ChildProcess {
    const child = startWorkerProcess(sys.env);
    children.push(child);
    return child;
  }

  it('relay crash: a recorded send is never sent again, and one cut off mid-send is sent once more (the documented window)', async () => {
    const DONE = 54000001;
    const MIDWAY = 54000002;
    const first = startWorker();
    await sayOnTelegram(sys, DONE, '小区电梯又坏了');
    const done = await eventually(async () => {
      const r = await receiptTo(sys, String(DONE));
      return r?.status === 'delivered' ? r : null;
    }, 30_000);

    bot.hang(MIDWAY);
    await sayOnTelegram(sys, MIDWAY, '楼上漏水到我家');
    await eventually(async () => bot.hitsFor(MIDWAY).length === 1, 15_000, 10);
    first.kill('SIGKILL'); // Telegram has the message; the relay never learns it
    await new Promise((resolve) => first.once('exit', resolve));
    bot.unhang(MIDWAY);
    expect((await receiptTo(sys, String(MIDWAY)))!.status).toBe('sending');

    startWorker();
    const midway = await eventually(async () => {
      const r = await receiptTo(sys, String(MIDWAY));
      return r?.status === 'delivered' ? r : null;
    }, 30_000);
    // The holder died between the provider's acceptance and the record: sent once more after the lease, and only once.
    expect(midway.attempts).toBe(2);
    expect(bot.hitsFor(MIDWAY)).toHaveLength(2);
    // The row the first relay recorded was not touched by the second.
    expect(bot.hitsFor(DONE)).toHaveLength(1);
    expect(await receiptTo(sys, String(DONE))).toMatchObject({ status: 'delivered', attempts: done.attempts });
  }, 90_000);
});

describe('poison messages', () => {
  let sys: TestSystem;
  let worker: TestSystem | null = null;

  beforeAll(async () => {
    sys = await startTestSystem({ role: 'http', env: { INTAKE_MAX_ATTEMPTS: '3' } });
  });
  afterAll(async () => {
    await worker?.stop();
    await sys?.teardown();
  });

  it('poison message: the rest of its batch gets cases, it is set aside after N attempts, listed, and an admin retry processes it', async () => {
    const texts = ['路灯不亮', '垃圾没人收', '噪音扰民', '井盖丢了'];
    const caseNos: string[] = [];
    for (const [i, text] of texts.entries()) caseNos.push(await submitWeb(sys, { text, phone: `1380000300${i}` }));
    await sys.queue.drain(); // their own jobs are gone: they come back below in one job with the poison
    const good = (await sys.sql<{ id: number }>(`SELECT id FROM message WHERE direction = 'in' ORDER BY id`)).map((r) => r.id);
    const POISON_TEXT = '这条消息的处理总是出错';
    const [poison] = await sys.sql<{ id: number }>(
      `INSERT INTO message (direction, channel, provider_message_id, body, meta, status)
       SELECT direction, channel, 'poison-1', $2, jsonb_set(meta, '{sender}', 'null'), 'received' FROM message WHERE id = $1 RETURNING id`,
      [good[0], POISON_TEXT],
    );
    await sys.queue.add('messages', { messageIds: [...good.slice(0, 2), poison!.id, ...good.slice(2)] });

    worker = await startTestSystem({
      role: 'worker',
      schema: sys.schema,
      prefix: sys.prefix,
      env: { INTAKE_MAX_ATTEMPTS: '3', SWEEP_SAFETY_NET_SECONDS: '1', SWEEP_INTERVAL_MS: '300' },
    });
    await eventually(async () => (await sys.sql(`SELECT 1 FROM "case"`)).length === 4, 20_000);
    const [set] = await eventually(async () => {
      const r = await sys.sql<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM message WHERE id = $1`, [
        poison!.id,
      ]);
      return r[0]?.status === 'poisoned' ? r : null;
    }, 20_000);
    expect(set).toMatchObject({ attempts: 3, last_error: expect.stringMatching(/^TypeError: /) });
    expect(worker.logs.join('')).not.toContain(POISON_TEXT);

    // Neither the queue nor the sweeper takes it up again: a sweep that would take anything still waiting queues
    // nothing, and a message accepted after it is processed while the poisoned one stays as it is.
    expect(await sweepStranded(sys.db.pool, sys.queue, 0)).toBe(0);
    const later = await submitWeb(sys, { text: '另一位居民：小区门口的长椅坏了' });
    await eventually(async () => (await sys.sql(`SELECT 1 FROM "case" WHERE case_no = $1`, [later])).length === 1, 20_000);
    expect((await sys.sql<{ attempts: number }>(`SELECT attempts FROM message WHERE id = $1`, [poison!.id]))[0]!.attempts).toBe(3);

    const listed = await sys.app!.inject({ method: 'GET', url: '/api/v1/intake/failed', headers: adminHeaders });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: poison!.id, channel: 'web', attempts: 3, lastError: expect.stringMatching(/^TypeError/) }),
    ]);
    expect(listed.body).not.toContain(POISON_TEXT);

    // The cause is mended; an admin processes it again.
    await sys.sql(`UPDATE message SET meta = (SELECT meta FROM message WHERE id = $1) WHERE id = $2`, [good[0], poison!.id]);
    const retried = await sys.app!.inject({ method: 'POST', url: `/api/v1/intake/failed/${poison!.id}/retry`, headers: adminHeaders });
    expect(retried.statusCode).toBe(200);
    await eventually(async () => (await sys.sql(`SELECT 1 FROM message WHERE id = $1 AND case_id IS NOT NULL`, [poison!.id])).length === 1, 15_000);
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'intake.retry' AND subject_id = $1`, [String(poison!.id)])).toHaveLength(1);
    const notPoisoned = await sys.app!.inject({ method: 'POST', url: `/api/v1/intake/failed/${poison!.id}/retry`, headers: adminHeaders });
    expect(notPoisoned.statusCode).toBe(409);
  }, 60_000);
});
