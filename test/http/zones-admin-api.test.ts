/**
 * What the console's zones and liaisons screens rely on: moving a zone (never
 * under itself or its own descendant, the level still one below the parent's),
 * retiring one (refused while it has active children or open cases), editing
 * a liaison and assigning them, and the bind code's QR code and deep link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const app = () => sys.app!;

const patchZone = (code: string, payload: Record<string, unknown>) =>
  app().inject({ method: 'PATCH', url: `/api/v1/zones/${code}`, headers: adminHeaders, payload });
const parentOf = async (code: string) =>
  (await sys.sql<{ parent: string | null }>('SELECT p.code AS parent FROM zone z LEFT JOIN zone p ON p.id = z.parent_id WHERE z.code = $1', [code]))[0]!.parent;

beforeAll(async () => {
  sys = await startTestSystem({ env: { TELEGRAM_BOT_USERNAME: 'minqing_demo_bot' } });
  await seedDemoDistrict(sys.db.pool);
});
afterAll(() => sys.teardown());

describe('moving a zone', () => {
  it('should move a group to another community, with its new parent in the list', async () => {
    const res = await patchZone('wh-hs-wl-02', { parentCode: 'wh-hs-yt' });
    expect(res.statusCode).toBe(200);
    expect(res.json().parentCode).toBe('wh-hs-yt');
    expect(await parentOf('wh-hs-wl-02')).toBe('wh-hs-yt');
  });

  it.each([
    ['itself', 'wh-hs-ch', /itself/],
    ['its own group', 'wh-hs-ch-01', /descendant/],
  ])('should refuse to move a community under %s, naming parentCode, and change nothing', async (_title, target, reason) => {
    const res = await patchZone('wh-hs-ch', { parentCode: target, name: '改名不应生效' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'parentCode', message: expect.stringMatching(reason) });
    expect(await parentOf('wh-hs-ch')).toBe('wh-hs');
    expect((await sys.sql<{ name: string }>(`SELECT name FROM zone WHERE code = 'wh-hs-ch'`))[0]!.name).toBe('翠湖社区');
  });

  it('should refuse a parent whose level does not fit (a group under a street)', async () => {
    const res = await patchZone('wh-hs-ch-02', { parentCode: 'wh-hg' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'parentCode', message: expect.stringContaining('must sit under a community') });
    expect(await parentOf('wh-hs-ch-02')).toBe('wh-hs-ch');
  });
});

describe('retiring a zone', () => {
  it('should refuse to retire a community with active groups, naming them', async () => {
    const res = await patchZone('wh-hg-jx', { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ field: 'active', message: expect.stringContaining('wh-hg-jx-01') });
    expect((await sys.sql<{ active: boolean }>(`SELECT active FROM zone WHERE code = 'wh-hg-jx'`))[0]!.active).toBe(true);
  });

  it('should refuse to retire a group with an open case, and retire it once no case is open', async () => {
    const submitted = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '长春小区的路灯坏了', zoneCode: 'wh-hg-jx-02' } });
    expect(submitted.statusCode).toBe(202);
    const { caseNo } = submitted.json();
    await eventually(async () => (await sys.sql(`SELECT 1 FROM "case" WHERE case_no = $1`, [caseNo])).length === 1);

    const refused = await patchZone('wh-hg-jx-02', { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ field: 'active', message: expect.stringContaining('1 open case') });

    await sys.sql(`UPDATE "case" SET status = 'closed' WHERE case_no = $1`, [caseNo]);
    const retired = await patchZone('wh-hg-jx-02', { active: false });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().active).toBe(false);
    const [entry] = await sys.sql<{ detail: { active: boolean } }>(
      `SELECT detail FROM audit_event WHERE action = 'zone.update' AND subject_id = 'wh-hg-jx-02' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry!.detail.active).toBe(false);
  });
});

describe('liaisons', () => {
  async function newLiaison(name: string, phone: string): Promise<number> {
    const res = await app().inject({ method: 'POST', url: '/api/v1/liaisons', headers: adminHeaders, payload: { name, phone } });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }
  const listed = async (id: number) =>
    (await app().inject({ method: 'GET', url: '/api/v1/liaisons', headers: adminHeaders })).json().items.find((l: { id: number }) => l.id === id);

  it('should edit a liaison (name, phones, email, active) and show it masked in the list, audited', async () => {
    const id = await newLiaison('杨小红', '13800007101');
    const res = await app().inject({
      method: 'PATCH',
      url: `/api/v1/liaisons/${id}`,
      headers: adminHeaders,
      payload: { name: '杨晓红', phone: '13800007102', workPhone: '+86 871 6360 0001', email: 'yangxh@demo.invalid', active: false },
    });
    expect(res.statusCode).toBe(204);
    expect(await listed(id)).toMatchObject({
      name: '杨晓红',
      phone: expect.stringMatching(/\*/),
      workPhone: '+8687163600001',
      email: 'yangxh@demo.invalid',
      active: false,
    });
    const [row] = await sys.sql<{ phone: string }>('SELECT phone FROM liaison WHERE id = $1', [id]);
    expect(row!.phone).toBe('+8613800007102');
    const [entry] = await sys.sql<{ detail: { fields: string[] } }>(`SELECT detail FROM audit_event WHERE action = 'liaison.update' AND subject_id = $1`, [
      String(id),
    ]);
    expect(entry!.detail.fields).toEqual(['name', 'phone', 'workPhone', 'email', 'active']);
    expect(JSON.stringify(entry!.detail)).not.toContain('13800007102');

    const cleared = await app().inject({ method: 'PATCH', url: `/api/v1/liaisons/${id}`, headers: adminHeaders, payload: { workPhone: null, email: null } });
    expect(cleared.statusCode).toBe(204);
    expect(await listed(id)).toMatchObject({ workPhone: null, email: null });
  });

  it.each([
    ['phone', { phone: 'call me' }],
    ['email', { email: 'not-mail' }],
    ['name', { name: '' }],
  ])('should refuse a bad %s, naming it, and change nothing', async (field, payload) => {
    const id = await newLiaison('冯小燕', '13800007103');
    const res = await app().inject({ method: 'PATCH', url: `/api/v1/liaisons/${id}`, headers: adminHeaders, payload: { ...payload } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(await listed(id)).toMatchObject({ name: '冯小燕', email: null });
  });

  it('should answer 404 for an unknown liaison', async () => {
    const res = await app().inject({ method: 'PATCH', url: '/api/v1/liaisons/999999', headers: adminHeaders, payload: { name: '谁' } });
    expect(res.statusCode).toBe(404);
  });

  it("should assign a liaison to a zone through the zone's liaisonId and list the zone under them", async () => {
    const id = await newLiaison('韩立', '13800007104');
    const res = await patchZone('wh-dg-zt-02', { liaisonId: id });
    expect(res.statusCode).toBe(200);
    expect(res.json().liaison).toEqual({ id, name: '韩立' });
    expect((await listed(id)).zones).toEqual(['wh-dg-zt-02']);
  });

  it('should give a bind code with the Telegram deep link and its QR code as an SVG data URL', async () => {
    const id = await newLiaison('秦岚', '13800007105');
    const res = await app().inject({ method: 'POST', url: `/api/v1/liaisons/${id}/bind-code`, headers: adminHeaders });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^\d{8}$/);
    expect(body.send).toBe(`绑定 ${body.code}`);
    expect(body.link).toBe(`https://t.me/minqing_demo_bot?start=${body.code}`);
    expect(body.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(body.qr.split(',')[1], 'base64').toString();
    expect(svg).toContain('<svg');
    expect(svg).toContain('<path');
  });
});
