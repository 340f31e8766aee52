import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const SUPERVISOR = { authorization: 'Bearer kb-supervisor-token-0123456789' };
const app = () => sys.app!;

const newEntry = {
  slug: 'parking-permit-seniors',
  questions: ['老年人停车证怎么申请', '老人停车优惠证在哪里办'],
  answerZh: '请带身份证到街道便民服务中心申请。',
  answerEn: 'Apply at the sub-district service centre with your ID card.',
  categoryCode: 'consultation',
  zoneCodes: ['wh-hs'],
  validUntil: '2027-06-30',
};

beforeAll(async () => {
  sys = await startTestSystem({ role: 'http' });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('a supervisor', 'supervisor', $1)`, [hashApiKey('kb-supervisor-token-0123456789')]);
});
afterAll(() => sys.teardown());

describe('knowledge base API', () => {
  let id: number;

  it('should let an admin add an answer, with the staff user as its author, and audit it', async () => {
    const res = await app().inject({ method: 'POST', url: '/api/v1/knowledge', headers: adminHeaders, payload: newEntry });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ ...newEntry, active: true });
    expect(body.author).toBeTruthy();
    id = body.id;
    const audits = await sys.sql<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_event WHERE subject_type = 'knowledge_entry' AND subject_id = $1`,
      [String(id)],
    );
    expect(audits).toEqual([{ action: 'knowledge.create', actor: expect.stringMatching(/^user:/) }]);
  });

  it('should list the seeded demo answers and the new one to a supervisor, and read one', async () => {
    const list = await app().inject({ method: 'GET', url: '/api/v1/knowledge', headers: SUPERVISOR });
    expect(list.statusCode).toBe(200);
    const slugs = list.json().items.map((e: { slug: string }) => e.slug);
    expect(slugs).toContain('parking-permit-seniors');
    expect(slugs).toContain('dog-registration');
    expect(slugs.length).toBeGreaterThanOrEqual(46);
    const one = await app().inject({ method: 'GET', url: `/api/v1/knowledge/${id}`, headers: SUPERVISOR });
    expect(one.json()).toMatchObject({ slug: 'parking-permit-seniors', zoneCodes: ['wh-hs'], validUntil: '2027-06-30' });
    expect((await app().inject({ method: 'GET', url: '/api/v1/knowledge/999999', headers: SUPERVISOR })).statusCode).toBe(404);
  });

  it('should change an answer, clear its last valid day, and audit it', async () => {
    const res = await app().inject({
      method: 'PATCH',
      url: `/api/v1/knowledge/${id}`,
      headers: adminHeaders,
      payload: { answerZh: '请带身份证和户口簿到街道便民服务中心申请。', validUntil: null, zoneCodes: [] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      answerZh: '请带身份证和户口簿到街道便民服务中心申请。',
      validUntil: null,
      zoneCodes: [],
      questions: newEntry.questions,
    });
    const [row] = await sys.sql<{ answer_zh: string; valid_until: Date | null }>('SELECT answer_zh, valid_until FROM knowledge_entry WHERE id = $1', [id]);
    expect(row).toMatchObject({ answer_zh: '请带身份证和户口簿到街道便民服务中心申请。', valid_until: null });
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'knowledge.update' AND subject_id = $1`, [String(id)])).toHaveLength(1);
  });

  it('should retire an answer on DELETE: kept, inactive, left out of the active list', async () => {
    const res = await app().inject({ method: 'DELETE', url: `/api/v1/knowledge/${id}`, headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, active: false });
    expect(await sys.sql('SELECT active FROM knowledge_entry WHERE id = $1', [id])).toEqual([{ active: false }]);
    const active = await app().inject({ method: 'GET', url: '/api/v1/knowledge?active=true', headers: SUPERVISOR });
    expect(active.json().items.map((e: { id: number }) => e.id)).not.toContain(id);
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'knowledge.retire' AND subject_id = $1`, [String(id)])).toHaveLength(1);
  });

  it.each([
    ['slug', { ...newEntry, slug: 'Not A Slug' }],
    ['questions', { ...newEntry, slug: 'x-empty-questions', questions: [] }],
    ['answerEn', { ...newEntry, slug: 'x-no-english', answerEn: undefined }],
    ['validUntil', { ...newEntry, slug: 'x-bad-date', validUntil: '31/12/2027' }],
    ['zoneCodes', { ...newEntry, slug: 'x-bad-zone', zoneCodes: ['wh-nowhere'] }],
    ['categoryCode', { ...newEntry, slug: 'x-bad-category', categoryCode: 'astrology' }],
  ])('should refuse a bad %s with a 4xx naming it, and store nothing', async (field, payload) => {
    const before = await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM knowledge_entry');
    const res = await app().inject({ method: 'POST', url: '/api/v1/knowledge', headers: adminHeaders, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toMatch(new RegExp(`^${field}`));
    expect(await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM knowledge_entry')).toEqual(before);
  });

  it('should answer 409 to a slug taken already', async () => {
    const res = await app().inject({ method: 'POST', url: '/api/v1/knowledge', headers: adminHeaders, payload: { ...newEntry, slug: 'dog-registration' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().field).toBe('slug');
  });

  it('should keep writing to admins: a supervisor gets 403, nobody else gets in', async () => {
    expect(
      (await app().inject({ method: 'POST', url: '/api/v1/knowledge', headers: SUPERVISOR, payload: { ...newEntry, slug: 'by-supervisor' } })).statusCode,
    ).toBe(403);
    expect((await app().inject({ method: 'PATCH', url: `/api/v1/knowledge/${id}`, headers: SUPERVISOR, payload: { active: true } })).statusCode).toBe(403);
    expect((await app().inject({ method: 'DELETE', url: `/api/v1/knowledge/${id}`, headers: SUPERVISOR })).statusCode).toBe(403);
    expect((await app().inject({ method: 'GET', url: '/api/v1/knowledge' })).statusCode).toBe(401);
    expect(await sys.sql(`SELECT 1 FROM knowledge_entry WHERE slug = 'by-supervisor'`)).toHaveLength(0);
  });

  it('should show in the simulator the answer a consultation would get, and none for a complaint', async () => {
    const ask = await app().inject({
      method: 'POST',
      url: '/api/v1/router/simulate',
      headers: SUPERVISOR,
      payload: { text: '请问在城区养狗要办犬证吗，在哪里办' },
    });
    expect(ask.statusCode).toBe(200);
    expect(ask.json()).toMatchObject({ kind: 'consultation', knowledge: { slug: 'dog-registration', answered: true, minScore: 0.5 } });
    expect(ask.json().knowledge.score).toBeGreaterThan(0.5);
    expect(ask.json().knowledge.answer).toContain('犬');
    const complaint = await app().inject({
      method: 'POST',
      url: '/api/v1/router/simulate',
      headers: SUPERVISOR,
      payload: { text: '我要投诉楼上邻居养狗不办犬证，天天半夜狗叫扰民，物业也不管' },
    });
    expect(complaint.json().kind).not.toBe('consultation');
    expect(complaint.json().knowledge).toBeNull();
  });
});
