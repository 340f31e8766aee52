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

const RESIDENT = 52000001;
const LIAISON = 61000001; // 赵桂兰, liaison of 翠湖社区第一居民小组 (wh-hs-ch-01)
const OTHER_LIAISON = 61000002; // 王志刚, liaison of 第二居民小组 (wh-hs-ch-02)
let nextUpdate = 900_000_000;
/** The Telegram resident's case, opened by the first resident test. */
let residentCase: { id: number; case_no: string };

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
  return eventually(async () => bot.to(chat).slice(before).find((m) => match.test(m.text)));
}

const caseOf = async (updateId: number | string) =>
  (
    await eventually(() =>
      sys.sql<{ id: number; case_no: string; status: string; zone: string; reply_channel: string; joint_meeting: boolean }>(
        `SELECT c.id, c.case_no, c.status, z.code AS zone, c.reply_channel, c.joint_meeting FROM message m JOIN "case" c ON c.id = m.case_id JOIN zone z ON z.id = c.zone_id
         WHERE m.channel = 'telegram' AND m.provider_message_id = $1`,
        [String(updateId)],
      ).then((r) => (r.length ? r : null)),
    )
  )[0]!;

describe('the webhook', () => {
  it('should refuse a wrong secret with 401 and store nothing', async () => {
    const res = await post(update('text', RESIDENT), 'not-the-secret-at-all-0000');
    expect(res.statusCode).toBe(401);
    const none = await post(update('text', RESIDENT), '');
    expect(none.statusCode).toBe(401);
    expect(await sys.sql(`SELECT 1 FROM message WHERE channel = 'telegram'`)).toHaveLength(0);
  });

  it('should ignore group chats', async () => {
    const res = await post({ ...fixture('group'), update_id: nextUpdate++ });
    expect(res.statusCode).toBe(200);
    expect(await sys.sql(`SELECT 1 FROM message WHERE channel = 'telegram'`)).toHaveLength(0);
  });
});

describe('residents', () => {
  it('should open a case and answer with its number in the same chat, once for a repeated update', async () => {
    const before = bot.to(RESIDENT).length;
    const u = update('text', RESIDENT);
    expect((await post(u)).statusCode).toBe(200);
    expect((await post(u)).statusCode).toBe(200); // Telegram delivers again
    const kase = await caseOf(u.update_id as number);
    residentCase = kase;
    const receipt = await nextTo(RESIDENT, before, /编号/);
    expect(receipt.text).toContain(kase.case_no);
    expect(await sys.sql(`SELECT 1 FROM message WHERE channel = 'telegram' AND provider_message_id = $1`, [String(u.update_id)])).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.to(RESIDENT).slice(before).filter((m) => m.text.includes(kase.case_no))).toHaveLength(1);
  });

  it('should thread later messages, photos and the shared phone number into the open case', async () => {
    const first = residentCase;
    const photo = update('photo', RESIDENT);
    await post(photo);
    const contact = update('contact', RESIDENT, { contact: { phone_number: '8613912340001', first_name: '桂芳', user_id: RESIDENT } });
    await post(contact);
    expect((await caseOf(photo.update_id as number)).id).toBe(first.id);
    expect((await caseOf(contact.update_id as number)).id).toBe(first.id);
    const [stored] = await sys.sql<{ attachments: { contentType: string; sha256: string }[] }>(`SELECT attachments FROM message WHERE provider_message_id = $1`, [String(photo.update_id)]);
    expect(stored!.attachments).toEqual([expect.objectContaining({ contentType: 'image/jpeg', sha256: expect.any(String) })]);
    const phones = await sys.sql(
      `SELECT 1 FROM channel_identity p JOIN channel_identity t ON t.contact_id = p.contact_id WHERE p.kind = 'phone' AND p.address = '+8613912340001' AND t.kind = 'telegram' AND t.address = $1`,
      [String(RESIDENT)],
    );
    expect(phones).toHaveLength(1);
  });

  it('should answer 查询 with their cases, and move answers to SMS on request', async () => {
    const kase = residentCase;
    let before = bot.to(RESIDENT).length;
    await say(RESIDENT, '查询');
    expect((await nextTo(RESIDENT, before)).text).toContain(kase.case_no);
    before = bot.to(RESIDENT).length;
    await say(RESIDENT, '短信答复');
    expect((await nextTo(RESIDENT, before)).text).toContain('短信');
    expect((await sys.sql<{ reply_channel: string }>('SELECT reply_channel FROM "case" WHERE id = $1', [kase.id]))[0]!.reply_channel).toBe('sms');
    await say(RESIDENT, '在此答复');
    await eventually(async () => (await sys.sql<{ reply_channel: string }>('SELECT reply_channel FROM "case" WHERE id = $1', [kase.id]))[0]!.reply_channel === 'telegram');
  });

  it("should give a stranger trying a liaison's command no case data and open no case", async () => {
    const kase = residentCase;
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
  let smsCase: { id: number; case_no: string };

  async function bindCode(id: number): Promise<string> {
    const res = await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders });
    expect(res.statusCode).toBe(201);
    return res.json().code;
  }
  const liaisonOf = async (zone: string) => (await sys.sql<{ id: number }>('SELECT liaison_id AS id FROM zone WHERE code = $1', [zone]))[0]!.id;

  beforeAll(async () => {
    liaisonId = await liaisonOf('wh-hs-ch-01');
  });

  it('should bind a chat with a one-time code, and refuse a wrong or used one', async () => {
    await say(LIAISON, '绑定 12345678');
    expect((await nextTo(LIAISON, 0)).text).toContain('无效');
    const code = await bindCode(liaisonId);
    await say(LIAISON, `绑定 ${code}`);
    expect((await nextTo(LIAISON, 1)).text).toContain('绑定成功');
    await say(OTHER_LIAISON, `/bind ${code}`);
    expect((await nextTo(OTHER_LIAISON, 0)).text).toContain('无效');
    const list = await app().inject({ method: 'GET', url: '/api/v1/liaisons', headers: adminHeaders });
    const me = list.json().items.find((l: { id: number }) => l.id === liaisonId);
    expect(me).toMatchObject({ phone: '138****0111', chats: [{ channel: 'telegram' }] });
  });

  it('should notify the liaison of a new case in their zone, with the phone masked', async () => {
    const before = bot.to(LIAISON).length;
    await app().inject({
      method: 'POST',
      url: '/webhooks/twilio/sms',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ MessageSid: 'SM-tg-0001', From: '+8613912345678', To: '+8687163600000', Body: '翠湖西路的垃圾桶满了三天没人清' }).toString(),
    });
    const [row] = await eventually(() =>
      sys.sql<{ id: number; case_no: string; zone: string }>(`SELECT c.id, c.case_no, z.code AS zone FROM message m JOIN "case" c ON c.id = m.case_id JOIN zone z ON z.id = c.zone_id WHERE m.provider_message_id = 'SM-tg-0001'`).then((r) => (r.length ? r : null)),
    );
    smsCase = row!;
    expect(row!.zone).toBe('wh-hs-ch-01');
    const notice = await nextTo(LIAISON, before, /新案件/);
    expect(notice.text).toContain(smsCase.case_no);
    expect(notice.text).toContain('139****5678');
    expect(notice.text).not.toContain('13912345678');
    expect(notice.text).toMatch(/类别：.+责任区：翠湖社区第一居民小组/);
  });

  it('should list and show the liaison\'s cases, auditing the read', async () => {
    let before = bot.to(LIAISON).length;
    await say(LIAISON, '我的案件');
    expect((await nextTo(LIAISON, before)).text).toContain(smsCase.case_no);
    before = bot.to(LIAISON).length;
    await say(LIAISON, `/case ${smsCase.case_no}`);
    const shown = await nextTo(LIAISON, before);
    expect(shown.text).toContain('垃圾桶');
    expect(shown.text).not.toContain('13912345678');
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE actor = $1 AND action = 'case.read' AND subject_id = $2`, [`liaison:${liaisonId}`, smsCase.case_no])).toHaveLength(1);
  });

  it('should relay a reply to the notice to a resident who wrote by SMS, and show it in the timeline', async () => {
    const notice = bot.to(LIAISON).find((m) => m.text.includes(smsCase.case_no) && m.text.includes('新案件'))!;
    const before = bot.to(LIAISON).length;
    const reply = update('reply', LIAISON, { reply_to_message: { ...(fixture('reply') as { message: { reply_to_message: object } }).message.reply_to_message, message_id: notice.message_id }, text: '已安排环卫今天下午清运 13800000111' }); // a number in the text is not a command
    await post(reply);
    await post(reply); // delivered twice: one answer
    expect((await nextTo(LIAISON, before)).text).toContain('答复已排队经短信');
    const sends = await eventually(() =>
      sys.sql<{ channel: string; to_address: string; body: string; status: string }>(
        `SELECT o.channel, o.to_address, m.body, o.status FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.case_id = $1 AND o.kind = 'answer'`,
        [smsCase.id],
      ).then((r) => (r.length && r.every((x) => !['pending', 'sending'].includes(x.status)) ? r : null)),
    );
    expect(sends).toEqual([{ channel: 'sms', to_address: '+8613912345678', body: expect.stringContaining('已安排环卫今天下午清运'), status: 'sandboxed' }]);
    const timeline = (await app().inject({ method: 'GET', url: `/api/v1/cases/${smsCase.case_no}`, headers: adminHeaders })).json().timeline;
    expect(timeline).toContainEqual(expect.objectContaining({ event: 'replied', actor: `liaison:${liaisonId}` }));
  });

  it('should relay /reply to a resident who wrote on Telegram, in their chat', async () => {
    const tgCase = residentCase;
    // The resident's case opened in triage (no zone named): hand it to this liaison's group first.
    await sys.sql('UPDATE "case" SET liaison_id = $2 WHERE id = $1', [tgCase.id, liaisonId]);
    const before = bot.to(RESIDENT).length;
    await say(LIAISON, `/reply ${tgCase.case_no} 路灯已报修，三天内修好`);
    expect((await nextTo(RESIDENT, before, /路灯已报修/)).text).toContain(tgCase.case_no);
  });

  it('should keep internal notes out of the resident\'s lookup', async () => {
    const before = bot.to(LIAISON).length;
    await say(LIAISON, `备注 ${smsCase.case_no} 居民情绪激动，注意沟通方式`);
    expect((await nextTo(LIAISON, before)).text).toContain('备注');
    const lookup = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${smsCase.case_no}&contact=13912345678` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.body).not.toContain('情绪激动');
  });

  it('should escalate to the zone above, send to the joint meeting, transfer, and then refuse the case as no longer theirs', async () => {
    let before = bot.to(LIAISON).length;
    await say(LIAISON, `联席 ${smsCase.case_no} 涉及环卫和城管`);
    expect((await nextTo(LIAISON, before)).text).toContain('联席会议');
    expect((await sys.sql<{ joint_meeting: boolean }>('SELECT joint_meeting FROM "case" WHERE id = $1', [smsCase.id]))[0]!.joint_meeting).toBe(true);

    before = bot.to(LIAISON).length;
    await say(LIAISON, `/transfer ${smsCase.case_no} wh-hs-ch-02 属于第二小组`);
    expect((await nextTo(LIAISON, before)).text).toContain('转办');
    expect((await sys.sql<{ code: string }>('SELECT z.code FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.id = $1', [smsCase.id]))[0]!.code).toBe('wh-hs-ch-02');

    before = bot.to(LIAISON).length;
    await say(LIAISON, `办结 ${smsCase.case_no} 已清运`);
    expect((await nextTo(LIAISON, before)).text).toContain('不在您负责的责任区');
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE actor = $1 AND action = 'liaison.refused'`, [`liaison:${liaisonId}`])).toHaveLength(1);
  });

  it('should let the new zone\'s liaison escalate and resolve, telling the resident', async () => {
    const other = await liaisonOf('wh-hs-ch-02');
    const code = await bindCode(other);
    await say(OTHER_LIAISON, `绑定 ${code}`);
    await nextTo(OTHER_LIAISON, bot.to(OTHER_LIAISON).length - 1, /绑定成功/);

    let before = bot.to(OTHER_LIAISON).length;
    await say(OTHER_LIAISON, `/escalate ${smsCase.case_no}`);
    expect((await nextTo(OTHER_LIAISON, before)).text).toContain('上报至华山街道翠湖社区');

    // The community's liaison is not bound to a chat; as the group's liaison's zone is below, it can no longer act either.
    before = bot.to(OTHER_LIAISON).length;
    await say(OTHER_LIAISON, `办结 ${smsCase.case_no} 已清运`);
    expect((await nextTo(OTHER_LIAISON, before)).text).toContain('不在您负责的责任区');

    // Back down to the group by the database (an admin's move), then resolved from chat.
    await sys.sql(`UPDATE "case" SET zone_id = (SELECT id FROM zone WHERE code = 'wh-hs-ch-02'), liaison_id = $2 WHERE id = $1`, [smsCase.id, other]);
    before = bot.to(OTHER_LIAISON).length;
    await say(OTHER_LIAISON, `办结 ${smsCase.case_no} 垃圾已清运，已加派清运班次`);
    expect((await nextTo(OTHER_LIAISON, before)).text).toContain('已办结');
    expect((await sys.sql<{ status: string }>('SELECT status FROM "case" WHERE id = $1', [smsCase.id]))[0]!.status).toBe('closed');
    const resolution = await eventually(() =>
      sys.sql<{ body: string }>(`SELECT m.body FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.case_id = $1 AND o.kind = 'resolution'`, [smsCase.id]).then((r) => (r.length ? r : null)),
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
    const notices = [...bot.to(LIAISON), ...bot.to(OTHER_LIAISON)].filter((m) => m.text.includes('来信人'));
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n.text).not.toMatch(/1[3-9]\d{9}/);
  });
});
