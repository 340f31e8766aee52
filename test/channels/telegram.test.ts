/**
 * Residents and liaisons on Telegram: telegraf's real client against a local
 * fake Bot API, updates in Telegram's own shapes posted to our webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixture, startFakeBotApi, TELEGRAM, telegramEnv } from '../helpers/telegram.js';

let sys: TestSystem;
let bot: Awaited<ReturnType<typeof startFakeBotApi>>;
const app = () => sys.app!;

const LIAISON = 61000001; // 赵桂兰, liaison of 翠湖社区第一居民小组 (wh-hs-ch-01)
const OTHER_LIAISON = 61000002; // 王志刚, liaison of 第二居民小组 (wh-hs-ch-02)
// Each test opens the cases it needs (a resident of its own, an SMS of its own), so none depends on another's order.
let nextUpdate = 900_000_000;

beforeAll(async () => {
  bot = await startFakeBotApi();
  sys = await startTestSystem({ env: { ...telegramEnv(bot.url), OUTBOX_WAKE_DELAY_MS: '0', TWILIO_WEBHOOK_INSECURE: 'true' } });
  await seedDemoDistrict(sys.db.pool);
});
afterAll(async () => {
  await sys?.teardown();
  await bot?.close();
});

/** A fixture update with a fresh update_id, sent from `chat` (fields overridden as given). */
function update(name: string, chat: number, message: Record<string, unknown> = {}): Record<string, unknown> {
  const u = fixture(name) as { message: Record<string, unknown> & { from: object; chat: object } };
  return { update_id: nextUpdate++, message: { ...u.message, from: { ...u.message.from, id: chat }, chat: { ...u.message.chat, id: chat }, ...message } };
}

const post = (body: unknown, secret = TELEGRAM.secret) =>
  app().inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': secret }, payload: body as object });

const say = async (chat: number, text: string, extra: Record<string, unknown> = {}) => {
  const res = await post(update('text', chat, { text, ...extra }));
  expect(res.statusCode).toBe(200);
};

/** Waits for the bot's next message to `chat` after `before` messages, and returns it. */
async function nextTo(chat: number, before: number, match: RegExp = /./): Promise<{ text: string; message_id: number }> {
  return eventually(async () =>
    bot
      .to(chat)
      .slice(before)
      .find((m) => match.test(m.text)),
  );
}

const caseOf = async (updateId: number | string) =>
  (
    await eventually(() =>
      sys
        .sql<{ id: number; case_no: string; status: string; zone: string; reply_channel: string; joint_meeting: boolean }>(
          `SELECT c.id, c.case_no, c.status, z.code AS zone, c.reply_channel, c.joint_meeting FROM message m JOIN "case" c ON c.id = m.case_id JOIN zone z ON z.id = c.zone_id
         WHERE m.channel = 'telegram' AND m.provider_message_id = $1`,
          [String(updateId)],
        )
        .then((r) => (r.length ? r : null)),
    )
  )[0]!;

/** A Telegram resident of their own (chat ids from 52000101 up) whose case is open, its receipt delivered. */
let nextResident = 52000101;
async function residentWithCase(): Promise<{ chat: number; kase: { id: number; case_no: string } }> {
  const chat = nextResident++;
  const u = update('text', chat);
  await post(u);
  const kase = await caseOf(u.update_id as number);
  await nextTo(chat, 0, new RegExp(kase.case_no));
  return { chat, kase };
}

// What one update is stored as (texts, photos, locations, contacts, retries, group chats, a wrong secret) is
// replayed by the channel harness: test/fixtures/telegram/cases.json. These are the conversations around it.
describe('residents', () => {
  it('should answer a new case with its number in the same chat, once for a repeated update', async () => {
    const chat = nextResident++;
    const u = update('text', chat);
    expect((await post(u)).statusCode).toBe(200);
    expect((await post(u)).statusCode).toBe(200); // Telegram delivers again
    const kase = await caseOf(u.update_id as number);
    const receipt = await nextTo(chat, 0, /编号/);
    expect(receipt.text).toContain(kase.case_no);
    expect(await sys.sql(`SELECT 1 FROM message WHERE channel = 'telegram' AND provider_message_id = $1`, [String(u.update_id)])).toHaveLength(1);
    // A later resident's receipt comes after any second receipt this update could have caused.
    const later = await residentWithCase();
    expect(later.kase.id).not.toBe(kase.id);
    expect(bot.to(chat).filter((m) => m.text.includes(kase.case_no))).toHaveLength(1);
  });

  it('should thread later messages, photos and the shared phone number into the open case', async () => {
    const { chat, kase: first } = await residentWithCase();
    const photo = update('photo', chat);
    await post(photo);
    const contact = update('contact', chat, { contact: { phone_number: '8613912340001', first_name: '桂芳', user_id: chat } });
    await post(contact);
    expect((await caseOf(photo.update_id as number)).id).toBe(first.id);
    expect((await caseOf(contact.update_id as number)).id).toBe(first.id);
    const [stored] = await sys.sql<{ attachments: { contentType: string; sha256: string }[] }>(
      `SELECT attachments FROM message WHERE provider_message_id = $1`,
      [String(photo.update_id)],
    );
    expect(stored!.attachments).toEqual([expect.objectContaining({ contentType: 'image/jpeg', sha256: expect.any(String) })]);
    const phones = await sys.sql(
      `SELECT 1 FROM channel_identity p JOIN channel_identity t ON t.contact_id = p.contact_id WHERE p.kind = 'phone' AND p.address = '+8613912340001' AND t.kind = 'telegram' AND t.address = $1`,
      [String(chat)],
    );
    expect(phones).toHaveLength(1);
  });

  it('should answer 查询 with their cases, and move answers to SMS on request', async () => {
    const { chat, kase } = await residentWithCase();
    await post(update('contact', chat, { contact: { phone_number: '8613912340002', first_name: '桂芳', user_id: chat } }));
    let before = bot.to(chat).length;
    await say(chat, '查询');
    expect((await nextTo(chat, before)).text).toContain(kase.case_no);
    before = bot.to(chat).length;
    await say(chat, '短信答复');
    expect((await nextTo(chat, before)).text).toContain('短信');
    expect((await sys.sql<{ reply_channel: string }>('SELECT reply_channel FROM "case" WHERE id = $1', [kase.id]))[0]!.reply_channel).toBe('sms');
    await say(chat, '在此答复');
    await eventually(
      async () => (await sys.sql<{ reply_channel: string }>('SELECT reply_channel FROM "case" WHERE id = $1', [kase.id]))[0]!.reply_channel === 'telegram',
    );
  });

  it("should give a stranger trying a liaison's command no case data and open no case", async () => {
    const { kase } = await residentWithCase();
    const stranger = 52000077;
    await say(stranger, `查看 ${kase.case_no}`);
    const answer = await nextTo(stranger, 0);
    expect(answer.text).toContain('仅限');
    expect(answer.text).not.toContain('路灯');
    expect(await sys.sql(`SELECT 1 FROM channel_identity WHERE kind = 'telegram' AND address = $1`, [String(stranger)])).toHaveLength(0);
  });
});

describe('liaisons', () => {
  let liaisonId: number;
  let otherId: number;

  async function bindCode(id: number): Promise<string> {
    const res = await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders });
    expect(res.statusCode).toBe(201);
    return res.json().code;
  }
  const liaisonOf = async (zone: string) => (await sys.sql<{ id: number }>('SELECT liaison_id AS id FROM zone WHERE code = $1', [zone]))[0]!.id;
  async function bind(chat: number, id: number): Promise<void> {
    const before = bot.to(chat).length;
    await say(chat, `绑定 ${await bindCode(id)}`);
    await nextTo(chat, before, /绑定成功/);
  }

  /** A case opened by SMS from a resident of 翠湖西路 (wh-hs-ch-01), once the liaison has its notice. */
  let nextSms = 1;
  async function smsCase(): Promise<{ id: number; case_no: string; zone: string; phone: string; notice: { text: string; message_id: number } }> {
    const n = nextSms++;
    const phone = `+86139123456${String(n).padStart(2, '0')}`;
    const sid = `SM-tg-${String(n).padStart(4, '0')}`;
    const before = bot.to(LIAISON).length;
    await app().inject({
      method: 'POST',
      url: '/webhooks/twilio/sms',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ MessageSid: sid, From: phone, To: '+8687163600000', Body: '翠湖西路的垃圾桶满了三天没人清' }).toString(),
    });
    const [row] = await eventually(() =>
      sys
        .sql<{ id: number; case_no: string; zone: string }>(
          `SELECT c.id, c.case_no, z.code AS zone FROM message m JOIN "case" c ON c.id = m.case_id JOIN zone z ON z.id = c.zone_id WHERE m.provider_message_id = $1`,
          [sid],
        )
        .then((r) => (r.length ? r : null)),
    );
    const notice = await nextTo(LIAISON, before, new RegExp(`新案件.*${row!.case_no}|${row!.case_no}.*新案件`, 's'));
    return { ...row!, phone, notice };
  }

  beforeAll(async () => {
    liaisonId = await liaisonOf('wh-hs-ch-01');
    otherId = await liaisonOf('wh-hs-ch-02');
    await bind(LIAISON, liaisonId);
    await bind(OTHER_LIAISON, otherId);
  });

  it('should bind a chat with a one-time code, and refuse a wrong or used one', async () => {
    const chat = 61000003;
    const stranger = 61000004;
    const id = await liaisonOf('wh-hs-yt-01'); // 陈国强
    await say(chat, '绑定 12345678');
    expect((await nextTo(chat, 0)).text).toContain('无效');
    const code = await bindCode(id);
    await say(chat, `绑定 ${code}`);
    expect((await nextTo(chat, 1)).text).toContain('绑定成功');
    await say(stranger, `/bind ${code}`);
    expect((await nextTo(stranger, 0)).text).toContain('无效');
    const list = await app().inject({ method: 'GET', url: '/api/v1/liaisons', headers: adminHeaders });
    const me = list.json().items.find((l: { id: number }) => l.id === id);
    expect(me).toMatchObject({ phone: '138****0121', chats: [{ channel: 'telegram' }] });
  });

  it('should bind a chat opened by the deep link t.me/<bot>?start=<code> (Telegram sends /start <code>)', async () => {
    const chat = 61000005;
    const id = await liaisonOf('wh-hs-yt-02'); // 刘美玲
    const res = await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders });
    // No TELEGRAM_BOT_USERNAME here: no link, the QR code holds the command to send.
    expect(res.json()).toMatchObject({ link: null, qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    await say(chat, `/start ${res.json().code}`, { entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    expect((await nextTo(chat, 0)).text).toContain('绑定成功：刘美玲');
  });

  it('should notify the liaison of a new case in their zone, with the phone masked', async () => {
    const kase = await smsCase();
    expect(kase.zone).toBe('wh-hs-ch-01');
    const local = kase.phone.slice(3);
    expect(kase.notice.text).toContain(`${local.slice(0, 3)}****${local.slice(-4)}`);
    expect(kase.notice.text).not.toContain(local);
    expect(kase.notice.text).toMatch(/类别：.+责任区：翠湖社区第一居民小组/);
  });

  it("should list and show the liaison's cases, auditing the read", async () => {
    const kase = await smsCase();
    let before = bot.to(LIAISON).length;
    await say(LIAISON, '我的案件');
    expect((await nextTo(LIAISON, before)).text).toContain(kase.case_no);
    before = bot.to(LIAISON).length;
    await say(LIAISON, `/case ${kase.case_no}`);
    const shown = await nextTo(LIAISON, before);
    expect(shown.text).toContain('垃圾桶');
    expect(shown.text).not.toContain(kase.phone.slice(3));
    expect(
      await sys.sql(`SELECT 1 FROM audit_event WHERE actor = $1 AND action = 'case.read' AND subject_id = $2`, [`liaison:${liaisonId}`, kase.case_no]),
    ).toHaveLength(1);
  });

  it('should relay a reply to the notice to a resident who wrote by SMS, and show it in the timeline', async () => {
    const kase = await smsCase();
    const before = bot.to(LIAISON).length;
    const reply = update('reply', LIAISON, {
      reply_to_message: { ...(fixture('reply') as { message: { reply_to_message: object } }).message.reply_to_message, message_id: kase.notice.message_id },
      text: '已安排环卫今天下午清运 13800000111',
    }); // a number in the text is not a command
    await post(reply);
    await post(reply); // delivered twice: one answer
    expect((await nextTo(LIAISON, before)).text).toContain('答复已排队经短信');
    const sends = await eventually(() =>
      sys
        .sql<{ channel: string; to_address: string; body: string; status: string }>(
          `SELECT o.channel, o.to_address, m.body, o.status FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.case_id = $1 AND o.kind = 'answer'`,
          [kase.id],
        )
        .then((r) => (r.length && r.every((x) => !['pending', 'sending'].includes(x.status)) ? r : null)),
    );
    expect(sends).toEqual([{ channel: 'sms', to_address: kase.phone, body: expect.stringContaining('已安排环卫今天下午清运'), status: 'sandboxed' }]);
    const timeline = (await app().inject({ method: 'GET', url: `/api/v1/cases/${kase.case_no}`, headers: adminHeaders })).json().timeline;
    expect(timeline).toContainEqual(expect.objectContaining({ event: 'replied', actor: `liaison:${liaisonId}` }));
  });

  it('should relay /reply to a resident who wrote on Telegram, in their chat', async () => {
    const { chat, kase } = await residentWithCase();
    // The resident's case opened in triage (no zone named): hand it to this liaison's group first.
    await sys.sql('UPDATE "case" SET liaison_id = $2 WHERE id = $1', [kase.id, liaisonId]);
    const before = bot.to(chat).length;
    await say(LIAISON, `/reply ${kase.case_no} 路灯已报修，三天内修好`);
    expect((await nextTo(chat, before, /路灯已报修/)).text).toContain(kase.case_no);
  });

  it("should keep internal notes out of the resident's lookup", async () => {
    const kase = await smsCase();
    const before = bot.to(LIAISON).length;
    await say(LIAISON, `备注 ${kase.case_no} 居民情绪激动，注意沟通方式`);
    expect((await nextTo(LIAISON, before)).text).toContain('备注');
    const lookup = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${kase.case_no}&contact=${kase.phone.slice(3)}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.body).not.toContain('情绪激动');
  });

  it('should escalate to the zone above, send to the joint meeting, transfer, and then refuse the case as no longer theirs', async () => {
    const kase = await smsCase();
    let before = bot.to(LIAISON).length;
    await say(LIAISON, `联席 ${kase.case_no} 涉及环卫和城管`);
    expect((await nextTo(LIAISON, before)).text).toContain('联席会议');
    expect((await sys.sql<{ joint_meeting: boolean }>('SELECT joint_meeting FROM "case" WHERE id = $1', [kase.id]))[0]!.joint_meeting).toBe(true);

    before = bot.to(LIAISON).length;
    await say(LIAISON, `/transfer ${kase.case_no} wh-hs-ch-02 属于第二小组`);
    expect((await nextTo(LIAISON, before)).text).toContain('转办');
    expect((await sys.sql<{ code: string }>('SELECT z.code FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.id = $1', [kase.id]))[0]!.code).toBe(
      'wh-hs-ch-02',
    );

    const refusedBefore = (await sys.sql(`SELECT 1 FROM audit_event WHERE actor = $1 AND action = 'liaison.refused'`, [`liaison:${liaisonId}`])).length;
    before = bot.to(LIAISON).length;
    await say(LIAISON, `办结 ${kase.case_no} 已清运`);
    expect((await nextTo(LIAISON, before)).text).toContain('不在您负责的责任区');
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE actor = $1 AND action = 'liaison.refused'`, [`liaison:${liaisonId}`])).toHaveLength(
      refusedBefore + 1,
    );
  });

  it("should let the new zone's liaison escalate and resolve, telling the resident", async () => {
    const kase = await smsCase();
    let before = bot.to(LIAISON).length;
    await say(LIAISON, `/transfer ${kase.case_no} wh-hs-ch-02 属于第二小组`);
    expect((await nextTo(LIAISON, before)).text).toContain('转办');

    before = bot.to(OTHER_LIAISON).length;
    await say(OTHER_LIAISON, `/escalate ${kase.case_no}`);
    expect((await nextTo(OTHER_LIAISON, before)).text).toContain('上报至华山街道翠湖社区');

    // The community's liaison is not bound to a chat; as the group's liaison's zone is below, it can no longer act either.
    before = bot.to(OTHER_LIAISON).length;
    await say(OTHER_LIAISON, `办结 ${kase.case_no} 已清运`);
    expect((await nextTo(OTHER_LIAISON, before)).text).toContain('不在您负责的责任区');

    // Back down to the group by the database (an admin's move), then resolved from chat.
    await sys.sql(`UPDATE "case" SET zone_id = (SELECT id FROM zone WHERE code = 'wh-hs-ch-02'), liaison_id = $2 WHERE id = $1`, [kase.id, otherId]);
    before = bot.to(OTHER_LIAISON).length;
    await say(OTHER_LIAISON, `办结 ${kase.case_no} 垃圾已清运，已加派清运班次`);
    expect((await nextTo(OTHER_LIAISON, before)).text).toContain('已办结');
    expect((await sys.sql<{ status: string }>('SELECT status FROM "case" WHERE id = $1', [kase.id]))[0]!.status).toBe('closed');
    const resolution = await eventually(() =>
      sys
        .sql<{ body: string }>(`SELECT m.body FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.case_id = $1 AND o.kind = 'resolution'`, [kase.id])
        .then((r) => (r.length ? r : null)),
    );
    expect(resolution[0]!.body).toContain('垃圾已清运');
  });

  it('should answer an unknown or incomplete command with help', async () => {
    let before = bot.to(LIAISON).length;
    await say(LIAISON, '/frobnicate');
    expect((await nextTo(LIAISON, before)).text).toContain('未识别');
    before = bot.to(LIAISON).length;
    await say(LIAISON, '回复');
    expect((await nextTo(LIAISON, before)).text).toContain('格式');
  });

  it('should show every notice with the phone masked', async () => {
    await smsCase();
    const notices = [...bot.to(LIAISON), ...bot.to(OTHER_LIAISON)].filter((m) => m.text.includes('来信人'));
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n.text).not.toMatch(/1[3-9]\d{9}/);
  });
});
