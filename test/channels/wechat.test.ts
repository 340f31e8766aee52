/**
 * Residents and a liaison on WeChat: the gateway's real wechaty bot on
 * wechaty-puppet-mock, whose mocker scripts the people writing to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wechaty } from 'wechaty';
import { ScanStatus } from 'wechaty';
import { FileBox } from 'file-box';
import type { PuppetMock, mock } from 'wechaty-puppet-mock';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { TINY_JPEG } from '../helpers/telegram.js';

let sys: TestSystem;
let bot: Wechaty;
let mocker: mock.Mocker;
let account: mock.ContactMock;
/** What the bot said, to whom. */
const said: { to: string; text: string }[] = [];

beforeAll(async () => {
  sys = await startTestSystem({ env: { WECHATY_PUPPET: 'wechaty-puppet-mock', OUTBOX_WAKE_DELAY_MS: '0', TIMER_TICK_MS: '200' } });
  await seedDemoDistrict(sys.db.pool);
  bot = sys.listeners.get('wechat')!.client as Wechaty;
  mocker = (bot.puppet as PuppetMock).mocker;
  account = mocker.createContact({ name: '五华民情' });
  bot.on('message', (m) => {
    if (m.self()) said.push({ to: m.listener()?.id ?? '', text: m.text() });
  });
});
afterAll(() => sys?.teardown());

const login = () => app().inject({ method: 'GET', url: '/api/v1/wechat/login', headers: adminHeaders });
const app = () => sys.app!;
const saidTo = (contact: mock.ContactMock, match: RegExp = /./) => eventually(async () => said.find((s) => s.to === contact.id && match.test(s.text)));
const caseOfMessage = async (providerId: string) =>
  (
    await eventually(() =>
      sys
        .sql<{ id: number; case_no: string }>(
          `SELECT c.id, c.case_no FROM message m JOIN "case" c ON c.id = m.case_id WHERE m.channel = 'wechat' AND m.provider_message_id = $1`,
          [providerId],
        )
        .then((r) => (r.length ? r : null)),
    )
  )[0]!;
const status = async () => (await login()).json().status as string;

/** The account logged in, whatever an earlier test left it in (logged out, the bot starting again). */
async function loggedIn(): Promise<void> {
  if ((await status()) === 'logged_in') return;
  await eventually(async () => ['starting', 'scan'].includes(await status()), 5_000);
  mocker.login(account);
  await eventually(async () => (await status()) === 'logged_in', 5_000);
}

const lastInbound = async (contact: mock.ContactMock) =>
  (
    await eventually(() =>
      sys
        .sql<{ provider_message_id: string }>(
          `SELECT m.provider_message_id FROM message m WHERE m.channel = 'wechat' AND m.meta::text LIKE $1 ORDER BY id DESC LIMIT 1`,
          [`%${contact.id}%`],
        )
        .then((r) => (r.length ? r : null)),
    )
  )[0]!.provider_message_id;

describe('the account', () => {
  it('should show the login QR code to admins, then the logged-in state', async () => {
    if ((await status()) === 'logged_in') {
      await (bot.puppet as PuppetMock).logout();
      await eventually(async () => (await status()) === 'starting', 5_000);
    }
    mocker.scan('https://login.weixin.qq.com/l/minqing-test', ScanStatus.Waiting);
    await eventually(async () => (await status()) === 'scan');
    expect((await login()).json().qrcodeUrl).toContain('minqing-test');
    mocker.login(account);
    await eventually(async () => (await status()) === 'logged_in');
    expect((await login()).json()).toMatchObject({ qrcodeUrl: null, user: '五华民情' });
  });
});

// What one message is stored as (texts, photos, redeliveries, rooms, voice notes) is replayed by the channel
// harness from test/fixtures/wechat/cases.json; here, the conversations. Each resident is a contact of the test's own.
describe('residents', () => {
  /** A new resident who has written once, and their case (its number answered in their chat). */
  async function residentWithCase(name: string) {
    await loggedIn();
    const resident = mocker.createContact({ name });
    resident.say('莲华街道那边的公厕好几天没人打扫了，味道很大').to(account);
    const first = await lastInbound(resident);
    const kase = await caseOfMessage(first);
    return { resident, first, kase, receipt: await saidTo(resident, /编号/) };
  }

  it('should open a case from a one-to-one chat and answer with its number in the same chat', async () => {
    const { kase, receipt } = await residentWithCase('张阿姨');
    expect(receipt.text).toContain(kase.case_no);
  });

  it('should take a repeated message id once, and thread the next message and a photo into the open case', async () => {
    const { resident, first, kase } = await residentWithCase('赵大爷');
    (bot.puppet as PuppetMock).emit('message', { messageId: first }); // the puppet reports it again
    resident.say('今天还是没人来').to(account);
    resident.say(FileBox.fromBase64(TINY_JPEG.toString('base64'), 'toilet.jpg')).to(account);
    const rows = await eventually(() =>
      sys
        .sql<{ provider_message_id: string; attachments: unknown[] }>(
          `SELECT provider_message_id, attachments FROM message WHERE case_id = $1 AND direction = 'in' ORDER BY id`,
          [kase.id],
        )
        .then((r) => (r.length === 3 ? r : null)),
    );
    expect(new Set(rows.map((r) => r.provider_message_id)).size).toBe(3);
    // The photo is fetched before it is stored, so it may land before or after the text.
    expect(rows.flatMap((r) => r.attachments)).toEqual([expect.objectContaining({ contentType: 'image/jpeg' })]);
  });

  it("should answer 查询 with the resident's cases", async () => {
    const { resident, kase } = await residentWithCase('孙阿姨');
    const before = said.length;
    resident.say('查询').to(account);
    const answer = await eventually(async () => said.slice(before).find((s) => s.to === resident.id));
    expect(answer.text).toContain(kase.case_no);
  });
});

describe('a liaison on WeChat', () => {
  it('should bind, be told of new cases with the phone masked, and answer a WeChat resident there', async () => {
    await loggedIn();
    const [district] = await sys.sql<{ liaison_id: number }>(`SELECT liaison_id FROM zone WHERE code = 'district'`);
    const code = (await app().inject({ method: 'POST', url: `/api/v1/liaisons/${district!.liaison_id}/bind-code`, headers: adminHeaders })).json().code;
    const liaison = mocker.createContact({ name: '周明华' });
    liaison.say(`绑定 ${code}`).to(account);
    await saidTo(liaison, /绑定成功/);

    // A resident on the web form gives a phone number: the notice shows it masked.
    const web = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      payload: { text: '小区门口的下水道堵了，污水漫到路上', phone: '13912348888' },
    });
    const notice = await saidTo(liaison, new RegExp(web.json().caseNo));
    expect(notice.text).toContain('139****8888');
    expect(notice.text).not.toContain('13912348888');

    // A resident on WeChat: their case (in the district's triage zone) reaches this liaison, whose answer reaches them on WeChat.
    const resident = mocker.createContact({ name: '李师傅' });
    resident.say('我们这条街的路灯整条都不亮了').to(account);
    const kase = await caseOfMessage(await lastInbound(resident));
    await saidTo(liaison, new RegExp(kase.case_no));
    liaison.say(`回复 ${kase.case_no} 已通知路灯所，今晚修复`).to(account);
    expect((await saidTo(resident, /已通知路灯所/)).text).toContain(kase.case_no);
    await saidTo(liaison, /已排队经微信/);
    const timeline = (await app().inject({ method: 'GET', url: `/api/v1/cases/${kase.case_no}`, headers: adminHeaders })).json().timeline;
    expect(timeline).toContainEqual(expect.objectContaining({ event: 'replied', actor: `liaison:${district!.liaison_id}` }));

    // Resolved from WeChat; the return visit asks on WeChat, and "2" is the resident's answer.
    liaison.say(`办结 ${kase.case_no} 路灯已全部修复`).to(account);
    await saidTo(resident, /路灯已全部修复/);
    await sys.sql(`UPDATE case_timer SET due_at = now() WHERE case_id = $1 AND kind = 'return_visit'`, [kase.id]);
    await saidTo(resident, /回访/);
    resident.say('2').to(account);
    await eventually(
      async () => (await sys.sql<{ answer: string }>('SELECT answer FROM survey WHERE case_id = $1', [kase.id]))[0]?.answer === 'basically_satisfied',
    );
  });
});

describe('a dropped login', () => {
  it('should start again and take messages once the account is back', async () => {
    await loggedIn();
    await (bot.puppet as PuppetMock).logout();
    await eventually(async () => (await login()).json().status === 'logged_out');
    // The gateway restarts the bot after a short wait; then the account logs in again.
    await eventually(async () => (await login()).json().status === 'starting', 5_000);
    expect(sys.logs.some((l) => l.includes('wechat: restarting'))).toBe(true);
    mocker.login(account);
    await eventually(async () => (await login()).json().status === 'logged_in', 5_000);
    const resident = mocker.createContact({ name: '回来的居民' });
    resident.say('断线以后还能收到吗').to(account);
    await caseOfMessage(await lastInbound(resident));
  });
});
