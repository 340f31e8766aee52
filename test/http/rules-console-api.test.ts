/**
 * What the console's rules screen relies on: reordering in one call, the
 * versions of a rule with what changed, restoring an older one, and the
 * impact preview of a draft over the cases already opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const app = () => sys.app!;
const SUPERVISOR = { authorization: 'Bearer rules-console-supervisor-0123' };

beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('督查员', 'supervisor', $1)`, [hashApiKey('rules-console-supervisor-0123')]);
});
afterAll(() => sys.teardown());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = adminHeaders) =>
  app().inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function createRule(name: string, keyword: string, priority = 100) {
  const res = await call('POST', '/api/v1/rules', { name, priority, conditions: { keywords: [keyword] }, action: { tags: [name] } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: number }>().id;
}

async function removeAllRules() {
  for (const { id } of (await call('GET', '/api/v1/rules')).json<{ items: { id: number }[] }>().items) {
    expect((await call('DELETE', `/api/v1/rules/${id}`)).statusCode).toBe(204);
  }
}

/** A resident's message through the web form; its case number once it is a case. */
async function caseFor(text: string): Promise<string> {
  const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text } });
  expect(res.statusCode).toBe(202);
  const { caseNo } = res.json<{ caseNo: string }>();
  await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1, 15_000);
  return caseNo;
}

describe('reordering the rules', () => {
  it('should set every priority in the order given, a new version for each rule that moved, audited', async () => {
    const [a, b, c] = [await createRule('甲', '甲字'), await createRule('乙', '乙字'), await createRule('丙', '丙字')];
    const res = await call('POST', '/api/v1/rules/order', { ids: [c, a, b] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((r: { id: number; priority: number }) => [r.id, r.priority])).toEqual([
      [c, 10],
      [a, 20],
      [b, 30],
    ]);
    const listed = (await call('GET', '/api/v1/rules', undefined, SUPERVISOR)).json().items.map((r: { id: number; version: number }) => [r.id, r.version]);
    expect(listed).toEqual([
      [c, 2],
      [a, 2],
      [b, 2],
    ]);
    const audited = await sys.sql<{ subject_id: string }>(`SELECT subject_id FROM audit_event WHERE action = 'rule.order' ORDER BY subject_id`);
    expect(audited.map((r) => Number(r.subject_id)).sort()).toEqual([a, b, c].sort());

    // The same order again moves nothing, so it makes no versions.
    await call('POST', '/api/v1/rules/order', { ids: [c, a, b] });
    expect((await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'rule.order'`)).length).toBe(3);
  });

  it('should refuse a list that leaves a rule out or names one twice, changing nothing; and supervisors', async () => {
    const before = (await call('GET', '/api/v1/rules')).json().items as { id: number; priority: number }[];
    for (const ids of [before.slice(1).map((r) => r.id), [...before.map((r) => r.id), before[0]!.id], [...before.map((r) => r.id), 99999]]) {
      const res = await call('POST', '/api/v1/rules/order', { ids });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('ids');
    }
    expect((await call('POST', '/api/v1/rules/order', { ids: before.map((r) => r.id).reverse() }, SUPERVISOR)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/rules')).json().items).toEqual(before);
    await removeAllRules();
  });
});

describe('versions and restore', () => {
  it('should list versions newest first with who and what changed, and restore an older one as a new version', async () => {
    const id = await createRule('井盖', '井盖');
    const put = await call('PUT', `/api/v1/rules/${id}`, {
      name: '井盖和路灯',
      priority: 100,
      conditions: { keywords: ['井盖', '路灯'], channels: ['web'] },
      action: { tags: ['井盖'], zoneCode: 'wh-dg' },
    });
    expect(put.statusCode).toBe(200);

    const versions = (await call('GET', `/api/v1/rules/${id}/versions`, undefined, SUPERVISOR)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].actorName).toMatch(/^admin/);
    expect(versions[0].changes).toEqual([
      { field: 'name', before: '井盖', after: '井盖和路灯' },
      { field: 'conditions.channels', before: null, after: ['web'] },
      { field: 'conditions.keywords', before: ['井盖'], after: ['井盖', '路灯'] },
      { field: 'action.zoneCode', before: null, after: 'wh-dg' },
    ]);
    expect(versions[1].changes).toEqual([]);

    const restored = await call('POST', `/api/v1/rules/${id}/versions/1/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ version: 3, name: '井盖', conditions: { keywords: ['井盖'] }, action: { tags: ['井盖'] } });
    expect(restored.json().action.zoneCode).toBeUndefined();
    const [audit] = await sys.sql<{ detail: unknown }>(`SELECT detail FROM audit_event WHERE action = 'rule.restore' AND subject_id = $1`, [String(id)]);
    expect(audit!.detail).toEqual({ version: 3, fromVersion: 1 });
    const latest = (await call('GET', `/api/v1/rules/${id}/versions`)).json().items[0];
    expect(latest.changes.map((c: { field: string }) => c.field)).toEqual(['name', 'conditions.channels', 'conditions.keywords', 'action.zoneCode']);
  });

  it("should bring a deleted rule back from its history, and refuse a restore only admins may make or of a version that isn't there", async () => {
    const [{ id }] = (await call('GET', '/api/v1/rules')).json().items;
    expect((await call('POST', `/api/v1/rules/${id}/versions/2/restore`, undefined, SUPERVISOR)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/rules/${id}`)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/rules/deleted')).json().items.map((r: { id: number }) => r.id)).toContain(id);
    expect((await call('POST', `/api/v1/rules/${id}/versions/4/restore`)).json().field).toBe('version'); // the deletion itself
    expect((await call('POST', `/api/v1/rules/${id}/versions/9/restore`)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/rules/99999/versions')).statusCode).toBe(404);

    const back = await call('POST', `/api/v1/rules/${id}/versions/2/restore`);
    expect(back.json()).toMatchObject({ id, version: 5, name: '井盖和路灯' });
    expect((await call('GET', '/api/v1/rules')).json().items.map((r: { id: number }) => r.id)).toEqual([id]);
    await removeAllRules();
  });
});

describe('the impact preview', () => {
  const withKeyword = ['小区门口的井盖丢了', '路口井盖松了，车过去哐哐响', '小区的井盖盖子换成塑料的了'];
  const without = ['楼下的路灯坏了', '垃圾桶满了好几天没人清运'];
  let keywordCases: string[];

  beforeAll(async () => {
    await removeAllRules();
    keywordCases = [];
    for (const text of withKeyword) keywordCases.push(await caseFor(text));
    for (const text of without) await caseFor(text);
  });

  const draft = { name: '井盖归大观街道', conditions: { keywords: ['井盖'] }, action: { zoneCode: 'wh-dg' } };

  it('should change exactly the cases with the keyword, with examples before and after, and change nothing', async () => {
    const total = (await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM "case"'))[0]!.n;
    const versions = await sys.sql('SELECT * FROM routing_rule_version');
    const res = await call('POST', '/api/v1/rules/preview', { rule: draft, days: 30 }, SUPERVISOR);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ days: 30, total, considered: total, sampled: false, timedOut: false, matched: 3 });
    expect(preview.aspects.zone.count).toBe(3);
    expect(preview.aspects.zone.examples.map((e: { caseNo: string }) => e.caseNo).sort()).toEqual([...keywordCases].sort());
    expect(preview.aspects.zone.examples[0].after).toBe('大观街道');
    expect(preview.aspects.category.count).toBe(0);
    expect(preview.aspects.tags.count).toBe(0);
    expect(preview.aspects.answer.count).toBe(0);
    expect(await sys.sql('SELECT * FROM routing_rule_version')).toEqual(versions);
  });

  it('should replay a whole edited list against the rules in force', async () => {
    const id = (await call('POST', '/api/v1/rules', draft)).json().id as number;
    // The list without that rule, and one more that tags the other cases: the keyword's cases go back, two get a tag.
    const rules = [{ name: '路灯', conditions: { keywords: ['路灯', '垃圾'] }, action: { tags: ['市政'] } }];
    await eventually(async () => (await call('POST', '/api/v1/rules/preview', { rules })).json().aspects.zone.count === 3);
    const preview = (await call('POST', '/api/v1/rules/preview', { rules })).json();
    expect(preview.aspects.tags).toMatchObject({ count: 2 });
    expect(preview.aspects.tags.examples[0]).toMatchObject({ before: null, after: '市政' });
    expect(preview.aspects.zone.examples.every((e: { before: string }) => e.before === '大观街道')).toBe(true);
    // The same rule, edited through `rule` with its id, to answer on the spot: three answers change.
    const answering = await call('POST', '/api/v1/rules/preview', { rule: { ...draft, id, action: { zoneCode: 'wh-dg', answer: '已转市政处理' } } });
    expect(answering.json().aspects).toMatchObject({ zone: { count: 0 }, answer: { count: 3 } });
    await removeAllRules();
  });

  it('should say when it replayed fewer cases than the period holds', async () => {
    const total = (await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM "case"'))[0]!.n;
    const preview = (await call('POST', '/api/v1/rules/preview', { rule: draft, maxCases: 2, examples: 1 })).json();
    expect(preview).toMatchObject({ total, considered: 2, sampled: true, timedOut: false });
    expect(preview.aspects.zone.examples.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['a pattern that is no regular expression', { rule: { ...draft, conditions: { pattern: '(unclosed' } } }, 'rule.conditions.pattern'],
    ['a pattern that backtracks catastrophically', { rule: { ...draft, conditions: { pattern: '(a+)+$' } } }, 'rule.conditions.pattern'],
    ['a zone that does not exist', { rule: { ...draft, action: { zoneCode: 'nowhere' } } }, 'rule.action.zoneCode'],
    ['a rule that does nothing', { rule: { ...draft, action: {} } }, 'rule.action'],
    ['a second rule of a list that can never match', { rules: [draft, { ...draft, conditions: { channels: ['fax'] } }] }, 'rules.1.conditions.channels'],
    ['neither rule nor rules', { days: 30 }, 'rule'],
    ['a period over a year', { rule: draft, days: 400 }, 'days'],
  ])('should refuse %s, naming the field', async (_title, body, field) => {
    const res = await call('POST', '/api/v1/rules/preview', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });
});
