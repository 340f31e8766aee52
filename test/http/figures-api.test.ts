/**
 * The figures (考核) API for the console: drill-down one level of the zone
 * tree at a time with subtree totals, by category and by liaison, the weekly
 * trend, and the CSV and XLSX exports, on cases whose figures are computed
 * here by hand.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const SUPERVISOR = { authorization: 'Bearer figures-supervisor-token-0123' };
const LIAISON = { authorization: 'Bearer figures-liaison-token-01234' };
const PERIOD = 'from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00';

interface Row {
  key: string;
  name: string;
  received: number;
  [figure: string]: unknown;
}

// November 2026 in Beijing time. Handling hours: 10, 72 and 2 for the three closed cases.
const CASES = [
  // zone, category, created, first reply, closed, deadline, overdue, survey, reopened
  ['wh-hs-ch-01', 'environment', '2026-11-02T09:00', '2026-11-02T10:00', '2026-11-02T19:00', '2026-11-05T09:00', false, 'satisfied', false],
  ['wh-hs-ch-02', 'housing', '2026-11-03T09:00', '2026-11-05T09:00', '2026-11-06T09:00', '2026-11-05T09:00', true, 'not_satisfied', true],
  ['wh-hs-ch', 'environment', '2026-11-10T09:00', null, null, '2026-11-13T09:00', false, null, false],
  ['wh-hs-yt-01', 'environment', '2026-11-10T12:00', '2026-11-10T13:00', '2026-11-10T14:00', '2026-11-13T09:00', false, 'no_response', false],
  ['wh-hg-hg-01', 'housing', '2026-11-17T09:00', '2026-11-17T10:00', null, '2026-11-20T09:00', false, null, false],
  ['district', 'environment', '2026-11-24T09:00', null, null, '2026-11-27T09:00', false, null, false],
  // Before the period: counted nowhere.
  ['wh-hs-ch-01', 'environment', '2026-10-30T12:00', '2026-10-30T13:00', '2026-10-30T14:00', '2026-11-02T09:00', false, 'satisfied', false],
] as const;

beforeAll(async () => {
  sys = await startTestSystem({ role: 'http' });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('督查员', 'supervisor', $1)`, [hashApiKey(SUPERVISOR.authorization.slice(7))]);
  await sys.sql(
    `INSERT INTO app_user (name, role, api_key_hash, liaison_id) VALUES ('赵桂兰', 'liaison', $1, (SELECT liaison_id FROM zone WHERE code = 'wh-hs-ch-01'))`,
    [hashApiKey(LIAISON.authorization.slice(7))],
  );
  let n = 0;
  for (const [zone, category, created, reply, closed, deadline, overdue, answer, reopened] of CASES) {
    const at = (t: string | null) => (t ? `${t}:00+08:00` : null);
    const [{ id }] = (await sys.sql(
      `INSERT INTO "case" (case_no, category_code, zone_id, liaison_id, deadline_at, origin_channel, reply_channel, status, created_at, closed_at, overdue_at)
       SELECT $1, $2, z.id, z.liaison_id, $4, 'web', 'web', $5, $6, $7, $8 FROM zone z WHERE z.code = $3 RETURNING id`,
      [
        `99170${String(n++).padStart(5, '0')}`,
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
}, 60_000);
afterAll(() => sys?.teardown());

const get = (path: string, headers: Record<string, string> = SUPERVISOR) => sys.app!.inject({ method: 'GET', url: path, headers });
async function stats(query: string): Promise<{ total: Record<string, unknown>; rows: Row[]; responseTargetHours: number }> {
  const res = await get(`/api/v1/stats?${PERIOD}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const byKey = (rows: Row[]) => new Map(rows.map((r) => [r.key, r]));
const NOTHING = { received: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, overdue: 0, avgHandlingHours: null, reopenRate: null };

describe('the drill-down down the zone tree', () => {
  it("shows the district's streets, each with its whole subtree, and the district's own cases apart", async () => {
    const { total, rows, responseTargetHours } = await stats('groupBy=zone&parentCode=district');
    expect(responseTargetHours).toBe(24);
    const row = byKey(rows);
    const streets = await sys.sql<{ code: string }>(`SELECT code FROM zone WHERE parent_id = (SELECT id FROM zone WHERE code = 'district') AND active`);
    const quiet = streets.map((s) => s.code).filter((code) => code !== 'wh-hs' && code !== 'wh-hg');
    // Busiest first, the quiet ones by code, the district's own cases last.
    expect(rows.map((r) => r.key)).toEqual(['wh-hs', 'wh-hg', ...quiet.sort(), 'district:own']);
    expect(row.get('wh-hs')).toMatchObject({
      name: '华山街道',
      path: '华山街道',
      level: 'street',
      hasChildren: true,
      received: 4,
      responseRate: 0.5, // 1 h, 1 h within 24 h; 48 h late; one never answered
      resolutionRate: 0.5, // two of four closed by their deadline
      satisfactionRate: 0.5, // satisfied, not satisfied; "no response" left out
      surveysAnswered: 2,
      overdue: 1,
      avgHandlingHours: 28, // (10 + 72 + 2) / 3
      p90HandlingHours: 72,
      reopenRate: 0.25,
    });
    expect(row.get('wh-hg')).toMatchObject({ received: 1, responseRate: 1, resolutionRate: 0, satisfactionRate: null, overdue: 0, reopenRate: 0 });
    expect(row.get('wh-dg')).toMatchObject(NOTHING); // a quiet street is listed, not left out
    expect(row.get('district:own')).toMatchObject({ own: true, name: '五华区民情服务中心', received: 1, responseRate: 0, resolutionRate: 0 });
    expect(total).toMatchObject({
      received: 6,
      responseRate: 0.5,
      resolutionRate: 0.333,
      satisfactionRate: 0.5,
      overdue: 1,
      avgHandlingHours: 28,
      p90HandlingHours: 72,
      reopenRate: 0.167,
    });
  });

  it("goes down to a street's communities and a community's groups, whose rows add up to their parent", async () => {
    const street = byKey((await stats('parentCode=wh-hs')).rows);
    expect([...street.keys()]).toEqual(['wh-hs-ch', 'wh-hs-yt', 'wh-hs-wl']);
    expect(street.get('wh-hs-ch')).toMatchObject({
      path: '华山街道/翠湖社区',
      level: 'community',
      hasChildren: true,
      received: 3,
      responseRate: 0.333,
      resolutionRate: 0.333,
      satisfactionRate: 0.5,
      overdue: 1,
      avgHandlingHours: 41, // (10 + 72) / 2
      p90HandlingHours: 72,
      reopenRate: 0.333,
    });
    expect(street.get('wh-hs-yt')).toMatchObject({
      received: 1,
      responseRate: 1,
      resolutionRate: 1,
      satisfactionRate: null,
      surveysAnswered: 0,
      avgHandlingHours: 2,
    });
    expect(street.get('wh-hs-wl')).toMatchObject(NOTHING);

    const community = await stats('parentCode=wh-hs-ch');
    expect(community.rows.map((r) => [r.key, r.received])).toEqual([
      ['wh-hs-ch-01', 1],
      ['wh-hs-ch-02', 1],
      ['wh-hs-ch:own', 1],
    ]);
    expect(community.rows[0]).toMatchObject({
      name: '第一居民小组',
      path: '华山街道/翠湖社区/第一居民小组',
      level: 'group',
      hasChildren: false,
      responseRate: 1,
      resolutionRate: 1,
      satisfactionRate: 1,
      avgHandlingHours: 10,
    });
    expect(community.rows[1]).toMatchObject({ responseRate: 0, resolutionRate: 0, satisfactionRate: 0, overdue: 1, reopenRate: 1, avgHandlingHours: 72 });
    expect(community.total).toMatchObject({ received: 3, responseRate: 0.333, overdue: 1 });
  });

  it('refuses a drill-down it cannot do, naming the field', async () => {
    for (const [query, field] of [
      ['parentCode=nowhere', 'parentCode'],
      ['parentCode=wh-hs&groupBy=category', 'parentCode'],
      ['parentCode=wh-hs&zone=wh-hs', 'parentCode'],
    ]) {
      const res = await get(`/api/v1/stats?${PERIOD}&${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ field });
    }
  });

  it('keeps the roll-up of every zone when no parent is given, now with paths', async () => {
    const row = byKey((await stats('zone=wh-hs')).rows);
    expect(row.get('wh-hs-ch-02')).toMatchObject({ path: '华山街道/翠湖社区/第二居民小组', received: 1 });
    expect(row.get('wh-hs')).toMatchObject({ received: 4 });
    expect(row.get('district')).toBeUndefined();
  });
});

describe('by category and by liaison', () => {
  it('counts each case once under its category, with the English name', async () => {
    const { rows } = await stats('groupBy=category');
    expect(rows.map((r) => [r.key, r.received])).toEqual([
      ['environment', 4],
      ['housing', 2],
    ]);
    expect(rows[0]).toMatchObject({ name: expect.any(String), nameEn: expect.any(String), responseRate: 0.5, satisfactionRate: 1 });
    expect(rows[1]).toMatchObject({ responseRate: 0.5, resolutionRate: 0, satisfactionRate: 0, overdue: 1, reopenRate: 0.5 });
  });

  it('counts each case under its liaison, within the zone asked about', async () => {
    const { rows } = await stats('groupBy=liaison&zone=wh-hs-ch');
    expect(rows.map((r) => [r.name, r.received]).sort()).toEqual([
      ['杨丽芬', 1],
      ['王志刚', 1],
      ['赵桂兰', 1],
    ]);
    expect(rows.find((r) => r.name === '王志刚')).toMatchObject({ overdue: 1, reopenRate: 1, satisfactionRate: 0, avgHandlingHours: 72 });
  });
});

describe('the weekly trend', () => {
  it('gives every week (Monday first, Beijing time) that touches the period, with or without cases', async () => {
    const res = await get(`/api/v1/stats/weekly?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const weeks = res.json().weeks as { week: string; received: number; responseRate: number | null }[];
    expect(weeks.map((w) => [w.week, w.received])).toEqual([
      ['2026-10-26', 0], // 1 November is a Sunday: the case of 30 October is before the period
      ['2026-11-02', 2],
      ['2026-11-09', 2],
      ['2026-11-16', 1],
      ['2026-11-23', 1],
      ['2026-11-30', 0],
    ]);
    expect(weeks[1]).toMatchObject({ responseRate: 0.5, overdue: 1, reopenRate: 0.5 });
    const street = (await get(`/api/v1/stats/weekly?${PERIOD}&zone=wh-hs`)).json().weeks as { received: number }[];
    expect(street.map((w) => w.received)).toEqual([0, 2, 2, 0, 0, 0]);
  });

  it('refuses a trend longer than about two years, naming the field', async () => {
    const res = await get('/api/v1/stats/weekly?from=2020-01-01&to=2026-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'from' });
  });
});

describe('the exports', () => {
  const HEADER = '区域,层级,受理量,响应率,按期办结率,满意率,回访答复数,超期件数,平均办理时长（小时）,P90办理时长（小时）,重开率,编码';

  it('writes a CSV with a BOM, Chinese headers, zones by path, rates as percentages and a total row', async () => {
    const res = await get(`/api/v1/stats.csv?${PERIOD}&parentCode=wh-hs-ch`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="minqing-figures-zone-wh-hs-ch-[\w-]+\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(
      res.body
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n'),
    ).toEqual([
      HEADER,
      '华山街道/翠湖社区/第一居民小组,居民小组,1,100.0%,100.0%,100.0%,1,0,10,10,0.0%,wh-hs-ch-01',
      '华山街道/翠湖社区/第二居民小组,居民小组,1,0.0%,0.0%,0.0%,1,1,72,72,100.0%,wh-hs-ch-02',
      '华山街道/翠湖社区（本级）,社区,1,0.0%,0.0%,,0,0,,,0.0%,wh-hs-ch',
      '合计,,3,33.3%,33.3%,50.0%,2,1,41,72,33.3%,',
    ]);
    const byLiaison = await get(`/api/v1/stats.csv?${PERIOD}&groupBy=liaison&zone=wh-hs-ch`);
    expect(byLiaison.body.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      '联络员,受理量,响应率,按期办结率,满意率,回访答复数,超期件数,平均办理时长（小时）,P90办理时长（小时）,重开率,编码',
    );
  });

  it('writes an XLSX with the same rows as the JSON, read back with ExcelJS', async () => {
    const json = await stats('parentCode=district');
    const res = await get(`/api/v1/stats.xlsx?${PERIOD}&parentCode=district`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核统计')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).join(',')).toBe(HEADER);
    expect(sheet.rowCount).toBe(json.rows.length + 2);
    json.rows.forEach((row, i) => {
      const [label, , received, response, resolution, satisfaction, , overdue, , , reopen, code] = values(i + 2);
      expect(label).toBe(row.own ? `${String(row.path)}（本级）` : row.path);
      expect(code).toBe(row.own ? 'district' : row.key);
      expect([received, response ?? null, resolution ?? null, satisfaction ?? null, overdue, reopen ?? null]).toEqual([
        row.received,
        row.responseRate,
        row.resolutionRate,
        row.satisfactionRate,
        row.overdue,
        row.reopenRate,
      ]);
    });
    expect(values(json.rows.length + 2).slice(0, 3)).toEqual(['合计', undefined, 6]);
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    expect(book.getWorksheet('说明')!.getCell('B1').text).toContain('2026-11-01');
  });

  it('is for supervisors and admins: a liaison is refused', async () => {
    expect((await get(`/api/v1/stats.xlsx?${PERIOD}`, adminHeaders)).statusCode).toBe(200);
    expect((await get(`/api/v1/stats.xlsx?${PERIOD}`, LIAISON)).statusCode).toBe(403);
    expect((await get(`/api/v1/stats/weekly?${PERIOD}`, LIAISON)).statusCode).toBe(403);
  });
});
