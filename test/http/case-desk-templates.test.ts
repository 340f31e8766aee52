/** Answer templates: admins manage them, staff read them, a case gets them filled in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk, type Desk } from './case-desk-helpers.js';

let desk: Desk;
const app = () => desk.sys.app!;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk.teardown());

describe('answer templates', () => {
  it('should seed the demo templates and let every staff role read them', async () => {
    for (const headers of [desk.headers.supervisor, desk.headers.dispatcher, desk.headers.liaison]) {
      const res = await app().inject({ method: 'GET', url: '/api/v1/answer-templates', headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((t: { shortcode: string }) => t.shortcode)).toEqual(expect.arrayContaining(['received', 'in_progress']));
    }
  });

  it('should render the templates of a case: its category first, then the general ones, placeholders filled', async () => {
    const caseNo = await desk.open('翠湖西路的路灯坏了一个星期了', { phone: '+8613944440001' });
    const [kase] = await desk.sys.sql<{ category_code: string }>('SELECT category_code FROM "case" WHERE case_no = $1', [caseNo]);
    const created = await app().inject({
      method: 'POST',
      url: '/api/v1/answer-templates',
      headers: desk.headers.admin,
      payload: { shortcode: 'cat_only', title: '本类专用', body: '【{category}】{caseNo} 由 {zone} 办理', categoryCode: kase!.category_code },
    });
    expect(created.statusCode).toBe(201);
    const res = await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}/answer-templates`, headers: desk.headers.liaison });
    expect(res.statusCode).toBe(200);
    const items: { shortcode: string; rendered: string }[] = res.json().items;
    expect(items[0]!.shortcode).toBe('cat_only');
    expect(items[0]!.rendered).toMatch(new RegExp(`^【\\S+】${caseNo} 由 翠湖社区第一居民小组 办理$`));
    const received = items.find((t) => t.shortcode === 'received')!;
    expect(received.rendered).toContain(caseNo);
    expect(received.rendered).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(received.rendered).not.toMatch(/\{\w+\}/);
    const other = await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}/answer-templates`, headers: desk.headers.otherLiaison });
    expect(other.statusCode).toBe(403);
  });

  it.each([
    ['an unknown placeholder', { shortcode: 'bad_1', title: 't', body: '期限 {deadlne}' }, 'body', 400],
    ['an unknown category', { shortcode: 'bad_2', title: 't', body: 'x', categoryCode: 'nope' }, 'categoryCode', 400],
    ['a taken shortcode', { shortcode: 'received', title: 't', body: 'x' }, 'shortcode', 409],
    ['a bad shortcode', { shortcode: 'Bad Code', title: 't', body: 'x' }, 'shortcode', 400],
  ])('should refuse %s, naming the field, storing nothing', async (_title, payload, field, status) => {
    const before = await desk.sys.sql('SELECT id FROM answer_template');
    const res = await app().inject({ method: 'POST', url: '/api/v1/answer-templates', headers: desk.headers.admin, payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().field).toBe(field);
    expect(await desk.sys.sql('SELECT id FROM answer_template')).toHaveLength(before.length);
  });

  it('should let only admins change templates, audited', async () => {
    const [t] = await desk.sys.sql<{ id: number }>(`SELECT id FROM answer_template WHERE shortcode = 'in_progress'`);
    const denied = await app().inject({
      method: 'PATCH',
      url: `/api/v1/answer-templates/${t!.id}`,
      headers: desk.headers.dispatcher,
      payload: { active: false },
    });
    expect(denied.statusCode).toBe(403);
    const res = await app().inject({ method: 'PATCH', url: `/api/v1/answer-templates/${t!.id}`, headers: desk.headers.admin, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(await desk.sys.sql(`SELECT 1 FROM audit_event WHERE action = 'answer_template.update' AND subject_id = 'in_progress'`)).toHaveLength(1);
    const del = await app().inject({ method: 'DELETE', url: `/api/v1/answer-templates/${t!.id}`, headers: desk.headers.admin });
    expect(del.statusCode).toBe(204);
  });
});
