/**
 * What broke when a liaison's day was played through (issue 12): a reopened
 * case nobody watched, a reply confirmed as sent to a resident who had opted
 * out of SMS, a forwarded receipt that let a stranger into a case, and numbers
 * typed into a text that reached the liaison in full. One whole gateway:
 * telegraf's client against a fake Bot API (the liaisons' and a resident's
 * chats), the Twilio SDK against a fake REST API (the hotline), nodemailer
 * against our SMTP listener with a local sink for our mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { noticeFailedAnswers } from '../../src/liaisons/reply-failures.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixture, startFakeBotApi, TELEGRAM, telegramEnv } from '../helpers/telegram.js';
import { fixture as twilioFixture, signed, startFakeTwilio, twilioEnv } from '../helpers/twilio.js';
import { envEmail, MAILBOX, sendRaw, smtpClient, startSink } from '../helpers/email.js';

let sys: TestSystem;
let bot: Awaited<ReturnType<typeof startFakeBotApi>>;
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
let sink: Awaited<ReturnType<typeof startSink>>;
const app = () => sys.app!;

const LIAISON = 64000001; // 赵桂兰, liaison of 翠湖社区第一居民小组 (wh-hs-ch-01)
const ABOVE = 64000002; // 杨丽芬, liaison of 翠湖社区 (wh-hs-ch), the level above
const RESIDENT_CHAT = 54000001;
let nextUpdate = 990_000_000;
let nextSms = 0;

beforeAll(async () => {
  bot = await startFakeBotApi();
  twilio = await startFakeTwilio();
  sink = await startSink();
  sys = await startTestSystem({ env: { ...telegramEnv(bot.url), ...twilioEnv(twilio.url), ...envEmail(sink.url), TIMER_TICK_MS: '200' } });
  await seedDemoDistrict(sys.db.pool);
  for (const [zone, chat] of [
    ['wh-hs-ch-01', LIAISON],
    ['wh-hs-ch', ABOVE],
  ] as const) {
    const [{ id }] = (await sys.sql(`SELECT liaison_id AS id FROM zone WHERE code = $1`, [zone])) as [{ id: number }];
    const { code } = (await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders })).json();
    await say(chat, `绑定 ${code}`);
    await eventually(async () => bot.to(chat).some((m) => m.text.includes('绑定成功')));
  }
});
afterAll(async () => {
  await sys?.teardown();
  await Promise.all([bot?.close(), twilio?.close(), sink?.close()]);
});

async function say(chat: number, text: string, message: Record<string, unknown> = {}) {
  const u = fixture('text') as { message: Record<string, unknown> & { from: object; chat: object } };
  const payload = {
    update_id: nextUpdate++,
    message: { ...u.message, from: { ...u.message.from, id: chat }, chat: { ...u.message.chat, id: chat }, text, ...message },
  };
  const res = await app().inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': TELEGRAM.secret }, payload });
  expect(res.statusCode).toBe(200);
}

/** A signed SMS from a resident to the hotline. */
async function sms(from: string, body: string) {
  const sid = `SMcaseflow${String(nextSms++).padStart(22, '0')}`;
  const params = { ...(await twilioFixture('sms/sms-inbound.json')), MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, From: from, Body: body };
  expect((await app().inject(signed('/webhooks/twilio/sms', params))).statusCode).toBe(200);
  return sid;
}

/** Another resident's SMS, followed until its receipt reached the fake Twilio: any text queued before it has gone out by then. */
async function laterSmsReceipt() {
  const phone = `+861391235${String(nextSms).padStart(4, '0')}`;
  await sms(phone, '另一位居民：小区门口的长椅坏了');
  await eventually(async () => twilio.sent.some((s) => s.To === phone));
}

/** Waits for the bot's next message to `chat` after `before` that matches. */
const nextTo = (chat: number, before: number, match: RegExp = /./) =>
  eventually(async () =>
    bot
      .to(chat)
      .slice(before)
      .find((m) => match.test(m.text)),
  );

const caseOfSms = async (sid: string) =>
  (
    await eventually(() =>
      sys
        .sql<{ id: number; case_no: string }>(`SELECT c.id, c.case_no FROM message m JOIN "case" c ON c.id = m.case_id WHERE m.provider_message_id = $1`, [sid])
        .then((r) => (r.length ? r : null)),
    )
  )[0]!;

const caseRow = async (id: number) =>
  (
    await sys.sql<{ zone: string; status: string; deadline_at: Date; overdue_at: Date | null; escalations: number }>(
      'SELECT z.code AS zone, c.status, c.deadline_at, c.overdue_at, c.escalations FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.id = $1',
      [id],
    )
  )[0]!;

/** Timers still to fire. */
const liveTimers = (caseId: number) =>
  sys.sql<{ id: number; kind: string; due_at: Date }>(
    'SELECT id, kind, due_at FROM case_timer WHERE case_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL ORDER BY due_at, id',
    [caseId],
  );

/** The test's clock: this timer is due now. */
const dueNow = (timerId: number) => sys.sql('UPDATE case_timer SET due_at = now() WHERE id = $1', [timerId]);

const events = (caseId: number, type: string) =>
  sys.sql<{ actor: string; detail: Record<string, unknown> }>('SELECT actor, detail FROM case_event WHERE case_id = $1 AND type = $2 ORDER BY id', [
    caseId,
    type,
  ]);

const staffStatus = (caseNo: string, status: string, note: string) =>
  app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/status`, headers: adminHeaders, payload: { status, note } });

/** The watch of a reopened case works as for a new one: reminder, then at the deadline overdue and up one level. */
async function expectWatched(id: number, caseNo: string) {
  const timers = await liveTimers(id);
  expect(timers.map((t) => t.kind)).toEqual(['reminder', 'reminder', 'deadline']);
  const row = await caseRow(id);
  expect(timers[2]!.due_at).toEqual(row.deadline_at);
  expect(row.deadline_at.getTime()).toBeGreaterThan(Date.now());
  expect(row.overdue_at).toBeNull();
  const [set] = (await events(id, 'deadline_set')).slice(-1);
  expect(set!.detail).toMatchObject({ reason: 'reopened', deadline: row.deadline_at.toISOString() });

  let before = bot.to(LIAISON).length;
  await dueNow(timers[0]!.id);
  expect((await nextTo(LIAISON, before, /催办/)).text).toContain(caseNo);
  before = bot.to(ABOVE).length;
  await dueNow(timers[2]!.id);
  await eventually(async () => (await caseRow(id)).zone === 'wh-hs-ch');
  expect(await caseRow(id)).toMatchObject({ overdue_at: expect.any(Date), escalations: 1 });
  expect((await nextTo(ABOVE, before, new RegExp(caseNo))).text).toContain('逾期');
}

describe('reopened case', () => {
  it('reopened case: staff reopening it gives a new deadline and timers that remind, then escalate', async () => {
    const { caseNo } = (
      await app().inject({
        method: 'POST',
        url: '/api/v1/intake/web',
        payload: { text: '小区健身器材坏了很久了', zoneCode: 'wh-hs-ch-01', phone: '13912348801' },
      })
    ).json();
    const id = (await eventually(() => sys.sql<{ id: number }>('SELECT id FROM "case" WHERE case_no = $1', [caseNo]).then((r) => r[0]))).id;
    const first = (await caseRow(id)).deadline_at;
    expect((await staffStatus(caseNo, 'closed', '已修好')).statusCode).toBe(200);
    expect(await liveTimers(id)).toEqual([expect.objectContaining({ kind: 'return_visit' })]);

    const before = bot.to(LIAISON).length;
    expect((await staffStatus(caseNo, 'reopened', '居民来电说又坏了')).statusCode).toBe(200);
    // Counted from the reopening (the same as the first outside office hours, later within them).
    expect((await caseRow(id)).deadline_at.getTime()).toBeGreaterThanOrEqual(first.getTime());
    // The liaison hears of it, with the new deadline.
    expect((await nextTo(LIAISON, before, /重新办理/)).text).toContain(caseNo);
    // It counts in the reopen rate like any other reopening.
    expect(await sys.sql(`SELECT actor, detail FROM case_event WHERE case_id = $1 AND type = 'reopened'`, [id])).toEqual([
      { actor: expect.stringMatching(/^user:/), detail: { reason: 'staff', note: '居民来电说又坏了' } },
    ]);
    await expectWatched(id, caseNo);
  });

  it('reopened case: a dissatisfied return visit gives a new deadline and timers too', async () => {
    const phone = '+8613912348802';
    const { id, case_no: caseNo } = await caseOfSms(await sms(phone, '翠湖西路的化粪池满了，臭气熏天'));
    await say(LIAISON, `办结 ${caseNo} 已清掏完毕`);
    await eventually(async () => (await caseRow(id)).status === 'closed');
    const [visit] = await liveTimers(id);
    expect(visit!.kind).toBe('return_visit');
    await dueNow(visit!.id);
    await eventually(async () => twilio.sent.some((s) => s.To === phone && s.Body.includes('1 满意')));

    const before = bot.to(LIAISON).length;
    await sms(phone, '3');
    await eventually(async () => (await caseRow(id)).status === 'reopened');
    expect((await nextTo(LIAISON, before, /不满意/)).text).toContain('新的办理期限');
    await expectWatched(id, caseNo);
  });
});

describe('opted-out reply', () => {
  it("opted-out reply: a liaison's 回复 to a resident who sent 退订 is not confirmed as sent, and says what to do instead", async () => {
    const phone = '+8613912348803';
    const { id, case_no: caseNo } = await caseOfSms(await sms(phone, '翠湖西路的下水道堵了，污水漫到路上'));
    await sms(phone, '退订');
    await eventually(async () => (await sys.sql('SELECT 1 FROM sms_opt_out WHERE address = $1', [phone])).length === 1);

    const before = bot.to(LIAISON).length;
    await say(LIAISON, `回复 ${caseNo} 已安排疏通，明天上午到`);
    const answer = (await nextTo(LIAISON, before)).text;
    expect(answer).not.toMatch(/已答复|已发给|已排队/);
    expect(answer).toContain('退订');
    expect(answer).toContain('没有发出');
    expect(answer).toContain('网上查询');
    expect(answer).toMatch(/电话|上门/);

    // Nothing queued that could only fail; the answer is kept on the case, and the resident reads it in the lookup.
    expect(await sys.sql(`SELECT 1 FROM outbox WHERE case_id = $1 AND kind = 'answer'`, [id])).toEqual([]);
    await laterSmsReceipt();
    expect(twilio.sent.filter((s) => s.Body.includes('已安排疏通'))).toEqual([]);
    const lookup = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=13912348803` });
    expect(lookup.json().timeline).toContainEqual(expect.objectContaining({ type: 'reply', text: expect.stringContaining('已安排疏通') }));
    const [replied] = await events(id, 'replied');
    expect(replied!.detail).toMatchObject({ delivery: { status: 'not_sent', channel: 'sms', reason: 'sms_opt_out' } });
  });

  it('opted-out reply: a resident who also writes on Telegram gets the answer there, and the liaison is told so', async () => {
    const phone = '+8613912348804';
    const contact = fixture('contact') as { message: { contact: Record<string, unknown> } };
    await say(RESIDENT_CHAT, '翠湖西路8号门口的路灯不亮了');
    const [kase] = await eventually(() =>
      sys
        .sql<{ id: number; case_no: string }>(`SELECT c.id, c.case_no FROM "case" c WHERE c.reply_address = $1`, [String(RESIDENT_CHAT)])
        .then((r) => (r.length ? r : null)),
    );
    const liaisonId = (await sys.sql<{ id: number }>(`SELECT liaison_id AS id FROM zone WHERE code = 'wh-hs-ch-01'`))[0]!.id;
    await sys.sql('UPDATE "case" SET liaison_id = $2 WHERE id = $1', [kase!.id, liaisonId]);
    await say(RESIDENT_CHAT, '', { text: undefined, contact: { ...contact.message.contact, phone_number: phone.slice(1), user_id: RESIDENT_CHAT } });
    await eventually(async () => (await sys.sql(`SELECT 1 FROM channel_identity WHERE kind = 'phone' AND address = $1`, [phone])).length === 1);
    await say(RESIDENT_CHAT, '短信答复');
    await eventually(
      async () => (await sys.sql<{ reply_channel: string }>('SELECT reply_channel FROM "case" WHERE id = $1', [kase!.id]))[0]!.reply_channel === 'sms',
    );
    await sms(phone, '退订');
    await eventually(async () => (await sys.sql('SELECT 1 FROM sms_opt_out WHERE address = $1', [phone])).length === 1);

    const before = bot.to(LIAISON).length;
    const residentBefore = bot.to(RESIDENT_CHAT).length;
    await say(LIAISON, `回复 ${kase!.case_no} 路灯明天更换`);
    const answer = (await nextTo(LIAISON, before)).text;
    expect(answer).toContain('退订');
    expect(answer).toContain('已排队经Telegram');
    expect((await nextTo(RESIDENT_CHAT, residentBefore, /路灯明天更换/)).text).toContain(kase!.case_no);
  });

  it('opted-out reply: an answer whose send finally fails is told to the liaison, once', async () => {
    const phone = '+8613912348805';
    const { id, case_no: caseNo } = await caseOfSms(await sms(phone, '翠湖西路的井盖松了，车一压就响'));
    await eventually(
      async () => (await sys.sql<{ status: string }>(`SELECT status FROM outbox WHERE case_id = $1 AND kind = 'receipt'`, [id]))[0]?.status === 'sent',
    );
    twilio.failNext(400, 30006); // a landline: Twilio refuses for good

    const before = bot.to(LIAISON).length;
    await say(LIAISON, `回复 ${caseNo} 明天派人加固`);
    const answer = (await nextTo(LIAISON, before)).text;
    expect(answer).toContain('已排队经短信');
    expect(answer).not.toContain('已答复（短信）');
    await eventually(
      async () => (await sys.sql<{ status: string }>(`SELECT status FROM outbox WHERE case_id = $1 AND kind = 'answer'`, [id]))[0]?.status === 'failed',
    );

    const told = await nextTo(LIAISON, before, /【发送失败】/);
    expect(told.text).toContain(caseNo);
    expect(told.text).toMatch(/电话|上门/);
    // Another pass of the watch that tells liaisons (the timers' tick runs it) finds no one left to tell.
    expect(await noticeFailedAnswers(sys.db.pool)).toBe(0);
    expect(await sys.sql(`SELECT 1 FROM outbox WHERE case_id = $1 AND dedupe_key LIKE 'answer_failed:%'`, [id])).toHaveLength(1);
    expect(bot.to(LIAISON).filter((m) => m.text.includes('【发送失败】') && m.text.includes(caseNo))).toHaveLength(1);
  });
});

describe('forwarded receipt', () => {
  const port = () => sys.listeners.get('email')!.port!;
  const address = (name: string) => `${name}.${randomBytes(4).toString('hex')}@example.cn`;
  const caseOfMail = (messageId: string) =>
    eventually(
      async () =>
        (
          await sys.sql<{ id: number; case_no: string }>(
            `SELECT c.id, c.case_no FROM message m JOIN "case" c ON c.id = m.case_id WHERE m.meta #>> '{thread,messageId}' = $1`,
            [messageId],
          )
        )[0],
    );

  it("forwarded receipt: another address answering our receipt opens a case of its own; the case's own contact joins it", async () => {
    const resident = address('resident');
    const first = `<${randomBytes(8).toString('hex')}@example.cn>`;
    await smtpClient(port()).sendMail({ from: resident, to: MAILBOX, subject: '反映问题', text: '翠湖南路的人行道砖松了。', messageId: first });
    const kase = await caseOfMail(first);
    const [receipt] = await eventually(async () => (sink.to(resident).length ? sink.to(resident) : null));
    const receiptId = receipt!.parsed.messageId!;

    // The resident forwards the receipt to a neighbour, who writes back on it.
    const neighbour = address('neighbour');
    const forwarded = `<${randomBytes(8).toString('hex')}@example.cn>`;
    const raw = [
      `From: ${neighbour}`,
      `To: ${MAILBOX}`,
      `Subject: Re: Fwd: [案件编号 ${kase.case_no}] 已收到您的来信`,
      `Message-ID: ${forwarded}`,
      `In-Reply-To: ${receiptId}`,
      `References: ${receiptId}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      '我家楼下也是这样，什么时候修？',
      '',
    ].join('\r\n');
    await sendRaw(port(), raw, { from: neighbour, to: [MAILBOX] });
    const theirs = await caseOfMail(forwarded);
    expect(theirs.id).not.toBe(kase.id);
    const [own] = await eventually(async () => (sink.to(neighbour).length ? sink.to(neighbour) : null));
    expect(own!.parsed.text).toContain(theirs.case_no);
    expect(await sys.sql('SELECT 1 FROM message WHERE case_id = $1 AND direction = $2', [kase.id, 'in'])).toHaveLength(1);

    // The resident answering the same receipt still joins their case.
    const again = `<${randomBytes(8).toString('hex')}@example.cn>`;
    await smtpClient(port()).sendMail({
      from: resident,
      to: MAILBOX,
      subject: 'Re: 已收到您的来信',
      text: '补充：是3栋门口那段。',
      messageId: again,
      inReplyTo: receiptId,
      references: receiptId,
    });
    expect((await caseOfMail(again)).id).toBe(kase.id);
  });
});

describe('numbers in notices', () => {
  const TEXT = '翠湖西路3栋楼顶漏水，请联系我13812348806或座机0871-63601234，身份证530102199003071234，邮箱li.si@example.com';
  const ORIGINALS = ['13812348806', '63601234', '530102199003071234', 'li.si@example.com'];
  const MASKED = ['138****8806', '0871-****1234', '5301**********1234', 'l***@example.com'];

  it("numbers in notices: a phone, landline, ID number and email in the text reach the liaison's chat masked, and admins still read the original", async () => {
    let before = bot.to(LIAISON).length;
    const { id, case_no: caseNo } = await caseOfSms(await sms('+8613912348807', TEXT));
    const notice = (await nextTo(LIAISON, before, new RegExp(`新案件.*${caseNo}`))).text;
    for (const m of MASKED) expect(notice).toContain(m);
    for (const o of ORIGINALS) expect(notice).not.toContain(o);

    before = bot.to(LIAISON).length;
    await say(LIAISON, `查看 ${caseNo}`);
    const shown = (await nextTo(LIAISON, before, new RegExp(caseNo))).text;
    for (const m of MASKED) expect(shown).toContain(m);
    for (const o of ORIGINALS) expect(shown).not.toContain(o);

    // Escalated at the deadline: the level above's notice is masked too.
    before = bot.to(ABOVE).length;
    const deadline = (await liveTimers(id)).find((t) => t.kind === 'deadline')!;
    await dueNow(deadline.id);
    const escalated = (await nextTo(ABOVE, before, new RegExp(caseNo))).text;
    for (const o of ORIGINALS) expect(escalated).not.toContain(o);
    expect(escalated).toContain('138****8806');

    const detail = (await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: adminHeaders })).json();
    const message = detail.timeline.find((e: { direction?: string }) => e.direction === 'in');
    for (const o of ORIGINALS) expect(message.body).toContain(o);
  });

  it('numbers in notices: the urgent alert texted up the zone chain is masked too', async () => {
    const { id } = await caseOfSms(await sms('+8613912348808', '翠湖西路5栋楼道里煤气泄漏了，味道很大，快打我电话13812348809'));
    const alerts = await eventually(() =>
      sys
        .sql<{ body: string }>(`SELECT m.body FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.case_id = $1 AND o.kind = 'urgent_alert'`, [id])
        .then((r) => (r.length ? r : null)),
    );
    for (const { body } of alerts) {
      expect(body).toContain('138****8809');
      expect(body).not.toContain('13812348809');
    }
  });
});
