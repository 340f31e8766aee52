/**
 * Answers on the spot (现场答疑) through the whole intake, by SMS: a consultation that matches the
 * knowledge base gets the answer in its receipt and waits for the resident's 1 or 2; complaints, urgent
 * messages, expired answers and answers for other zones are never given.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { loadDemoEntries } from '../../src/knowledge/demo-entries.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixture, signed, startFakeTwilio, twilioEnv } from '../helpers/twilio.js';

let sys: TestSystem;
let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
const HUASHAN = '+8687163611111';
const HUGUO = '+8687163622222';
const dog = loadDemoEntries().find((e) => e.id === 'dog-registration')!;

beforeAll(async () => {
  fake = await startFakeTwilio();
  sys = await startTestSystem({ env: { ...twilioEnv(fake.url), OUTBOX_WAKE_DELAY_MS: '0', TIMER_TICK_MS: '200' } });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`UPDATE zone SET phone_numbers = ARRAY[$1] WHERE code = 'wh-hs'`, [HUASHAN]);
  await sys.sql(`UPDATE zone SET phone_numbers = ARRAY[$1] WHERE code = 'wh-hg'`, [HUGUO]);
  // Every liaison reads their cases on Telegram (sandboxed: no bot token).
  await sys.sql(`INSERT INTO liaison_chat (liaison_id, channel, address) SELECT id, 'telegram', 'chat-' || id FROM liaison`);
  for (const payload of [
    {
      slug: 'huguo-parking',
      questions: ['老年人停车证怎么申请', '老人停车优惠证在哪里办'],
      answerZh: '护国街道：到便民服务中心申请。',
      answerEn: 'Huguo: apply at the service centre.',
      zoneCodes: ['wh-hg'],
    },
    {
      slug: 'heating-subsidy',
      questions: ['冬季取暖补贴怎么领', '取暖费补助什么时候发'],
      answerZh: '取暖补贴已于2020年发放完毕。',
      answerEn: 'Paid out in 2020.',
      validUntil: '2020-03-31',
    },
  ]) {
    const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/knowledge', headers: adminHeaders, payload });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await sys.teardown();
  await fake.close();
});

interface CaseRow {
  id: number;
  case_no: string;
  status: string;
  urgent: boolean;
  kind: string;
  routing: { knowledge?: { answered: boolean; slug: string; score: number; entryId: number } };
}

/** Texts the hotline (a zone's own number) and waits until the message is on a case. */
async function text(from: string, body: string, to = HUASHAN): Promise<CaseRow> {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const params = { ...(await fixture('sms/sms-inbound.json')), MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, From: from, To: to, Body: body };
  expect((await sys.app!.inject(signed('/webhooks/twilio/sms', params))).statusCode).toBe(200);
  return eventually(async () => {
    const rows = await sys.sql<CaseRow>(
      `SELECT c.id, c.case_no, c.status, c.urgent, c.kind, c.routing FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.provider_message_id = $1`,
      [sid],
    );
    return rows[0];
  });
}

const smsTo = (phone: string, containing: string) => eventually(async () => fake.sent.find((s) => s.To === phone && s.Body.includes(containing)));
const events = async (caseId: number) =>
  await sys.sql<{ type: string; detail: Record<string, unknown> }>('SELECT type, detail FROM case_event WHERE case_id = $1 ORDER BY id', [caseId]);
const notices = (caseId: number) => sys.sql(`SELECT 1 FROM outbox WHERE case_id = $1 AND kind = 'liaison_notice'`, [caseId]);
const liveTimers = (caseId: number) => sys.sql(`SELECT kind FROM case_timer WHERE case_id = $1 AND cancelled_at IS NULL AND fired_at IS NULL`, [caseId]);
const statusOf = async (caseId: number) => (await sys.sql<{ status: string }>('SELECT status FROM "case" WHERE id = $1', [caseId]))[0]!.status;

describe('a consultation the knowledge base answers', () => {
  const resident = '+8613900000001';
  let kase: CaseRow;

  beforeAll(async () => {
    kase = await text(resident, '请问在城区养狗要办犬证吗，在哪里办');
  });

  it("should text the answer and the 1/2 line in the receipt, and open the case answered, with no liaison notice and only the wait for the resident's word", async () => {
    expect(kase).toMatchObject({ status: 'answered', kind: 'consultation', urgent: false });
    expect(kase.routing.knowledge).toMatchObject({ answered: true, slug: 'dog-registration', minScore: 0.5 });
    const receipt = await smsTo(resident, kase.case_no);
    expect(receipt.Body).toContain(dog.answerZh);
    expect(receipt.Body).toContain('回复1表示已解答；回复2转人工办理');
    const answered = (await events(kase.id)).find((e) => e.type === 'answered_from_knowledge');
    expect(answered?.detail).toEqual({ entryId: expect.any(Number), slug: 'dog-registration', score: kase.routing.knowledge!.score });
    expect(await notices(kase.id)).toHaveLength(0);
    expect(await liveTimers(kase.id)).toEqual([{ kind: 'knowledge_expiry' }]);
  });

  it('should close the case when the resident replies 1, with no new case and no liaison notice', async () => {
    const reply = await text(resident, '1');
    expect(reply.id).toBe(kase.id);
    await eventually(async () => (await statusOf(kase.id)) === 'closed');
    expect((await events(kase.id)).map((e) => e.type)).toContain('knowledge_confirmed');
    await smsTo(resident, '感谢您的确认');
    expect(await notices(kase.id)).toHaveLength(0);
    expect(await sys.sql(`SELECT 1 FROM "case" WHERE contact_id = (SELECT contact_id FROM "case" WHERE id = $1)`, [kase.id])).toHaveLength(1);
  });
});

describe('a resident who never answers 1 or 2', () => {
  it('should close the case as answered when KNOWLEDGE_CONFIRM_HOURS have passed, with no liaison notice', async () => {
    const kase = await text('+8613900000004', '请问在城区养狗要办犬证吗，在哪里办');
    expect(kase.status).toBe('answered');
    const [timer] = await sys.sql<{ due_at: Date }>(`SELECT due_at FROM case_timer WHERE case_id = $1 AND kind = 'knowledge_expiry'`, [kase.id]);
    expect(timer!.due_at.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    await sys.sql(`UPDATE case_timer SET due_at = now() WHERE case_id = $1 AND kind = 'knowledge_expiry'`, [kase.id]);
    await eventually(async () => (await statusOf(kase.id)) === 'closed', 15_000);
    expect((await events(kase.id)).map((e) => e.type)).toContain('knowledge_unconfirmed');
    expect(await notices(kase.id)).toHaveLength(0);
  });
});

describe('a resident who asks for a person', () => {
  const resident = '+8613900000002';

  it('should answer in English with the English line, and on 2 hand the case to the zone: reopened, liaison noticed, timers set', async () => {
    const kase = await text(resident, 'How do I register my dog in the city?');
    expect(kase.status).toBe('answered');
    const receipt = await smsTo(resident, kase.case_no);
    expect(receipt.Body).toContain(dog.answerEn);
    expect(receipt.Body).toContain('Reply 1 if this answered you, 2 to talk to a person');

    const reply = await text(resident, '2');
    expect(reply.id).toBe(kase.id);
    expect(await statusOf(kase.id)).toBe('reopened');
    const types = (await events(kase.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['knowledge_declined', 'reopened', 'deadline_set']));
    expect(await notices(kase.id)).not.toHaveLength(0);
    expect((await liveTimers(kase.id)).length).toBeGreaterThan(0);
    // The resident is told who handles it and by when, like any new case.
    await eventually(async () => fake.sent.filter((s) => s.To === resident && s.Body.includes(kase.case_no)).length >= 2);
  });

  it('should hand it over the same way when the resident writes anything else', async () => {
    const other = '+8613900000003';
    const kase = await text(other, '请问在城区养狗要办犬证吗，在哪里办');
    expect(kase.status).toBe('answered');
    const follow = await text(other, '我是外地户口，刚搬来华山街道，这样也能办吗？');
    expect(follow.id).toBe(kase.id);
    await eventually(async () => (await statusOf(kase.id)) === 'reopened');
    expect(await notices(kase.id)).not.toHaveLength(0);
    expect((await liveTimers(kase.id)).length).toBeGreaterThan(0);
  });
});

describe('messages the knowledge base never answers', () => {
  it('should not answer a complaint that contains the words of a question', async () => {
    const kase = await text('+8613900000011', '我要投诉楼上邻居养狗不办犬证，天天半夜狗叫扰民，物业也不管');
    expect(kase.kind).not.toBe('consultation');
    expect(kase.routing.knowledge).toBeUndefined();
    expect(kase.status).toBe('registered');
    const receipt = await smsTo('+8613900000011', kase.case_no);
    expect(receipt.Body).not.toContain('回复1');
    await eventually(async () => (await notices(kase.id)).length > 0);
  });

  it('should not answer an urgent message that contains the words of a question', async () => {
    const kase = await text('+8613900000012', '家里燃气管道漏气了，味道很大，老人已经头晕了，燃气安全检查找谁？');
    expect(kase.urgent).toBe(true);
    expect(kase.routing.knowledge).toBeUndefined();
    expect(kase.status).not.toBe('answered');
  });

  it('should not give an answer past its last valid day', async () => {
    const kase = await text('+8613900000013', '请问冬季取暖补贴怎么领');
    expect(kase.kind).toBe('consultation');
    expect(kase.routing.knowledge?.slug === 'heating-subsidy').toBe(false);
    expect(kase.status).toBe('registered');
  });

  it("should not give another zone's answer, and give it in that zone", async () => {
    const here = await text('+8613900000014', '请问老年人停车证怎么申请');
    expect(here.kind).toBe('consultation');
    expect(here.routing.knowledge?.slug === 'huguo-parking').toBe(false);
    expect(here.status).toBe('registered');
    const there = await text('+8613900000015', '请问老年人停车证怎么申请', HUGUO);
    expect(there.routing.knowledge).toMatchObject({ slug: 'huguo-parking', answered: true });
    expect(there.status).toBe('answered');
  });
});
