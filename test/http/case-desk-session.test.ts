/**
 * The case desk as the console calls it: a person signed in with the session cookie,
 * sending the CSRF token on every change. A liaison's scope is the same as with a key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { adminHeaders } from '../helpers/system.js';
import { footprint, startDesk, type Desk } from './case-desk-helpers.js';

let desk: Desk;
let session: { cookie: string; csrf: string };
let mine: string;
let theirs: string;

const call = (o: InjectOptions) => desk.sys.app!.inject(o);

beforeAll(async () => {
  desk = await startDesk();
  const [liaison] = await desk.sys.sql<{ id: number }>(`SELECT id FROM liaison WHERE phone = '+8613800000110' ORDER BY id LIMIT 1`);
  const created = await call({
    method: 'POST',
    url: '/api/v1/users',
    headers: adminHeaders,
    payload: { login: 'yang.lifen', name: '杨丽芬', role: 'liaison', password: 'cuihu-liaison-2026', liaisonId: liaison!.id },
  });
  expect(created.statusCode).toBe(201);
  const login = await call({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'yang.lifen', password: 'cuihu-liaison-2026' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  session = { cookie, csrf: login.json().csrfToken };
  mine = await desk.open('翠湖西路5号门口的井盖丢了', { zoneCode: 'wh-hs-ch-01' });
  theirs = await desk.open('文庙直街的路灯不亮', { zoneCode: 'wh-hg-hg-01' });
}, 120_000);
afterAll(() => desk.teardown());

describe('a liaison signed in to the console', () => {
  it('should list only the cases of their zones', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/cases?view=all', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    const numbers = res.json().items.map((c: { caseNo: string }) => c.caseNo);
    expect(numbers).toContain(mine);
    expect(numbers).not.toContain(theirs);
  });

  it('should answer a resident of their zone with the CSRF token, and be refused without it', async () => {
    const without = await call({ method: 'POST', url: `/api/v1/cases/${mine}/replies`, headers: { cookie: session.cookie }, payload: { text: '已安排维修' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error).toBe('csrf');
    const before = await footprint(desk.sys, mine);
    const res = await call({
      method: 'POST',
      url: `/api/v1/cases/${mine}/replies`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { text: '已安排维修，明天上午到场。' },
    });
    expect(res.statusCode).toBe(200);
    const after = await footprint(desk.sys, mine);
    expect(after.outbox).toBe(before.outbox + 1);
    const [event] = await desk.sys.sql<{ actor: string }>(
      `SELECT e.actor FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.case_no = $1 AND e.type = 'replied'`,
      [mine],
    );
    const [user] = await desk.sys.sql<{ id: number }>(`SELECT id FROM app_user WHERE login = 'yang.lifen'`);
    expect(event!.actor).toBe(`user:${user!.id}`);
  });

  it("should be refused another zone's case, with the reason, and the refusal audited", async () => {
    const before = await footprint(desk.sys, theirs);
    const res = await call({
      method: 'POST',
      url: `/api/v1/cases/${theirs}/notes`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { text: '看一眼' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('not in your zones');
    expect(await footprint(desk.sys, theirs)).toEqual(before);
    const read = await call({ method: 'GET', url: `/api/v1/cases/${theirs}`, headers: { cookie: session.cookie } });
    expect(read.statusCode).toBe(403);
    const audits = await desk.sys.sql<{ action: string }>(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id`, [theirs]);
    expect(audits.map((a) => a.action).some((a) => a.includes('denied') || a.includes('refused') || a.includes('forbidden'))).toBe(true);
  });
});
