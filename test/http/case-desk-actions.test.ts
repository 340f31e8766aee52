/** The console's other acts on a case: resolve, transfer, escalate, joint meeting, deadline, status, category. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint, startDesk, type Desk } from './case-desk-helpers.js';

let desk: Desk;
const app = () => desk.sys.app!;
const post = (caseNo: string, action: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
  app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/${action}`, headers, payload });
const caseRow = async (caseNo: string) =>
  (
    await desk.sys.sql<{ id: number; status: string; zone: string; liaison_id: number | null; deadline_at: Date; joint_meeting: boolean }>(
      `SELECT c.id, c.status, z.code AS zone, c.liaison_id, c.deadline_at, c.joint_meeting FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.case_no = $1`,
      [caseNo],
    )
  )[0]!;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk.teardown());

describe('resolve', () => {
  it('should close the case, send the result and plan the return visit', async () => {
    const caseNo = await desk.open('翠湖西路的路灯坏了', { phone: '+8613933330001' });
    const res = await post(caseNo, 'resolve', desk.headers.liaison, { summary: '路灯已修复。' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', delivery: { status: 'queued', channel: 'sms' } });
    const { id } = await caseRow(caseNo);
    expect(await desk.sys.sql(`SELECT 1 FROM outbox WHERE case_id = $1 AND kind = 'resolution'`, [id])).toHaveLength(1);
    expect(await desk.sys.sql(`SELECT 1 FROM case_timer WHERE case_id = $1 AND kind = 'return_visit'`, [id])).toHaveLength(1);
    const again = await post(caseNo, 'resolve', desk.headers.liaison, { summary: '再次' });
    expect(again.statusCode).toBe(409);
  });
});

describe('transfer', () => {
  it('should hand the case to another zone and tell its liaison', async () => {
    const caseNo = await desk.open('翠湖西路的垃圾桶坏了', { phone: '+8613933330002' });
    const res = await post(caseNo, 'transfer', desk.headers.dispatcher, { zone: 'wh-hs-yt-01', reason: '地址在北门街' });
    expect(res.statusCode).toBe(200);
    expect(res.json().zone).toMatchObject({ code: 'wh-hs-yt-01' });
    expect((await caseRow(caseNo)).zone).toBe('wh-hs-yt-01');
    const events = await desk.sys.sql(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'transferred'`, [(await caseRow(caseNo)).id]);
    expect(events).toHaveLength(1);
  });

  it("should hand the case to a liaison's zone", async () => {
    const caseNo = await desk.open('翠湖西路的树枝挡路', { phone: '+8613933330003' });
    const [target] = await desk.sys.sql<{ id: number }>(`SELECT id FROM liaison WHERE phone = '+8613800000120'`);
    const res = await post(caseNo, 'transfer', desk.headers.admin, { liaisonId: target!.id, reason: '请接办' });
    expect(res.statusCode).toBe(200);
    expect((await caseRow(caseNo)).zone).toBe('wh-hs-yt');
  });

  it.each([
    ['both zone and liaisonId', { zone: 'wh-hs-yt', liaisonId: 1, reason: 'x' }, 'zone', 400],
    ['neither', { reason: 'x' }, 'zone', 400],
    ['an unknown zone', { zone: 'nowhere', reason: 'x' }, 'zone', 400],
    ['no reason', { zone: 'wh-hs-yt' }, 'reason', 400],
    ['the same zone', { zone: 'wh-hs-ch-01', reason: 'x' }, 'zone', 409],
  ])('should refuse %s, naming the field, changing nothing', async (_title, payload, field, status) => {
    const caseNo = await desk.open('翠湖西路的路牌倒了', { phone: '+8613933330004' });
    const before = await footprint(desk.sys, caseNo);
    const res = await post(caseNo, 'transfer', desk.headers.dispatcher, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().field).toBe(field);
    expect(await footprint(desk.sys, caseNo)).toEqual(before);
  });
});

describe('escalate and joint meeting', () => {
  it('should move the case one level up', async () => {
    const caseNo = await desk.open('翠湖西路的路面破损', { phone: '+8613933330005' });
    const res = await post(caseNo, 'escalate', desk.headers.liaison, { reason: '需要社区协调' });
    expect(res.statusCode).toBe(200);
    expect((await caseRow(caseNo)).zone).toBe('wh-hs-ch');
  });

  it('should send the case to the joint meeting, staying in its zone', async () => {
    const caseNo = await desk.open('翠湖西路的占道经营', { phone: '+8613933330006' });
    const res = await post(caseNo, 'joint-meeting', desk.headers.dispatcher, { reason: '需多部门' });
    expect(res.statusCode).toBe(200);
    expect(await caseRow(caseNo)).toMatchObject({ zone: 'wh-hs-ch-01', joint_meeting: true });
  });
});

describe('deadline', () => {
  it('should move the deadline and its timers, and record deadline_changed', async () => {
    const caseNo = await desk.open('翠湖西路的绿化带被毁', { phone: '+8613933330007' });
    const deadlineAt = new Date(Date.now() + 10 * 86_400_000);
    const res = await post(caseNo, 'deadline', desk.headers.dispatcher, { deadlineAt: deadlineAt.toISOString(), reason: '与居民商定延期' });
    expect(res.statusCode).toBe(200);
    const kase = await caseRow(caseNo);
    expect(kase.deadline_at.getTime()).toBe(deadlineAt.getTime());
    const timers = await desk.sys.sql<{ due_at: Date }>(
      `SELECT due_at FROM case_timer WHERE case_id = $1 AND kind = 'deadline' AND cancelled_at IS NULL AND fired_at IS NULL`,
      [kase.id],
    );
    expect(timers.map((t) => t.due_at.getTime())).toEqual([deadlineAt.getTime()]);
    const [event] = await desk.sys.sql<{ detail: { reason: string } }>(`SELECT detail FROM case_event WHERE case_id = $1 AND type = 'deadline_changed'`, [
      kase.id,
    ]);
    expect(event!.detail.reason).toBe('与居民商定延期');
    const detail = (await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: desk.headers.dispatcher })).json();
    expect(detail.deadlineHistory.map((h: { type: string }) => h.type)).toContain('deadline_changed');
  });

  it('should refuse a past deadline and a liaison, changing nothing', async () => {
    const caseNo = await desk.open('翠湖西路的消防通道被堵', { phone: '+8613933330008' });
    const before = await footprint(desk.sys, caseNo);
    const past = await post(caseNo, 'deadline', desk.headers.dispatcher, { deadlineAt: '2020-01-01T00:00:00Z', reason: 'x' });
    expect(past.statusCode).toBe(400);
    expect(past.json().field).toBe('deadlineAt');
    const liaison = await post(caseNo, 'deadline', desk.headers.liaison, { deadlineAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'x' });
    expect(liaison.statusCode).toBe(403);
    expect(await footprint(desk.sys, caseNo)).toEqual(before);
  });
});

describe('status and category', () => {
  it('should let a liaison in scope change the status, and refuse one out of scope', async () => {
    const caseNo = await desk.open('翠湖西路的路灯闪烁', { phone: '+8613933330009' });
    expect((await post(caseNo, 'status', desk.headers.otherLiaison, { status: 'in_progress', note: '处理中' })).statusCode).toBe(403);
    const res = await post(caseNo, 'status', desk.headers.liaison, { status: 'in_progress', note: '处理中' });
    expect(res.statusCode).toBe(200);
    expect((await caseRow(caseNo)).status).toBe('in_progress');
  });

  it('should let a dispatcher correct the category, but not a liaison', async () => {
    const caseNo = await desk.open('翠湖西路的房子漏雨', { phone: '+8613933330010' });
    expect((await post(caseNo, 'category', desk.headers.liaison, { category: 'housing' })).statusCode).toBe(403);
    const res = await post(caseNo, 'category', desk.headers.dispatcher, { category: 'housing' });
    expect(res.statusCode).toBe(200);
  });

  it('should refuse a supervisor writing', async () => {
    const caseNo = await desk.open('翠湖西路的路灯不亮', { phone: '+8613933330011' });
    expect((await post(caseNo, 'status', desk.headers.supervisor, { status: 'in_progress', note: 'x' })).statusCode).toBe(403);
  });
});
