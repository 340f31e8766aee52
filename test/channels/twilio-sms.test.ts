/**
 * The hotline by SMS around the single message: receipts through the fake
 * Twilio, retries at once, threading, routing, long texts, opt-out, delivery
 * reports. What one webhook is stored as, and the requests refused (unsigned,
 * forged, missing fields), are replayed by the channel harness from
 * test/fixtures/sms/cases.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixture, signed, startFakeTwilio, TWILIO, twilioEnv } from '../helpers/twilio.js';
import { queueSend } from '../../src/outbox/queue.js';

let sys: TestSystem;
let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
const app = () => sys.app!;
const newSid = () => `SM${randomBytes(16).toString('hex')}`;

beforeAll(async () => {
  fake = await startFakeTwilio();
  sys = await startTestSystem({ env: { ...twilioEnv(fake.url), OUTBOX_WAKE_DELAY_MS: '0' } });
  await seedDemoDistrict(sys.db.pool);
  // 华山街道's own hotline number.
  await sys.sql(`UPDATE zone SET phone_numbers = ARRAY['+8687163611111'] WHERE code = 'wh-hs'`);
});
afterAll(async () => {
  await sys.teardown();
  await fake.close();
});

async function sms(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const base = await fixture('sms/sms-inbound.json');
  const sid = overrides.MessageSid ?? newSid();
  return { ...base, MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, ...overrides };
}

const counts = async () =>
  (
    await sys.sql<{ messages: number; cases: number; outbox: number }>(
      `SELECT (SELECT count(*) FROM message)::int AS messages, (SELECT count(*) FROM "case")::int AS cases, (SELECT count(*) FROM outbox)::int AS outbox`,
    )
  )[0]!;

const outboxFor = (phone: string) =>
  sys.sql<{ kind: string; status: string; provider_id: string | null; attempts: number; last_error: string | null }>(
    `SELECT kind, status, provider_id, attempts, last_error FROM outbox WHERE to_address = $1 ORDER BY id`,
    [phone],
  );

describe('hotline SMS in', () => {
  it('should turn a signed SMS into a case and text the receipt through Twilio', async () => {
    const params = await sms({ From: '+8613800001111' });
    const res = await app().inject(signed('/webhooks/twilio/sms', params));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    expect(res.body).toContain('<Response></Response>');

    const [receipt] = await eventually(async () => {
      const rows = await outboxFor('+8613800001111');
      return rows[0]?.status === 'sent' ? rows : null;
    });
    const call = fake.sent.find((s) => s.sid === receipt!.provider_id)!;
    expect(call).toMatchObject({ To: '+8613800001111', From: TWILIO.from, StatusCallback: `${TWILIO.publicBaseUrl}/webhooks/twilio/status` });
    expect(call.authorization).toBe(`Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO.authToken}`).toString('base64')}`);
    const [kase] = await sys.sql<{ case_no: string; category_code: string; origin_channel: string }>(
      `SELECT c.case_no, c.category_code, c.origin_channel FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.provider_message_id = $1`,
      [params.MessageSid],
    );
    expect(kase).toMatchObject({ origin_channel: 'sms' });
    expect(call.Body).toContain(kase!.case_no);
    expect(call.Body.length).toBeLessThanOrEqual(2 * 67); // two UCS-2 segments
  });

  it('should make one message, one case and one receipt of a MessageSid delivered five times at once', async () => {
    const params = await sms({ From: '+8613800002222' });
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 5 }, () => app().inject(signed('/webhooks/twilio/sms', params))));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    await eventually(async () => (await outboxFor('+8613800002222'))[0]?.status === 'sent');
    const again = await app().inject(signed('/webhooks/twilio/sms', params));
    expect(again.statusCode).toBe(200);
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
    expect(after.messages - before.messages).toBe(2); // the SMS and its receipt
    expect(fake.sent.filter((s) => s.To === '+8613800002222')).toHaveLength(1);
  });

  it('should let the resident look up a case opened by SMS with their phone number', async () => {
    const params = await sms({ From: '+8613800001515' });
    await app().inject(signed('/webhooks/twilio/sms', params));
    const [kase] = await eventually(() =>
      sys
        .sql<{ case_no: string }>(`SELECT c.case_no FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.provider_message_id = $1`, [params.MessageSid])
        .then((r) => (r.length ? r : null)),
    );
    const res = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${kase!.case_no}&contact=13800001515` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseNo: kase!.case_no, status: 'registered' });
  });

  it("should thread a resident's next text into their open case without a second receipt", async () => {
    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: '+8613800003333' })));
    await eventually(async () => (await outboxFor('+8613800003333'))[0]?.status === 'sent');
    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: '+8613800003333', Body: '补充：是3栋门口那盏' })));
    await eventually(async () => (await sys.sql(`SELECT 1 FROM message WHERE body = '补充：是3栋门口那盏' AND case_id IS NOT NULL`)).length === 1);
    const cases = await sys.sql(
      `SELECT DISTINCT m.case_id FROM message m JOIN channel_identity ci ON ci.contact_id = m.contact_id WHERE ci.address = '+8613800003333' AND m.direction = 'in'`,
    );
    expect(cases).toHaveLength(1);
    expect(await outboxFor('+8613800003333')).toHaveLength(1);
  });

  it("should route a text to a street office's own number to that street, recording why", async () => {
    const params = await sms({ From: '+8613800004444', To: '+8687163611111' });
    await app().inject(signed('/webhooks/twilio/sms', params));
    const [kase] = await eventually(() =>
      sys
        .sql<{ code: string; routing: { zone: unknown } }>(
          `SELECT z.code, c.routing FROM "case" c JOIN zone z ON z.id = c.zone_id JOIN message m ON m.case_id = c.id WHERE m.provider_message_id = $1`,
          [params.MessageSid],
        )
        .then((rows) => (rows.length ? rows : null)),
    );
    expect(kase!.code).toBe('wh-hs');
    expect(kase!.routing.zone).toMatchObject({ reason: 'channel_hint', hint: 'number:+8687163611111' });
  });
});

describe('long texts', () => {
  it('should send a long text as numbered parts, in order', async () => {
    const phone = '+8613800001313';
    const text = '关于您反映的翠湖南路路灯问题，社区已联系市政部门现场查看并更换了灯具。'.repeat(15);
    await queueSend(sys.db.pool, { channel: 'sms', to: phone, body: text, kind: 'answer', dedupeKey: 'answer:long-text-test' });
    sys.relay!.wake();
    const parts = await eventually(async () => {
      const sent = fake.sent.filter((s) => s.To === phone);
      return sent.length > 1 && sent.at(-1)!.Body.match(/\((\d+)\/\1\)$/) ? sent : null;
    });
    expect(parts.map((p) => /\((\d+)\/\d+\)$/.exec(p.Body)![1])).toEqual(parts.map((_, i) => String(i + 1)));
    // The relay records the send once the last part is out: the fake may have it a moment before.
    const [row] = await eventually(async () => {
      const rows = await outboxFor(phone);
      return rows[0]?.status === 'sending' ? null : rows;
    });
    expect(row).toMatchObject({ status: 'sent', provider_id: parts[0]!.sid });
  });
});

describe('opt-out and help', () => {
  it('should stop all SMS to a number after 退订 until it texts START, and answer 帮助 with the usage', async () => {
    const phone = '+8613800005555';
    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: phone, Body: '退订' })));
    expect(await sys.sql('SELECT 1 FROM sms_opt_out WHERE address = $1', [phone])).toHaveLength(1);

    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: phone })));
    const [refused] = await eventually(async () => {
      const rows = await outboxFor(phone);
      return rows[0]?.status === 'failed' ? rows : null;
    });
    expect(refused).toMatchObject({ kind: 'receipt', attempts: 1, last_error: expect.stringContaining('opted out') });
    expect(fake.sent.filter((s) => s.To === phone)).toHaveLength(0);

    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: phone, Body: 'START' })));
    const help = await sms({ From: phone, Body: '帮助' });
    await app().inject(signed('/webhooks/twilio/sms', help));
    await app().inject(signed('/webhooks/twilio/sms', help)); // Twilio's retry: still one answer
    await eventually(async () => (await outboxFor(phone)).some((r) => r.kind === 'help' && r.status === 'sent'));
    const sentToPhone = fake.sent.filter((s) => s.To === phone);
    expect(sentToPhone).toHaveLength(1);
    expect(sentToPhone[0]!.Body).toContain('民心电话');
    expect(await sys.sql(`SELECT 1 FROM "case" WHERE reply_address = $1`, [phone])).toHaveLength(1); // 帮助 opened no case
  });
});

describe('delivery reports and send errors', () => {
  async function receiptSid(phone: string): Promise<string> {
    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: phone })));
    const [row] = await eventually(async () => {
      const rows = await outboxFor(phone);
      return rows[0]?.provider_id ? rows : null;
    });
    return row!.provider_id!;
  }

  it('should move the receipt to delivered, never back, and ignore unknown statuses', async () => {
    const phone = '+8613800006666';
    const sid = await receiptSid(phone);
    const report = async (status: string) => {
      const params = { ...(await fixture('sms/status-delivered.json')), MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, To: phone };
      return app().inject(signed('/webhooks/twilio/status', params));
    };
    expect((await report('delivered')).statusCode).toBe(200);
    expect((await outboxFor(phone))[0]!.status).toBe('delivered');
    expect((await report('sent')).statusCode).toBe(200); // late and out of order
    expect((await report('partially_teleported')).statusCode).toBe(200);
    expect((await outboxFor(phone))[0]!.status).toBe('delivered');
    const [message] = await sys.sql<{ status: string }>(`SELECT m.status FROM message m JOIN outbox o ON o.message_id = m.id WHERE o.provider_id = $1`, [sid]);
    expect(message!.status).toBe('delivered');
  });

  it('should record an undelivered report as failed with its error code', async () => {
    const phone = '+8613800007777';
    const sid = await receiptSid(phone);
    const params = { ...(await fixture('sms/status-delivered.json')), MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', To: phone };
    await app().inject(signed('/webhooks/twilio/status', params));
    expect((await outboxFor(phone))[0]).toMatchObject({ status: 'failed', last_error: 'twilio 30003 (permanent)' });
  });

  it('should refuse an unsigned status report', async () => {
    const res = await app().inject({
      ...signed('/webhooks/twilio/status', { MessageSid: 'SMx', MessageStatus: 'delivered' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('should give up at once on a permanent Twilio error and wait out a 429 without counting it as an attempt', async () => {
    fake.failNext(400, 21211, undefined, '+8613800008888');
    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: '+8613800008888' })));
    const [failed] = await eventually(async () => {
      const rows = await outboxFor('+8613800008888');
      return rows[0]?.status === 'failed' ? rows : null;
    });
    expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringContaining('21211') });

    // A 429 pauses the whole channel (the limit is the account's): short here, and waited out below, so later tests send at once.
    fake.failNext(429, null, { 'retry-after': '3' }, '+8613800009999');
    await app().inject(signed('/webhooks/twilio/sms', await sms({ From: '+8613800009999' })));
    const [retrying] = await eventually(async () => {
      const rows = await sys.sql<{ status: string; attempts: number; rate_limits: number; wait: number }>(
        `SELECT status, attempts, rate_limits, extract(epoch FROM next_attempt_at - updated_at)::int AS wait FROM outbox WHERE to_address = '+8613800009999'`,
      );
      return rows[0]?.rate_limits === 1 && rows[0].status === 'pending' ? rows : null;
    });
    expect(retrying!.wait).toBeGreaterThanOrEqual(2);
    expect(retrying!.attempts).toBe(0); // a rate limit waited out is not a failed attempt
    const [sent] = await eventually(async () => {
      const rows = await outboxFor('+8613800009999');
      return rows[0]?.status === 'sent' ? rows : null;
    });
    expect(sent!.attempts).toBe(1);
  });
});
