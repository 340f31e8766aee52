import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const SUPERVISOR = { authorization: 'Bearer supervisor-token-0123456789' };
const app = () => sys.app!;

async function submit(payload: Record<string, unknown>): Promise<{ caseNo: string; accessCode?: string }> {
  const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload });
  expect(res.statusCode).toBe(202);
  const body = res.json();
  await eventually(async () => (await sys.sql(`SELECT 1 FROM "case" WHERE case_no = $1`, [body.caseNo])).length === 1);
  return body;
}

beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('supervisor', 'supervisor', $1)`, [hashApiKey('supervisor-token-0123456789')]);
});
afterAll(() => sys.teardown());

describe('staff authentication', () => {
  it.each([
    ['no token', {}],
    ['an unknown token', { authorization: 'Bearer not-a-real-token' }],
    ['a malformed header', { authorization: 'Basic abc' }],
  ])('should answer 401 to %s', async (_title, headers) => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/cases', headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('should answer 403 when a supervisor tries an admin action, and change nothing', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/zones',
      headers: SUPERVISOR,
      payload: { code: 'sup-zone', name: 'x', level: 'street', parentCode: 'district' },
    });
    expect(res.statusCode).toBe(403);
    expect(await sys.sql(`SELECT 1 FROM zone WHERE code = 'sup-zone'`)).toHaveLength(0);
  });

  it('should let a supervisor read cases', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/cases', headers: SUPERVISOR });
    expect(res.statusCode).toBe(200);
  });
});

describe('zones', () => {
  it('should create a community under a street and show it in the list', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/zones',
      headers: adminHeaders,
      payload: { code: 'wh-hs-new', name: '新建社区', level: 'community', parentCode: 'wh-hs', aliases: ['新建路'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'wh-hs-new', level: 'community', parentCode: 'wh-hs', aliases: ['新建路'] });
    const list = await app().inject({ method: 'GET', url: '/api/v1/zones', headers: adminHeaders });
    expect(list.json().items.map((z: { code: string }) => z.code)).toContain('wh-hs-new');
    const [entry] = await sys.sql<{ action: string }>(`SELECT action FROM audit_event WHERE subject_id = 'wh-hs-new'`);
    expect(entry!.action).toBe('zone.create');
  });

  it.each([
    ['a level that does not fit its parent', { code: 'bad-1', name: 'x', level: 'group', parentCode: 'wh-hs' }, 400, 'parentCode'],
    ['an unknown parent', { code: 'bad-2', name: 'x', level: 'community', parentCode: 'nowhere' }, 400, 'parentCode'],
    ['a street without a parent', { code: 'bad-3', name: 'x', level: 'street' }, 400, 'parentCode'],
    ['an existing code', { code: 'wh-hs', name: 'x', level: 'street', parentCode: 'district' }, 409, 'code'],
    ['an invalid code', { code: 'Bad Code', name: 'x', level: 'street', parentCode: 'district' }, 400, 'code'],
    ['an unknown level', { code: 'bad-4', name: 'x', level: 'province', parentCode: 'district' }, 400, 'level'],
  ])('should refuse %s, naming the field', async (_title, payload, status, field) => {
    const before = await sys.sql('SELECT id FROM zone');
    const res = await app().inject({ method: 'POST', url: '/api/v1/zones', headers: adminHeaders, payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().field).toBe(field);
    expect(await sys.sql('SELECT id FROM zone')).toHaveLength(before.length);
  });

  it('should rename a zone and set its own hotline numbers, stored in E.164', async () => {
    const res = await app().inject({
      method: 'PATCH',
      url: '/api/v1/zones/wh-hs-new',
      headers: adminHeaders,
      payload: { name: '新建社区（更名）', phoneNumbers: ['+86 871 6361 2222'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '新建社区（更名）', phoneNumbers: ['+8687163612222'] });
    const bad = await app().inject({ method: 'PATCH', url: '/api/v1/zones/wh-hs-new', headers: adminHeaders, payload: { phoneNumbers: ['hotline'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('phoneNumbers.0');
  });

  it("should set a zone's own mailbox addresses, stored in lower case", async () => {
    const res = await app().inject({
      method: 'PATCH',
      url: '/api/v1/zones/wh-hs-new',
      headers: adminHeaders,
      payload: { emailAddresses: ['XinJian@Minqing.test'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ emailAddresses: ['xinjian@minqing.test'] });
    const bad = await app().inject({ method: 'PATCH', url: '/api/v1/zones/wh-hs-new', headers: adminHeaders, payload: { emailAddresses: ['mailbox'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('emailAddresses.0');
  });
});

describe('cases', () => {
  it('should filter by zone subtree, status, category and channel, page by cursor, and audit the listing', async () => {
    await submit({ text: '翠湖边的路灯坏了', zoneCode: 'wh-hs-ch-01' });
    await submit({ text: '小区垃圾没人清运', zoneCode: 'wh-hs-ch-02' });
    await submit({ text: '拖欠工资', zoneCode: 'wh-dg' });

    const street = await app().inject({ method: 'GET', url: '/api/v1/cases?zone=wh-hs', headers: adminHeaders });
    expect(
      street
        .json()
        .items.map((c: { zone: { code: string } }) => c.zone.code)
        .sort(),
    ).toEqual(['wh-hs-ch-01', 'wh-hs-ch-02']);

    const wages = await app().inject({ method: 'GET', url: '/api/v1/cases?category=employment&status=registered&channel=web', headers: adminHeaders });
    expect(wages.json().items).toHaveLength(1);
    expect(wages.json().items[0].zone.code).toBe('wh-dg');

    const page1 = await app().inject({ method: 'GET', url: '/api/v1/cases?limit=2', headers: adminHeaders });
    expect(page1.json().items).toHaveLength(2);
    const page2 = await app().inject({ method: 'GET', url: `/api/v1/cases?limit=2&cursor=${page1.json().nextCursor}`, headers: adminHeaders });
    const seen = [...page1.json().items, ...page2.json().items].map((c: { caseNo: string }) => c.caseNo);
    expect(new Set(seen).size).toBe(seen.length);

    const { caseNo: fireCase } = await submit({ text: '楼道里着火了，浓烟很大', zoneCode: 'wh-hs-ch-01' });
    const urgent = await app().inject({ method: 'GET', url: '/api/v1/cases?urgent=true', headers: adminHeaders });
    expect(urgent.json().items.map((c: { caseNo: string }) => c.caseNo)).toContain(fireCase);
    const { caseNo: vague } = await submit({ text: '？？' }); // nothing to go on: the classifier cannot place it
    const triage = await app().inject({ method: 'GET', url: '/api/v1/cases?triage=true', headers: adminHeaders });
    expect(triage.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ caseNo: vague, needsTriage: true, category: 'other' })]));

    const unknown = await app().inject({ method: 'GET', url: '/api/v1/cases?zone=nowhere', headers: adminHeaders });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('zone');
    expect((await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'case.list'`)).length).toBeGreaterThan(0);
  });

  it('should mask phone numbers in the list and show them whole, audited, in the case', async () => {
    const { caseNo } = await submit({ text: '噪音扰民', phone: '13912345678' });
    const list = await app().inject({ method: 'GET', url: `/api/v1/cases?limit=100`, headers: adminHeaders });
    const item = list.json().items.find((c: { caseNo: string }) => c.caseNo === caseNo);
    expect(item.replyAddress).toBe('139****5678');
    expect(list.body).not.toContain('13912345678');

    const detail = await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: SUPERVISOR });
    expect(detail.json().contact.identities).toEqual([{ kind: 'phone', address: '+8613912345678' }]);
    const audits = await sys.sql<{ actor: string }>(`SELECT actor FROM audit_event WHERE action = 'case.read' AND subject_id = $1`, [caseNo]);
    expect(audits).toHaveLength(1);
  });

  it('should let staff correct a category: off the triage list, on the timeline, kept as a training example', async () => {
    const { caseNo } = await submit({ text: '嗯嗯' });
    const res = await app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/category`, headers: adminHeaders, payload: { category: 'environment' } });
    expect(res.statusCode).toBe(200);
    const detail = (await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: adminHeaders })).json();
    expect(detail).toMatchObject({ category: 'environment', needsTriage: false });
    expect(detail.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'reclassified', actor: expect.stringMatching(/^user:/) })]));
    expect(await sys.sql(`SELECT text, category FROM training_example WHERE case_id = (SELECT id FROM "case" WHERE case_no = $1)`, [caseNo])).toEqual([
      { text: '嗯嗯', category: 'environment' },
    ]);
    const bad = await app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/category`, headers: adminHeaders, payload: { category: 'astrology' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('category');
  });

  it('should answer 404 for an unknown case number', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/cases/2611309999999', headers: adminHeaders });
    expect(res.statusCode).toBe(404);
  });
});

describe('resident lookup', () => {
  it('should show status and public timeline to the matching contact only, without personal data', async () => {
    const { caseNo } = await submit({ text: '我家楼上漏水，电话13700001111', phone: '13800009999' });
    const ok = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=138-0000-9999` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ caseNo, status: 'registered', statusLabel: { zh: '已登记' }, category: { zh: expect.any(String) } });
    expect(ok.body).not.toContain('13800009999');
    // The resident's own message is shown, with the numbers in it masked: whoever holds a case number and one contact may open this.
    expect(ok.json().message).toBe('我家楼上漏水，电话137****1111');
    expect(ok.body).not.toContain('13700001111');

    const wrong = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=13800000000` });
    expect(wrong.statusCode).toBe(404);
    const unknown = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=2611309999999&contact=13800009999` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toBe(wrong.body);
  });

  it('should let an anonymous resident look up with the access code, the same for a repeated submission', async () => {
    const payload = { text: '匿名反映：有人在河边倾倒垃圾', idempotencyKey: 'anonymous-key-0001' };
    const { caseNo, accessCode } = await submit(payload);
    expect(accessCode).toMatch(/^\d{8}$/);
    expect(await submit(payload)).toEqual({ caseNo, status: 'registered', accessCode });
    const ok = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=${accessCode}` });
    expect(ok.statusCode).toBe(200);
    const wrongCode = String((Number(accessCode) % 99_999_999) + 1).padStart(8, '1');
    const bad = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=${wrongCode}` });
    expect(bad.statusCode).toBe(404);
  });
});

describe('router simulation', () => {
  const simulate = (payload: Record<string, unknown>, headers = adminHeaders) =>
    app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers, payload });

  it('should say where a message would go and why, creating nothing', async () => {
    const before = await sys.sql(`SELECT (SELECT count(*) FROM message)::int AS m, (SELECT count(*) FROM "case")::int AS c`);
    const res = await simulate({ text: '翠湖南路3栋楼下着火了，浓烟很大' }, SUPERVISOR);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      urgent: true,
      call: ['119'],
      zone: { code: 'wh-hs-ch', level: 'community' },
      evidence: { zone: { reason: 'place_names', places: ['翠湖南路'] }, category: { dangers: ['fire'] } },
      matchedRules: [],
    });
    expect(await sys.sql(`SELECT (SELECT count(*) FROM message)::int AS m, (SELECT count(*) FROM "case")::int AS c`)).toEqual(before);
  });

  it('should prefer the zone a form names, and refuse an unknown one', async () => {
    expect((await simulate({ text: '翠湖南路的路灯坏了', zoneCode: 'wh-dg' })).json().zone.code).toBe('wh-dg');
    const bad = await simulate({ text: '你好', zoneCode: 'nowhere' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('zoneCode');
  });

  it('should route a shared location by a zone boundary set through the API, and refuse an open ring', async () => {
    const ring = [
      [102.7, 25.04],
      [102.71, 25.04],
      [102.71, 25.05],
      [102.7, 25.05],
      [102.7, 25.04],
    ];
    const bad = await app().inject({
      method: 'PATCH',
      url: '/api/v1/zones/wh-hs-ch-02',
      headers: adminHeaders,
      payload: { boundary: { type: 'Polygon', coordinates: [ring.slice(0, 4)] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toMatch(/^boundary/);
    const set = await app().inject({
      method: 'PATCH',
      url: '/api/v1/zones/wh-hs-ch-02',
      headers: adminHeaders,
      payload: { boundary: { type: 'Polygon', coordinates: [ring] } },
    });
    expect(set.json().boundary).toEqual({ type: 'Polygon', coordinates: [ring] });
    app().deps.catalog.invalidate();

    const inside = { lat: 25.045, lng: 102.705 };
    expect((await simulate({ text: '路灯坏了', location: inside })).json()).toMatchObject({
      zone: { code: 'wh-hs-ch-02' },
      evidence: { zone: { reason: 'location' } },
    });
    const posted = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      payload: { text: '这里的路灯坏了好几天', lat: String(inside.lat), lng: String(inside.lng) },
    });
    expect(posted.statusCode).toBe(202);
    const [row] = await eventually(() =>
      sys
        .sql<{ code: string; reason: string }>(
          `SELECT z.code, c.routing #>> '{zone,reason}' AS reason FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.case_no = $1`,
          [posted.json().caseNo],
        )
        .then((r) => (r.length ? r : null)),
    );
    expect(row).toEqual({ code: 'wh-hs-ch-02', reason: 'location' });
    const half = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '路灯坏了', lat: '25.045' } });
    expect(half.statusCode).toBe(400);
    expect(half.json().field).toBe('lng');

    await app().inject({ method: 'PATCH', url: '/api/v1/zones/wh-hs-ch-02', headers: adminHeaders, payload: { boundary: null } });
    app().deps.catalog.invalidate();
    expect((await simulate({ text: '路灯坏了', location: inside })).json().evidence.zone.reason).toBe('triage');
  });

  it('should list the twelve categories with their deadlines', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/v1/categories', headers: SUPERVISOR });
    expect(res.json().items.map((c: { code: string }) => c.code)).toHaveLength(12);
    expect(res.json().items[0]).toMatchObject({ code: 'employment', nameZh: '就业创业', deadlineHours: 168 });
  });
});

describe('categories', () => {
  const patch = (code: string, payload: Record<string, unknown>, headers = adminHeaders) =>
    app().inject({ method: 'PATCH', url: `/api/v1/categories/${code}`, headers, payload });

  it("should change a category's deadline and keywords, and route the next message with them", async () => {
    const res = await patch('environment', { deadlineHours: 48, keywords: ['噪音', '垃圾', '狗叫'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'environment', deadlineHours: 48, keywords: ['噪音', '垃圾', '狗叫'] });
    const sim = await app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers: adminHeaders, payload: { text: '楼下狗叫扰民，吵得睡不着' } });
    expect(sim.json().evidence.category.matched).toContain('狗叫');
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'category.update' AND subject_id = 'environment'`)).toHaveLength(1);
  });

  it('should add a category, and retire it so no new case gets it', async () => {
    const add = await app().inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: adminHeaders,
      payload: { code: 'pets', nameZh: '宠物', nameEn: 'Pets', deadlineHours: 72, keywords: ['宠物', '遛狗'] },
    });
    expect(add.statusCode).toBe(201);
    const again = await app().inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: adminHeaders,
      payload: { code: 'pets', nameZh: '宠物', nameEn: 'Pets', deadlineHours: 72 },
    });
    expect(again.statusCode).toBe(409);
    expect((await patch('pets', { active: false })).json().active).toBe(false);
    const sim = await app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers: adminHeaders, payload: { text: '宠物 遛狗 宠物 遛狗' } });
    expect(sim.json().category).not.toBe('pets');
  });

  it.each([
    ['a deadline of zero hours', 'housing', { deadlineHours: 0 }, 400, 'deadlineHours'],
    ['retiring other', 'other', { active: false }, 400, 'active'],
    ['an unknown category', 'astrology', { nameZh: '星座' }, 404, 'code'],
  ])('should refuse %s', async (_title, code, payload, status, field) => {
    const res = await patch(code, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().field).toBe(field);
  });

  it('should let only admins change categories', async () => {
    expect((await patch('housing', { deadlineHours: 24 }, SUPERVISOR)).statusCode).toBe(403);
  });
});

describe('lookup rate limit', () => {
  it('should answer 429 with Retry-After once a client has guessed too often, and not for another client', async () => {
    const max = sys.config.LOOKUP_RATE_PER_CLIENT;
    const statuses: number[] = [];
    for (let i = 0; i < max + 1; i++) {
      // Another case number and contact each time: only the per-client limit can stop this.
      const res = await app().inject({
        method: 'GET',
        url: `/api/v1/cases/lookup?caseNo=26113${String(i).padStart(5, '0')}&contact=${String(i).padStart(8, '0')}`,
        remoteAddress: '203.0.113.7',
      });
      statuses.push(res.statusCode);
      if (i === max) {
        expect(res.json()).toMatchObject({ error: 'rate_limited', field: 'client' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, max).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await app().inject({ method: 'GET', url: '/api/v1/cases/lookup?caseNo=2611399999&contact=00000000', remoteAddress: '203.0.113.8' });
    expect(other.statusCode).toBe(404);
  });
});
