/** What the console reads: the case detail, the list with its views and search, the polling, the files. */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesk, type Desk } from './case-desk-helpers.js';

let desk: Desk;
const app = () => desk.sys.app!;
const get = (url: string, headers: Record<string, string>) => app().inject({ method: 'GET', url, headers });
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6a8b50000000049454e44ae426082',
  'hex',
);

let first: string;
let second: string;
let elsewhere: string;

beforeAll(async () => {
  desk = await startDesk();
  const photo = await desk.sys.app!.deps.attachments.save('photo', PNG, '路灯.png');
  // A file stored under a claim of HTML (as an older intake or another channel might have kept it): never served as a page.
  const htmlId = `${randomUUID()}.html`;
  await writeFile(join(desk.sys.env.DATA_DIR!, 'attachments', htmlId), '<html><script>alert(1)</script></html>');
  const html = { id: htmlId, contentType: 'text/html', size: 38, sha256: 'f'.repeat(64), originalName: '情况说明.html' };
  first = await desk.open('翠湖西路的路灯坏了，晚上很黑', { phone: '+8613922220001', attachments: [photo, html] });
  second = await desk.open('钱局街的下水道堵了', { phone: '+8613922220001', zoneCode: 'wh-hs-ch-02' });
  elsewhere = await desk.open('文庙直街的垃圾没人清运', { phone: '+8613922220002', zoneCode: 'wh-hg-hg-01' });
});
afterAll(() => desk.teardown());

describe('GET /api/v1/cases/:caseNo', () => {
  it('should show sends, files, routing in words, the deadline history, other cases and an ETag', async () => {
    const res = await get(`/api/v1/cases/${first}`, desk.headers.dispatcher);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^"\d+-\d+"$/);
    const body = res.json();
    expect(body.routingSummary.zh).toContain('翠湖社区第一居民小组');
    expect(body.routingSummary.zh).toMatch(/类别 \S+ \d\.\d\d/);
    expect(body.sends.some((s: { kind: string; status: string }) => s.kind === 'receipt' && s.status === 'pending')).toBe(true);
    expect(body.attachments).toEqual([
      expect.objectContaining({ filename: '路灯.png', contentType: 'image/png' }),
      expect.objectContaining({ filename: '情况说明.html' }),
    ]);
    expect(body.deadlineHistory.length).toBeGreaterThanOrEqual(0);
    expect(body.otherCases).toEqual([expect.objectContaining({ caseNo: second })]);
    expect(body.updatedAt).toEqual(expect.any(String));
  });

  it('should let a liaison read a case of their zones, and refuse one elsewhere with 403, audited', async () => {
    expect((await get(`/api/v1/cases/${first}`, desk.headers.liaison)).statusCode).toBe(200);
    const res = await get(`/api/v1/cases/${elsewhere}`, desk.headers.liaison);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden', message: '案件不在您的责任区 / not in your zones' });
    const audited = await desk.sys.sql(`SELECT detail FROM audit_event WHERE action = 'case.refused' AND subject_id = $1`, [elsewhere]);
    expect(audited).toHaveLength(1);
  });
});

describe('GET /api/v1/cases', () => {
  it('should show a liaison only their scope, with an exact total', async () => {
    const res = await get('/api/v1/cases?limit=1', desk.headers.liaison);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().items).toHaveLength(1);
    const all = await get('/api/v1/cases?limit=100', desk.headers.liaison);
    expect(
      all
        .json()
        .items.map((c: { caseNo: string }) => c.caseNo)
        .sort(),
    ).toEqual([first, second].sort());
  });

  it('should find cases by a number prefix and by text in the first message', async () => {
    const byText = await get(`/api/v1/cases?q=${encodeURIComponent('下水道')}`, desk.headers.dispatcher);
    expect(byText.json().items.map((c: { caseNo: string }) => c.caseNo)).toEqual([second]);
    const byNumber = await get(`/api/v1/cases?q=${elsewhere}`, desk.headers.dispatcher);
    expect(byNumber.json().items.map((c: { caseNo: string }) => c.caseNo)).toEqual([elsewhere]);
    const wildcard = await get(`/api/v1/cases?q=${encodeURIComponent('%')}`, desk.headers.dispatcher);
    expect(wildcard.json().total).toBe(0);
  });

  it('should sort, page by offset and filter by office dates and views', async () => {
    const asc = await get('/api/v1/cases?sort=created_asc&limit=1&offset=1', desk.headers.admin);
    expect(asc.json().items.map((c: { caseNo: string }) => c.caseNo)).toEqual([second]);
    expect(asc.json().total).toBe(3);
    const past = await get('/api/v1/cases?to=2020-01-01', desk.headers.admin);
    expect(past.json().total).toBe(0);
    const overdue = await get('/api/v1/cases?view=overdue', desk.headers.admin);
    expect(overdue.json().total).toBe(0);
    const item = (await get(`/api/v1/cases?q=${first}`, desk.headers.admin)).json().items[0];
    expect(item).toMatchObject({ overdue: false, escalations: 0, updatedAt: expect.any(String) });
    const bad = await get('/api/v1/cases?view=everything', desk.headers.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('view');
  });

  it('should count each view for the sidebar, within the scope', async () => {
    const res = await get('/api/v1/cases/views', desk.headers.liaison);
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({ all: 2, mine: 2, overdue: 0 });
    const other = await get('/api/v1/cases/views', desk.headers.otherLiaison);
    expect(other.json().counts.all).toBe(1);
  });
});

describe('GET /api/v1/cases/updates', () => {
  it('should report new cases and changes after a cursor, within the scope', async () => {
    const start = await get('/api/v1/cases/updates', desk.headers.liaison);
    expect(start.json()).toMatchObject({ changed: 0, newCaseNos: [] });
    const cursor = start.json().cursor as string;
    const fresh = await desk.open('翠湖西路的井盖松动', { phone: '+8613922220003' });
    await desk.open('文庙直街路面塌陷', { phone: '+8613922220004', zoneCode: 'wh-hg-hg-01' });
    const res = await get(`/api/v1/cases/updates?after=${cursor}`, desk.headers.liaison);
    expect(res.json()).toMatchObject({ changed: 1, newCaseNos: [fresh] });
    expect(res.json().cursor).not.toBe(cursor);
    const bad = await get('/api/v1/cases/updates?after=yesterday', desk.headers.liaison);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('after');
  });
});

describe('GET /api/v1/attachments/:id', () => {
  it('should serve an image inline with the type its bytes show, sandboxed, audited', async () => {
    const { attachments } = (await get(`/api/v1/cases/${first}`, desk.headers.admin)).json();
    const res = await get(`/api/v1/attachments/${attachments[0].id}`, desk.headers.liaison);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''%E8%B7%AF%E7%81%AF\.png$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(await desk.sys.sql(`SELECT 1 FROM audit_event WHERE action = 'case.attachment' AND subject_id = $1`, [first])).toHaveLength(1);
  });

  it('should never serve an HTML file as a page: a download of octet-stream', async () => {
    const { attachments } = (await get(`/api/v1/cases/${first}`, desk.headers.admin)).json();
    const res = await get(`/api/v1/attachments/${attachments[1].id}`, desk.headers.dispatcher);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    expect(res.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  });

  it('should refuse a liaison out of scope with 403 and an unknown id with 404', async () => {
    const { attachments } = (await get(`/api/v1/cases/${first}`, desk.headers.admin)).json();
    expect((await get(`/api/v1/attachments/${attachments[0].id}`, desk.headers.otherLiaison)).statusCode).toBe(403);
    expect((await get(`/api/v1/attachments/${randomUUID()}.png`, desk.headers.admin)).statusCode).toBe(404);
    expect((await get('/api/v1/attachments/..%2F..%2Fetc%2Fpasswd', desk.headers.admin)).statusCode).toBe(400);
  });
});

describe('the pickers', () => {
  it.each(['/api/v1/zones', '/api/v1/categories', '/api/v1/liaisons'])('should let dispatchers and liaisons read %s', async (url) => {
    for (const headers of [desk.headers.dispatcher, desk.headers.liaison]) expect((await get(url, headers)).statusCode).toBe(200);
  });
});
