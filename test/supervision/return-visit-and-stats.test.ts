/**
 * Return visits on the resident's own channel and the figures zones are
 * assessed on: a hand-computed fixture, and a closed case whose visit answer
 * shows in its zone's satisfaction rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { parseSurveyAnswer } from '../../src/supervision/return-visit.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixture, startFakeBotApi, TELEGRAM, telegramEnv } from '../helpers/telegram.js';

let sys: TestSystem;
let bot: Awaited<ReturnType<typeof startFakeBotApi>>;
const app = () => sys.app!;
const LIAISON_CHAT = 63000001; // 赵桂兰, liaison of 翠湖社区第一居民小组 (wh-hs-ch-01)
const ABOVE_CHAT = 63000002; // 杨丽芬, liaison of 翠湖社区 (wh-hs-ch), the level above
const RESIDENT_CHAT = 53000001;
let nextUpdate = 970_000_000;

beforeAll(async () => {
  bot = await startFakeBotApi();
  sys = await startTestSystem({
    env: { ...telegramEnv(bot.url), OUTBOX_WAKE_DELAY_MS: '0', TIMER_TICK_MS: '200', TWILIO_WEBHOOK_INSECURE: 'true', METRICS_BUSINESS: 'true' },
  });
  await seedDemoDistrict(sys.db.pool);
  const [{ id }] = (await sys.sql(`SELECT liaison_id AS id FROM zone WHERE code = 'wh-hs-ch-01'`)) as [{ id: number }];
  const { code } = (await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders })).json();
  await say(LIAISON_CHAT, `绑定 ${code}`);
  await eventually(async () => bot.to(LIAISON_CHAT).some((m) => m.text.includes('绑定成功')));
  const [{ id: above }] = (await sys.sql(`SELECT liaison_id AS id FROM zone WHERE code = 'wh-hs-ch'`)) as [{ id: number }];
  const aboveCode = (await app().inject({ method: 'POST', url: `/api/v1/liaisons/${above}/bind-code`, headers: adminHeaders })).json().code;
  await say(ABOVE_CHAT, `绑定 ${aboveCode}`);
  await eventually(async () => bot.to(ABOVE_CHAT).some((m) => m.text.includes('绑定成功')));
});
afterAll(async () => {
  await sys?.teardown();
  await bot?.close();
});

async function say(chat: number, text: string) {
  const u = fixture('text') as { message: Record<string, unknown> & { from: object; chat: object } };
  const res = await app().inject({
    method: 'POST',
    url: '/webhooks/telegram',
    headers: { 'x-telegram-bot-api-secret-token': TELEGRAM.secret },
    payload: { update_id: nextUpdate++, message: { ...u.message, from: { ...u.message.from, id: chat }, chat: { ...u.message.chat, id: chat }, text } },
  });
  expect(res.statusCode).toBe(200);
}
let smsCount = 0;
async function sms(from: string, body: string) {
  await app().inject({
    method: 'POST',
    url: '/webhooks/twilio/sms',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ MessageSid: `SM-rv-${smsCount++}`, From: from, To: '+8687163600000', Body: body }).toString(),
  });
}
const sendsOf = (caseId: number, kind: string) =>
  sys.sql<{ channel: string; to_address: string; body: string }>(
    `SELECT o.channel, o.to_address, m.body FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.case_id = $1 AND o.kind = $2 ORDER BY o.id`,
    [caseId, kind],
  );
/** The test's clock: every pending timer of this kind on the case is due now. */
const dueNow = (caseId: number, kind: string) =>
  sys.sql(`UPDATE case_timer SET due_at = now() WHERE case_id = $1 AND kind = $2 AND fired_at IS NULL AND cancelled_at IS NULL`, [caseId, kind]);
const survey = async (caseId: number) =>
  (await sys.sql<{ answer: string | null; reminders: number }>('SELECT answer, reminders FROM survey WHERE case_id = $1', [caseId]))[0];

async function resolvedCase(resident: () => Promise<void>, find: string): Promise<{ id: number; caseNo: string }> {
  await resident();
  const [row] = await eventually(() =>
    sys
      .sql<{ id: number; case_no: string }>(`SELECT c.id, c.case_no FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.body = $1`, [find])
      .then((r) => (r.length ? r : null)),
  );
  await say(LIAISON_CHAT, `办结 ${row!.case_no} 已处理完毕`);
  await eventually(async () => (await sys.sql<{ status: string }>('SELECT status FROM "case" WHERE id = $1', [row!.id]))[0]!.status === 'closed');
  return { id: row!.id, caseNo: row!.case_no };
}

describe('survey answers', () => {
  it.each([
    ['1', 'satisfied'],
    [' 满意。', 'satisfied'],
    ['２', 'basically_satisfied'],
    ['基本满意', 'basically_satisfied'],
    ['3', 'not_satisfied'],
    ['不满意！', 'not_satisfied'],
    ['13', null],
    ['我不满意你们的处理', null],
    // Mail replies quote the survey below the answer.
    ['2\n\n在 2026年11月30日 10:00，民意信箱 写道：\n> 【回访】您反映的问题……请回复数字评价', 'basically_satisfied'],
    ['满意\r\n\r\nOn Mon, 30 Nov 2026 at 10:00, mailbox wrote:\r\n> 1 满意，2 基本满意，3 不满意', 'satisfied'],
    ['3\n-----Original Message-----\nFrom: mailbox', 'not_satisfied'],
    ['1\n还有一件事想反映\n> 回访', null],
  ])('should read %j as %s', (text, answer) => {
    expect(parseSurveyAnswer(text)).toBe(answer);
  });
});

describe('return visits', () => {
  it('should ask an SMS resident after the case is closed; "not satisfied" reopens it and tells the liaisons', async () => {
    const text = '翠湖西路的化粪池满了，臭气熏天';
    const { id, caseNo } = await resolvedCase(() => sms('+8613912340011', text), text);
    await dueNow(id, 'return_visit');
    const [ask] = await eventually(() => sendsOf(id, 'survey').then((r) => (r.length ? r : null)));
    expect(ask).toMatchObject({ channel: 'sms', to_address: '+8613912340011', body: expect.stringContaining('1 满意') });
    expect(ask!.body).toContain(caseNo);

    const before = bot.to(LIAISON_CHAT).length;
    await sms('+8613912340011', '3');
    await eventually(async () => (await survey(id))?.answer === 'not_satisfied');
    expect((await sys.sql<{ status: string }>('SELECT status FROM "case" WHERE id = $1', [id]))[0]!.status).toBe('reopened');
    expect(
      (
        await eventually(async () =>
          bot
            .to(LIAISON_CHAT)
            .slice(before)
            .find((m) => m.text.includes('不满意')),
        )
      ).text,
    ).toContain(caseNo);
    // The level above hears of it too.
    expect((await eventually(async () => bot.to(ABOVE_CHAT).find((m) => m.text.includes('不满意')))).text).toContain(caseNo);
    expect(await sys.sql(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'reopened'`, [id])).toHaveLength(1);
    expect(await sendsOf(id, 'survey_thanks')).toHaveLength(1);
  });

  it('should ask a Telegram resident in their chat and take "1" as satisfied', async () => {
    const text = '翠湖西路12号门口的路灯不亮';
    const { id } = await resolvedCase(() => say(RESIDENT_CHAT, text), text);
    const before = bot.to(RESIDENT_CHAT).length;
    await dueNow(id, 'return_visit');
    await eventually(async () =>
      bot
        .to(RESIDENT_CHAT)
        .slice(before)
        .find((m) => m.text.includes('回访')),
    );
    await say(RESIDENT_CHAT, '1');
    await eventually(async () => (await survey(id))?.answer === 'satisfied');
    expect((await sys.sql<{ status: string }>('SELECT status FROM "case" WHERE id = $1', [id]))[0]!.status).toBe('closed');
  });

  it('should offer Telegram residents the answers as buttons, and take a tap as the answer', async () => {
    const text = '翠湖西路垃圾桶旁边的井盖松了';
    const resident = 53000002;
    const { id } = await resolvedCase(() => say(resident, text), text);
    await dueNow(id, 'return_visit');
    const ask = await eventually(async () => bot.to(resident).find((m) => m.text.includes('回访')));
    const buttons = ask.reply_markup!.inline_keyboard!.flat();
    expect(buttons.map((b) => b.text)).toEqual(['1 满意', '2 基本满意', '3 不满意']);
    const tap = {
      update_id: nextUpdate++,
      callback_query: {
        id: 'cbq-4417',
        from: { id: resident, is_bot: false, first_name: '桂芳' },
        message: { message_id: ask.message_id, date: 1764460800, chat: { id: resident, type: 'private' }, text: ask.text },
        chat_instance: '-88123',
        data: buttons[1]!.callback_data,
      },
    };
    const res = await app().inject({
      method: 'POST',
      url: '/webhooks/telegram',
      headers: { 'x-telegram-bot-api-secret-token': TELEGRAM.secret },
      payload: tap,
    });
    expect(res.statusCode).toBe(200);
    await eventually(async () => (await survey(id))?.answer === 'basically_satisfied');
    expect(bot.answered).toContain('cbq-4417');
  });

  it('should record "no response" after two reminders, never "satisfied"', async () => {
    const text = '翠湖西路的绿化带杂草很多';
    const { id } = await resolvedCase(() => sms('+8613912340022', text), text);
    await dueNow(id, 'return_visit');
    await eventually(async () => (await sendsOf(id, 'survey')).length === 1);
    await dueNow(id, 'survey_reminder');
    await eventually(async () => (await sendsOf(id, 'survey')).length === 2);
    await dueNow(id, 'survey_reminder');
    await eventually(async () => (await sendsOf(id, 'survey')).length === 3);
    expect((await survey(id))?.answer).toBeNull();
    await dueNow(id, 'survey_close');
    await eventually(async () => (await survey(id))?.answer === 'no_response');
  });

  it("should show the answers in the zone's satisfaction rate", async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const res = await app().inject({ method: 'GET', url: `/api/v1/stats?from=${from}&to=${to}&zone=wh-hs-ch-01`, headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    const group = res.json().rows.find((r: { key: string }) => r.key === 'wh-hs-ch-01');
    // Not satisfied, satisfied, basically satisfied, no response: 2 of 3 answered.
    expect(group).toMatchObject({ received: 4, surveysAnswered: 3, satisfactionRate: 0.667, reopenRate: 0.25 });
  });
});

describe('the figures', () => {
  // Four cases in 翠湖社区's two groups in the first week of November, one before it (not counted).
  beforeAll(async () => {
    const cases = [
      // zone, category, created, first reply, closed, deadline, overdue, survey, reopened
      ['wh-hs-ch-01', 'environment', '2026-11-02T09:00', '2026-11-02T10:00', '2026-11-02T19:00', '2026-11-05T09:00', false, 'satisfied', false],
      ['wh-hs-ch-01', 'housing', '2026-11-02T09:00', '2026-11-04T09:00', '2026-11-06T09:00', '2026-11-05T09:00', true, 'not_satisfied', true],
      ['wh-hs-ch-02', 'environment', '2026-11-03T09:00', null, null, '2026-11-05T09:00', true, null, false],
      ['wh-hs-ch-02', 'environment', '2026-11-03T12:00', '2026-11-03T13:00', '2026-11-03T14:00', '2026-11-06T09:00', false, 'no_response', false],
      ['wh-hs-ch-02', 'environment', '2026-10-30T12:00', '2026-10-30T13:00', '2026-10-30T14:00', '2026-11-02T09:00', false, 'satisfied', false],
    ] as const;
    let n = 0;
    for (const [zone, category, created, reply, closed, deadline, overdue, answer, reopened] of cases) {
      const at = (t: string | null) => (t ? `${t}:00+08:00` : null);
      const [{ id }] = (await sys.sql(
        `INSERT INTO "case" (case_no, category_code, zone_id, deadline_at, origin_channel, reply_channel, status, created_at, closed_at, overdue_at)
         VALUES ($1, $2, (SELECT id FROM zone WHERE code = $3), $4, 'web', 'web', $5, $6, $7, $8) RETURNING id`,
        [
          `99110${String(n++).padStart(5, '0')}`,
          category,
          zone,
          at(deadline),
          closed ? 'closed' : 'registered',
          at(created),
          at(closed),
          overdue ? at(deadline) : null,
        ],
      )) as [{ id: number }];
      if (reply) await sys.sql(`INSERT INTO case_event (case_id, type, actor, at) VALUES ($1, 'replied', 'liaison:1', $2)`, [id, at(reply)]);
      if (answer) await sys.sql(`INSERT INTO survey (case_id, channel, answer) VALUES ($1, 'web', $2)`, [id, answer]);
      if (reopened) await sys.sql(`INSERT INTO case_event (case_id, type, actor) VALUES ($1, 'reopened', 'resident')`, [id]);
    }
  });
  const get = (query: string) =>
    app().inject({ method: 'GET', url: `/api/v1/stats?from=2026-11-01T00:00:00%2B08:00&to=2026-11-08T00:00:00%2B08:00&${query}`, headers: adminHeaders });

  it('should match the hand-computed figures, rolled up the zone tree', async () => {
    const res = (await get('zone=wh-hs&groupBy=zone')).json();
    const row = (key: string) => res.rows.find((r: { key: string }) => r.key === key);
    const community = {
      received: 4,
      responseRate: 0.5, // 1 h and 1 h within 24 h; 48 h late; one never answered
      resolutionRate: 0.5, // two closed before their deadline
      satisfactionRate: 0.5, // satisfied, not satisfied; "no response" left out
      surveysAnswered: 2,
      overdue: 2,
      avgHandlingHours: 36, // (10 + 96 + 2) / 3
      p90HandlingHours: 96,
      reopenRate: 0.25,
    };
    expect(row('wh-hs-ch')).toMatchObject(community);
    expect(row('wh-hs')).toMatchObject(community);
    expect(row('wh-hs-ch-01')).toMatchObject({
      received: 2,
      responseRate: 0.5,
      resolutionRate: 0.5,
      satisfactionRate: 0.5,
      overdue: 1,
      avgHandlingHours: 53,
      p90HandlingHours: 96,
      reopenRate: 0.5,
    });
    expect(row('wh-hs-ch-02')).toMatchObject({
      received: 2,
      responseRate: 0.5,
      resolutionRate: 0.5,
      satisfactionRate: null,
      surveysAnswered: 0,
      overdue: 1,
      avgHandlingHours: 2,
      reopenRate: 0,
    });
    expect(row('district')).toBeUndefined(); // outside the zone asked about
  });

  it('should group by category, export CSV, and refuse a bad period naming the field', async () => {
    const byCategory = (await get('zone=wh-hs&groupBy=category')).json().rows;
    expect(byCategory.map((r: { key: string; received: number }) => [r.key, r.received])).toEqual([
      ['environment', 3],
      ['housing', 1],
    ]);
    const csv = await app().inject({ method: 'GET', url: `/api/v1/stats.csv?from=2026-11-01&to=2026-11-08&zone=wh-hs-ch`, headers: adminHeaders });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    // Chinese headers, zones by path, rates as percentages (test/http/figures-api.test.ts has the rest).
    expect(lines[0]).toBe('区域,层级,受理量,响应率,按期办结率,满意率,回访答复数,超期件数,平均办理时长（小时）,P90办理时长（小时）,重开率,编码');
    expect(lines).toContain('华山街道/翠湖社区,社区,4,50.0%,50.0%,50.0%,2,2,36,96,25.0%,wh-hs-ch');
    const bad = await app().inject({ method: 'GET', url: '/api/v1/stats?from=2026-11-08&to=2026-11-01', headers: adminHeaders });
    expect(bad.json()).toMatchObject({ field: 'to' });
  });

  it('should publish the headline figures as Prometheus gauges', async () => {
    const metrics = await app().inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/minqing_figures_30d\{figure="received"\} \d+/);
  });
});
