/**
 * The deadline watch end to end: timers made with the case, fired through
 * BullMQ once due (the test moves a timer's due time instead of waiting for
 * days), escalation up the zone tree with a notice on the next level's
 * liaison's chat, exactly once, and nothing lost across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { Supervisor } from '../../src/supervision/supervisor.js';
import { DEFAULT_POLICY } from '../../src/supervision/deadlines.js';
import pg from 'pg';
import { adminHeaders, eventually, startTestSystem, TEST_DATABASE_URL, type TestSystem } from '../helpers/system.js';
import { fixture, startFakeBotApi, TELEGRAM, telegramEnv } from '../helpers/telegram.js';

let sys: TestSystem;
let bot: Awaited<ReturnType<typeof startFakeBotApi>>;
const app = () => sys.app!;
const COMMUNITY_LIAISON_CHAT = 62000001; // 杨丽芬, liaison of 翠湖社区 (wh-hs-ch)
let nextUpdate = 950_000_000;

beforeAll(async () => {
  bot = await startFakeBotApi();
  sys = await startTestSystem({ env: { ...telegramEnv(bot.url), OUTBOX_WAKE_DELAY_MS: '0', TIMER_TICK_MS: '200' } });
  await seedDemoDistrict(sys.db.pool);
  const [{ id }] = (await sys.sql(`SELECT liaison_id AS id FROM zone WHERE code = 'wh-hs-ch'`)) as [{ id: number }];
  const { code } = (await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders })).json();
  const u = fixture('text') as { message: Record<string, unknown> & { from: object; chat: object } };
  await app().inject({
    method: 'POST',
    url: '/webhooks/telegram',
    headers: { 'x-telegram-bot-api-secret-token': TELEGRAM.secret },
    payload: {
      update_id: nextUpdate++,
      message: {
        ...u.message,
        from: { ...u.message.from, id: COMMUNITY_LIAISON_CHAT },
        chat: { ...u.message.chat, id: COMMUNITY_LIAISON_CHAT },
        text: `绑定 ${code}`,
      },
    },
  });
  await eventually(async () => bot.to(COMMUNITY_LIAISON_CHAT).some((m) => m.text.includes('绑定成功')));
});
afterAll(async () => {
  await sys?.teardown();
  await bot?.close();
});

async function openCase(text: string): Promise<{ id: number; caseNo: string }> {
  const { caseNo } = (
    await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text, zoneCode: 'wh-hs-ch-01', phone: '13912347777' } })
  ).json();
  const [row] = await eventually(() => sys.sql<{ id: number }>('SELECT id FROM "case" WHERE case_no = $1', [caseNo]).then((r) => (r.length ? r : null)));
  return { id: row!.id, caseNo };
}
const timers = (caseId: number) =>
  sys.sql<{ id: number; kind: string; due_at: Date; fired_at: Date | null; cancelled_at: Date | null }>(
    'SELECT id, kind, due_at, fired_at, cancelled_at FROM case_timer WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
/** The test's clock: the timer is due now. */
const dueNow = (timerId: number) => sys.sql('UPDATE case_timer SET due_at = now() WHERE id = $1', [timerId]);
/**
 * A timer made now on a case of its own, waited for until it has fired: by then the watch has scheduled and
 * run what was due before it, so whatever earlier timers were still going to do has been done.
 */
async function laterTimerFired(): Promise<void> {
  const { id } = await openCase('路边的长椅坏了');
  const [{ id: timerId }] = (await sys.sql(`INSERT INTO case_timer (case_id, kind, due_at) VALUES ($1, 'reminder', now()) RETURNING id`, [id])) as [
    { id: number },
  ];
  await eventually(async () => (await sys.sql('SELECT 1 FROM case_timer WHERE id = $1 AND fired_at IS NOT NULL', [timerId])).length === 1);
}
const caseRow = async (id: number) =>
  (
    await sys.sql<{ zone: string; overdue_at: Date | null; escalations: number; status: string }>(
      'SELECT z.code AS zone, c.overdue_at, c.escalations, c.status FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.id = $1',
      [id],
    )
  )[0]!;

describe('timers made with the case', () => {
  it('should plan two reminders and the deadline, in working time', async () => {
    const { id } = await openCase('小区门口的垃圾箱三天没人清运');
    const planned = await timers(id);
    expect(planned.map((t) => t.kind)).toEqual(['reminder', 'reminder', 'deadline']);
    const [{ deadline_at }] = (await sys.sql('SELECT deadline_at FROM "case" WHERE id = $1', [id])) as [{ deadline_at: Date }];
    expect(planned[2]!.due_at).toEqual(deadline_at);
    expect(planned[0]!.due_at < planned[1]!.due_at && planned[1]!.due_at < deadline_at).toBe(true);
  });
});

describe('at the deadline', () => {
  it('should remind, then escalate an unanswered case from group to community, telling the community liaison in chat', async () => {
    const { id, caseNo } = await openCase('楼道灯坏了一个月没人修');
    const [reminder, , deadline] = await timers(id);
    await dueNow(reminder!.id);
    await eventually(async () => (await sys.sql(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'reminded'`, [id])).length === 1);
    expect((await caseRow(id)).zone).toBe('wh-hs-ch-01');

    const before = bot.to(COMMUNITY_LIAISON_CHAT).length;
    await dueNow(deadline!.id);
    await eventually(async () => (await caseRow(id)).zone === 'wh-hs-ch');
    expect(await caseRow(id)).toMatchObject({ escalations: 1, overdue_at: expect.any(Date) });
    const notice = await eventually(async () =>
      bot
        .to(COMMUNITY_LIAISON_CHAT)
        .slice(before)
        .find((m) => m.text.includes(caseNo)),
    );
    expect(notice.text).toContain('上报');
    expect(notice.text).toContain('逾期');
    expect(notice.text).toContain('139****7777');
    expect(notice.text).not.toContain('13912347777');
    const next = (await timers(id)).find((t) => t.kind === 'escalation');
    expect(next?.fired_at).toBeNull();
    expect(next!.due_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('should act once when a timer fires twice at the same moment, and leave an answered case alone', async () => {
    const supervisor = new Supervisor({
      pool: sys.db.pool,
      catalog: app().deps.catalog,
      office: { hours: '09:00-17:30', days: 'Mon,Tue,Wed,Thu,Fri', timeZone: 'Asia/Shanghai' },
      policy: DEFAULT_POLICY,
    });
    const { id } = await openCase('绿化带里的树倒了挡住人行道');
    // Fired by hand twice at once, while the queue may take it too: it acts once.
    const [{ id: timerId }] = (await sys.sql(`INSERT INTO case_timer (case_id, kind, due_at) VALUES ($1, 'deadline', now()) RETURNING id`, [id])) as [
      { id: number },
    ];
    const outcomes = await Promise.all([supervisor.fire(timerId), supervisor.fire(timerId)]);
    expect(outcomes.filter((o) => o === 'escalated').length).toBeLessThanOrEqual(1);
    await eventually(async () => (await caseRow(id)).escalations === 1);
    await laterTimerFired(); // the queue's own job for the timer, if it had one, has run
    expect((await caseRow(id)).escalations).toBe(1);
    expect(await sys.sql(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'escalated'`, [id])).toHaveLength(1);

    await sys.sql(`UPDATE "case" SET status = 'answered' WHERE id = $1`, [id]);
    await sys.sql(`UPDATE case_timer SET due_at = now() WHERE case_id = $1 AND kind = 'escalation' AND fired_at IS NULL`, [id]);
    await eventually(
      async () => (await sys.sql(`SELECT 1 FROM case_timer WHERE case_id = $1 AND kind = 'escalation' AND fired_at IS NULL`, [id])).length === 0,
    );
    expect((await caseRow(id)).escalations).toBe(1);
    expect((await caseRow(id)).zone).toBe('wh-hs-ch');
  });
});

describe('the five steps', () => {
  it('should record each status change with who and a note, stop the watch once answered, and derive the response and resolution times', async () => {
    const { id, caseNo } = await openCase('人行道上的地砖翘起来了');
    const move = (status: string, note = '已核实现场') =>
      app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/status`, headers: adminHeaders, payload: { status, note } });
    expect((await move('accepted')).statusCode).toBe(200);
    expect((await move('accepted')).json()).toMatchObject({ field: 'status' });
    expect((await move('in_progress', '已联系市政维修')).statusCode).toBe(200);
    let detail = (await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: adminHeaders })).json();
    expect(detail.firstResponseAt).toBeNull();
    expect(detail.timeline.filter((e: { event?: string }) => e.event === 'status_changed')).toEqual([
      expect.objectContaining({ actor: expect.stringMatching(/^user:/), detail: { from: 'registered', to: 'accepted', note: '已核实现场' } }),
      expect.objectContaining({ detail: { from: 'accepted', to: 'in_progress', note: '已联系市政维修' } }),
    ]);
    await move('answered', '已修复并告知居民');
    expect((await timers(id)).filter((t) => ['reminder', 'deadline'].includes(t.kind)).every((t) => t.cancelled_at !== null)).toBe(true);
    expect((await timers(id)).filter((t) => t.kind === 'return_visit' && t.cancelled_at === null)).toHaveLength(1);
    await move('closed', '居民确认');
    detail = (await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: adminHeaders })).json();
    expect(detail.firstResponseAt).not.toBeNull();
    expect(detail.resolutionHours).toBeGreaterThanOrEqual(0);
  });
});

describe('moving and restarting', () => {
  it('should move the timers with a deadline override', async () => {
    const { id, caseNo } = await openCase('小区健身器材坏了');
    const target = new Date(Date.now() + 10 * 86_400_000);
    const res = await app().inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseNo}/deadline`,
      headers: adminHeaders,
      payload: { deadlineAt: target.toISOString() },
    });
    expect(res.statusCode).toBe(200);
    const all = await timers(id);
    expect(all.filter((t) => t.cancelled_at === null).find((t) => t.kind === 'deadline')!.due_at).toEqual(target);
    expect(all.filter((t) => t.cancelled_at !== null)).toHaveLength(3);
    const past = await app().inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseNo}/deadline`,
      headers: adminHeaders,
      payload: { deadlineAt: '2020-01-01T00:00:00+08:00' },
    });
    expect(past.json().field).toBe('deadlineAt');
  });

  it('should fire a timer that came due while the gateway was down, once, after the restart', async () => {
    const { id } = await openCase('井盖松动踩上去会晃');
    const deadline = (await timers(id)).find((t) => t.kind === 'deadline')!;
    await sys.stop();
    // While it is down, the deadline passes.
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`UPDATE ${sys.schema}.case_timer SET due_at = now() - interval '1 minute' WHERE id = $1`, [deadline.id]);
    await client.end();
    const { schema, prefix, env } = sys;
    sys = await startTestSystem({ schema, prefix, env });
    await eventually(async () => (await caseRow(id)).escalations === 1);
    await laterTimerFired(); // later ticks have come and gone: nothing fires twice
    expect((await caseRow(id)).escalations).toBe(1);
  });
});

describe('the business calendar API', () => {
  it("should replace a year's holidays and make-up days, and refuse a date of another year naming it", async () => {
    const days = [
      { date: '2026-10-01', workday: false, name: '国庆节' },
      { date: '2026-10-10', workday: true, name: '国庆节调休' },
    ];
    const put = await app().inject({ method: 'PUT', url: '/api/v1/calendar/2026', headers: adminHeaders, payload: { days } });
    expect(put.statusCode).toBe(200);
    expect((await app().inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: adminHeaders })).json().days).toEqual(days);
    const bad = await app().inject({
      method: 'PUT',
      url: '/api/v1/calendar/2026',
      headers: adminHeaders,
      payload: { days: [{ date: '2027-01-01', workday: false, name: '元旦' }] },
    });
    expect(bad.json()).toMatchObject({ field: 'days.0.date' });
    expect((await app().inject({ method: 'GET', url: '/api/v1/calendar/2026', headers: adminHeaders })).json().days).toEqual(days);
  });
});
