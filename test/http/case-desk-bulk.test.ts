/** One act on many cases: each case on its own, within the caller's scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk, type Desk } from './case-desk-helpers.js';

let desk: Desk;
const app = () => desk.sys.app!;
const bulk = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  app().inject({ method: 'POST', url: '/api/v1/cases/bulk', headers, payload });

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk.teardown());

describe('POST /api/v1/cases/bulk', () => {
  it('should tag the cases in scope and refuse, per case, those outside it', async () => {
    const mine = await desk.open('翠湖西路的路灯坏了', { phone: '+8613955550001' });
    const theirs = await desk.open('文庙直街的路灯坏了', { phone: '+8613955550002', zoneCode: 'wh-hg-hg-01' });
    const res = await bulk(desk.headers.liaison, { caseNos: [mine, theirs, '2601010000'], action: 'tag', tag: '夜间照明' });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { caseNo: mine, ok: true },
      { caseNo: theirs, ok: false, error: '案件不在您的责任区 / not in your zones' },
      { caseNo: '2601010000', ok: false, error: 'no case 2601010000' },
    ]);
    const tags = await desk.sys.sql<{ case_no: string; tags: string[] }>('SELECT case_no, tags FROM "case" WHERE case_no = ANY($1) ORDER BY case_no', [
      [mine, theirs],
    ]);
    expect(Object.fromEntries(tags.map((t) => [t.case_no, t.tags.includes('夜间照明')]))).toEqual({ [mine]: true, [theirs]: false });
    expect(await desk.sys.sql(`SELECT 1 FROM audit_event WHERE action = 'case.refused' AND subject_id = $1`, [theirs])).toHaveLength(1);
  });

  it('should assign and change the status of several cases', async () => {
    const a = await desk.open('翠湖西路的井盖坏了', { phone: '+8613955550003' });
    const b = await desk.open('翠湖西路的路面积水', { phone: '+8613955550004' });
    const assigned = await bulk(desk.headers.dispatcher, { caseNos: [a, b], action: 'assign', zone: 'wh-hs-yt', note: '统一交由圆通社区' });
    expect(assigned.json().results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const zones = await desk.sys.sql<{ code: string }>('SELECT z.code FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.case_no = ANY($1)', [[a, b]]);
    expect(zones.map((z) => z.code)).toEqual(['wh-hs-yt', 'wh-hs-yt']);
    const status = await bulk(desk.headers.dispatcher, { caseNos: [a, b], action: 'status', status: 'in_progress', note: '已派人' });
    expect(status.json().results).toEqual([
      { caseNo: a, ok: true },
      { caseNo: b, ok: true },
    ]);
  });

  it.each([
    ['assign without a target', { action: 'assign' }, 'zone'],
    ['status without a note', { action: 'status', status: 'in_progress' }, 'note'],
    ['tag without a tag', { action: 'tag' }, 'tag'],
    ['too many cases', { action: 'tag', tag: 'x', caseNos: Array.from({ length: 101 }, (_, i) => String(2601010000 + i)) }, 'caseNos'],
  ])('should refuse %s, naming the field, changing nothing', async (_title, payload, field) => {
    const caseNo = await desk.open('翠湖西路的路灯不亮', { phone: '+8613955550005' });
    const events = await desk.sys.sql('SELECT id FROM case_event');
    const res = await bulk(desk.headers.dispatcher, { caseNos: [caseNo], ...payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(await desk.sys.sql('SELECT id FROM case_event')).toHaveLength(events.length);
  });

  it('should refuse a supervisor', async () => {
    expect((await bulk(desk.headers.supervisor, { caseNos: ['2601010000'], action: 'tag', tag: 'x' })).statusCode).toBe(403);
  });
});
