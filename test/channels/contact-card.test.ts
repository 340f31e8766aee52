import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { newNonce, signCardToken } from '../../src/channels/contact-card/token.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

// jsqr is CommonJS with a `default` property: under NodeNext the default import is its module object.
const jsQR = jsqr.default;

const BASE = 'https://minqing.example.gov.cn/wh';
const MAILBOX = 'minyi@wuhua.demo.invalid';
const SUPERVISOR = { authorization: 'Bearer supervisor-token-0123456789' };

let sys: TestSystem;
const app = () => sys.app!;

beforeAll(async () => {
  sys = await startTestSystem({ env: { PUBLIC_BASE_URL: BASE, CARD_MAILBOX: MAILBOX, CARD_HOTLINE: '+868716361234', METRICS_BUSINESS: 'true' } });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('supervisor', 'supervisor', $1)`, [hashApiKey('supervisor-token-0123456789')]);
});
afterAll(() => sys.teardown());

interface Card {
  id: number;
  zoneCode: string;
  liaisonId: number | null;
  status: string;
  url?: string;
  scans: number;
  submissions: number;
  rotatedTo: number | null;
}

async function get(url: string, headers: Record<string, string> = adminHeaders) {
  return app().inject({ method: 'GET', url, headers });
}

async function cardsOf(zone: string): Promise<Card[]> {
  const res = await get(`/api/v1/zones/${zone}/cards`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function card(id: number): Promise<Card> {
  return (await get(`/api/v1/cards/${id}`)).json();
}

/** The link in the QR code of a zone's printed card (PNG), as a phone's camera would read it. */
async function scanCard(zone: string, query = ''): Promise<string> {
  const res = await get(`/api/v1/zones/${zone}/card.png${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('image/png');
  const png = PNG.sync.read(res.rawPayload);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code).not.toBeNull();
  return code!.data;
}

/** The path a scanned link opens on this gateway. */
const pathOf = (link: string) => link.slice(BASE.length);

/** Each page's text, and the links on it (the QR codes are links to what they encode). */
async function pdfPages(data: Buffer): Promise<{ text: string; links: string[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(data) }).promise;
  const pages: { text: string; links: string[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    const links = ((await page.getAnnotations()) as { url?: string }[]).flatMap((a) => (a.url ? [a.url] : []));
    pages.push({ text, links });
  }
  return pages;
}

async function submitThrough(path: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app().inject({ method: 'POST', url: path, payload, headers });
}

/** The case as staff see it, once the worker has routed it. */
async function routedCase(caseNo: string) {
  return eventually<{ zone: { code: string }; liaison: { id: number; name: string }; originChannel: string; routing: { zone: Record<string, unknown> } }>(
    async () => {
      const res = await get(`/api/v1/cases/${caseNo}`);
      return res.statusCode === 200 ? res.json() : null;
    },
  );
}

async function liaisonId(name: string): Promise<number> {
  const [row] = await sys.sql<{ id: number }>('SELECT id FROM liaison WHERE name = $1', [name]);
  return row!.id;
}

const messageCount = async () => (await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM message'))[0]!.n;

describe('contact cards: printing', () => {
  it("should print a street's cards as a PDF: one A4 page per residents' group, issuing the missing cards once", async () => {
    // Other tests issue cards of their own (some in this street): count what this one adds.
    const audited = async (action: string, subject?: string) =>
      (await sys.sql(`SELECT 1 FROM audit_event WHERE action = $1 AND ($2::text IS NULL OR subject_id = $2)`, [action, subject ?? null])).length;
    const [issuesBefore, printsBefore] = [await audited('card.issue'), await audited('card.print', 'wh-hs')];
    const res = await get('/api/v1/zones/wh-hs/cards.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(res.rawPayload);
    expect(pages).toHaveLength(6); // 华山街道: three communities of two groups each
    expect(pages[0]!.text).toContain('翠湖社区');
    expect(pages[0]!.text).toContain('第一居民小组');
    expect(pages[0]!.text).toContain('赵桂兰');
    expect(pages[0]!.text).toContain('0871-63000111'); // the liaison's public work number, in full
    expect(pages[0]!.text).toContain('五华区人民政府办公室');
    expect(pages[0]!.text).toContain('五华区 · 华山街道');
    expect(pages[0]!.text).toContain(MAILBOX);
    expect(pages[0]!.text).toContain('扫描二维码反映问题');
    expect(pages[5]!.text).toContain('文林社区');
    expect(pages[5]!.text).toContain('马俊');
    expect(pages.map((p) => p.text).join(' ')).not.toContain('13800000111');

    const issued = await cardsOf('wh-hs-ch-01');
    expect(issued).toEqual([expect.objectContaining({ status: 'live', liaisonId: null, url: expect.stringMatching(`^${BASE}/c/`) })]);
    expect(pages[0]!.links).toEqual(Array(8).fill(issued[0]!.url));
    expect(pages[5]!.links).toEqual(Array(8).fill((await cardsOf('wh-hs-wl-02'))[0]!.url));
    await get('/api/v1/zones/wh-hs/cards.pdf');
    expect(await cardsOf('wh-hs-ch-01')).toEqual([expect.objectContaining({ id: issued[0]!.id })]);
    expect(await audited('card.issue')).toBe(issuesBefore + 1); // one issue for the missing cards, none the second time
    expect(await audited('card.print', 'wh-hs')).toBe(printsBefore + 2);
  });

  it("should put the card's own link in the QR code of the PNG", async () => {
    const link = await scanCard('wh-hs-ch-02');
    const [live] = await cardsOf('wh-hs-ch-02');
    expect(link).toBe(live!.url);
    expect(link).toMatch(new RegExp(`^${BASE}/c/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}$`));
  });

  it("should print one card as SVG and as a card-sized PDF, with the liaison's work phone and never their private one", async () => {
    const svg = await get('/api/v1/zones/wh-hs-yt-01/card.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('第一居民小组');
    expect(svg.body).toContain('陈国强');
    expect(svg.body).toContain('0871-63000121');
    expect(svg.body).toContain('0871-6361234'); // the office hotline: the zone has no number of its own
    expect(svg.body).not.toContain('13800000121');

    const pdf = await get('/api/v1/zones/wh-hs-yt-01/card.pdf');
    const pages = await pdfPages(pdf.rawPayload);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('圆通社区');
    expect(pages[0]!.text).toContain('陈国强');
  });

  it('should describe the card API at /docs', async () => {
    const paths = Object.keys((await get('/docs/json', {})).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/zones/{code}/cards.pdf', '/api/v1/zones/{code}/card.png', '/api/v1/cards/{id}/rotate', '/c/{token}']),
    );
  });

  it('should refuse a second live card, an unknown liaison and a malformed card id, naming the field and issuing nothing', async () => {
    await get('/api/v1/zones/wh-dg-dgl-02/card.svg');
    const count = async () => (await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM contact_card'))[0]!.n;
    const before = await count();
    const issue = (zone: string, payload: Record<string, unknown>) =>
      app().inject({ method: 'POST', url: `/api/v1/zones/${zone}/cards`, headers: adminHeaders, payload });
    const twice = await issue('wh-dg-dgl-02', {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'conflict', field: 'zone' });
    expect((await issue('wh-dg-dgl-02', { liaisonId: 999_999 })).json()).toMatchObject({ error: 'invalid_request', field: 'liaisonId' });
    expect((await issue('wh-dg-dgl-02', { liaisonId: 'one' })).json()).toMatchObject({ error: 'invalid_request', field: 'liaisonId' });
    // A liaison of another street cannot get a card that routes this group's residents to them.
    expect((await issue('wh-dg-dgl-02', { liaisonId: await liaisonId('周明华') })).json()).toMatchObject({ error: 'invalid_request', field: 'liaisonId' });
    expect((await issue('wh-hs-ch', { liaisonId: await liaisonId('张卫东') })).json()).toMatchObject({ error: 'invalid_request', field: 'liaisonId' });
    expect((await get('/api/v1/cards/abc')).json()).toMatchObject({ error: 'invalid_request', field: 'id' });
    expect((await get('/api/v1/zones/wh-dg-dgl-02/card.svg?card=999999')).json()).toMatchObject({ field: 'card' });
    expect(await count()).toBe(before);
  });

  it('should refuse cards to anyone but an admin, and unknown zones by name', async () => {
    expect((await get('/api/v1/zones/wh-hs/cards.pdf', {})).statusCode).toBe(401);
    expect((await get('/api/v1/zones/wh-hs/cards.pdf', SUPERVISOR)).statusCode).toBe(403);
    expect((await get('/api/v1/zones/wh-hs-ch-01/cards', SUPERVISOR)).statusCode).toBe(403);
    const unknown = await get('/api/v1/zones/nowhere/card.svg');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ field: 'code' });
  });
});

describe('contact cards: the form behind the QR code', () => {
  it("should open the form bound to the card's zone and route what is sent to that group's liaison, the card recorded as the reason", async () => {
    const path = pathOf(await scanCard('wh-hs-yt-02'));
    const [issued] = await cardsOf('wh-hs-yt-02');

    const page = await get(path, {});
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('圆通社区第二居民小组');
    expect(page.body).toContain('刘美玲');
    expect(page.body).toContain(`action="${path}"`);
    expect(page.body).not.toContain('<select id="f-zone"');

    // Neither a zone code in the post nor a place named in the text outweighs the card.
    const res = await submitThrough(path, { text: '翠湖南路的路灯坏了，晚上很黑', phone: '13800009876', zoneCode: 'wh-hg-hg-01' });
    expect(res.statusCode).toBe(202);
    const detail = await routedCase(res.json().caseNo);
    expect(detail.zone.code).toBe('wh-hs-yt-02');
    expect(detail.liaison).toMatchObject({ id: await liaisonId('刘美玲'), name: '刘美玲' });
    expect(detail.originChannel).toBe('card');
    expect(detail.routing.zone).toEqual({ reason: 'contact_card', zoneCode: 'wh-hs-yt-02', cardId: issued!.id });
  });

  it("should route a liaison's own card to that liaison", async () => {
    const wang = await liaisonId('王志刚');
    const issued = await app().inject({ method: 'POST', url: '/api/v1/zones/wh-hs-ch/cards', headers: adminHeaders, payload: { liaisonId: wang } });
    expect(issued.statusCode).toBe(201);
    const own: Card = issued.json();
    expect(own).toMatchObject({ zoneCode: 'wh-hs-ch', liaisonId: wang, status: 'live' });
    expect(pathOf(await scanCard('wh-hs-ch', `?card=${own.id}`))).toBe(pathOf(own.url!));

    const res = await submitThrough(pathOf(own.url!), { text: '小区门口垃圾堆了三天' });
    expect(res.statusCode).toBe(202);
    expect(res.json().accessCode).toMatch(/^\d{8}$/);
    const detail = await routedCase(res.json().caseNo);
    expect(detail.zone.code).toBe('wh-hs-ch');
    expect(detail.liaison.id).toBe(wang);
    expect(detail.routing.zone).toMatchObject({ reason: 'contact_card', cardId: own.id });
    const lookup = await get(`/api/v1/cases/lookup?caseNo=${res.json().caseNo}&contact=${res.json().accessCode}`, {});
    expect(lookup.statusCode).toBe(200);

    const again = await app().inject({ method: 'POST', url: '/api/v1/zones/wh-hs-ch/cards', headers: adminHeaders, payload: { liaisonId: wang } });
    expect(again.statusCode).toBe(409);
  });

  it('should count scans and submissions per card, in the API and at /metrics', async () => {
    const path = pathOf(await scanCard('wh-hg-hg-01'));
    const [issued] = await cardsOf('wh-hg-hg-01');
    await get(path, {});
    await get(path, {});
    await get(`${path}?lang=en`, {}); // switching language is the same visit
    const key = { 'idempotency-key': 'card-double-submit-1' };
    expect((await submitThrough(path, { text: '楼上漏水', phone: '13800005555' }, key)).statusCode).toBe(202);
    expect((await submitThrough(path, { text: '楼上漏水', phone: '13800005555' }, key)).statusCode).toBe(202); // a double submit

    expect(await card(issued!.id)).toMatchObject({ scans: 2, submissions: 1 });
    const metrics = (await get('/metrics', {})).body;
    expect(metrics).toContain(`minqing_card_scans_total{card="${issued!.id}"} 2`);
    expect(metrics).toContain(`minqing_card_submissions_total{card="${issued!.id}"} 1`);
  });

  it('should answer a bad submission with a 400 naming the field, storing nothing and counting nothing', async () => {
    const path = pathOf(await scanCard('wh-hg-hg-02'));
    const [issued] = await cardsOf('wh-hg-hg-02');
    const before = await messageCount();
    const res = await submitThrough(path, { text: '   ', phone: '12345' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', field: 'text' });
    const html = await app().inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ text: '路灯坏了', phone: '12345', lang: 'zh' }).toString(),
    });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('手机号格式不正确');
    expect(html.body).toContain(`action="${path}"`); // the card's form again, not the general one
    expect(await messageCount()).toBe(before);
    expect((await card(issued!.id)).submissions).toBe(0);
  });

  it('should keep card tokens out of the logs', async () => {
    const path = pathOf(await scanCard('wh-hs-wl-01'));
    await get(path, {});
    await submitThrough(path, { text: '路面坑洼', phone: '13800004444' });
    const token = path.split('/').pop()!;
    expect(sys.logs.join('')).not.toContain(token);
  });
});

describe('contact cards: revoked, rotated and tampered tokens', () => {
  it('should show a friendly page leading to the general form for a revoked card, and store nothing from it', async () => {
    const path = pathOf(await scanCard('wh-hg-gh-01'));
    const [issued] = await cardsOf('wh-hg-gh-01');
    const revoked = await app().inject({ method: 'POST', url: `/api/v1/cards/${issued!.id}/revoke`, headers: adminHeaders });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect(revoked.json().url).toBeUndefined();

    for (const lang of ['zh', 'en']) {
      const page = await get(`${path}?lang=${lang}`, {});
      expect(page.statusCode).toBe(410);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain(`href="/window?lang=${lang}"`);
      expect(page.body).toContain(lang === 'zh' ? '这张联系卡已停用' : 'no longer in use');
    }
    const before = await messageCount();
    const post = await submitThrough(path, { text: '还能提交吗' });
    expect(post.statusCode).toBe(410);
    expect(post.json()).toMatchObject({ error: 'gone' });
    const form = await app().inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ text: '还能提交吗', lang: 'en' }).toString(),
    });
    expect(form.statusCode).toBe(410);
    expect(form.body).toContain('href="/window?lang=en"');
    expect(await messageCount()).toBe(before);
    expect((await app().inject({ method: 'POST', url: `/api/v1/cards/${issued!.id}/revoke`, headers: adminHeaders })).statusCode).toBe(409);
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'card.revoke' AND subject_id = $1`, [String(issued!.id)])).toHaveLength(1);
  });

  it("should show the friendly page when the card's zone was closed", async () => {
    const path = pathOf(await scanCard('wh-dg-zt-01'));
    const closed = await app().inject({ method: 'PATCH', url: '/api/v1/zones/wh-dg-zt-01', headers: adminHeaders, payload: { active: false } });
    expect(closed.statusCode).toBe(200);
    expect((await get(path, {})).statusCode).toBe(410);
  });

  it("should send a rotated card's old token to the friendly page and its new one to the form", async () => {
    const oldPath = pathOf(await scanCard('wh-hg-gh-02'));
    const [old] = await cardsOf('wh-hg-gh-02');
    const rotated = await app().inject({ method: 'POST', url: `/api/v1/cards/${old!.id}/rotate`, headers: adminHeaders });
    expect(rotated.statusCode).toBe(201);
    const fresh: Card = rotated.json();
    expect(fresh).toMatchObject({ zoneCode: 'wh-hg-gh-02', status: 'live' });
    expect(await card(old!.id)).toMatchObject({ status: 'rotated', rotatedTo: fresh.id });

    expect((await get(oldPath, {})).statusCode).toBe(410);
    const newPath = pathOf(await scanCard('wh-hg-gh-02'));
    expect(newPath).not.toBe(oldPath);
    expect(newPath).toBe(pathOf(fresh.url!));
    expect((await get(newPath, {})).statusCode).toBe(200);
    const res = await submitThrough(newPath, { text: '小区停车难', phone: '13800003333' });
    expect(res.statusCode).toBe(202);
    expect((await routedCase(res.json().caseNo)).routing.zone).toMatchObject({ reason: 'contact_card', cardId: fresh.id });
  });

  it('should answer a tampered, forged or unknown token with a 404 that names no zone: a page leading to /window, or JSON', async () => {
    const path = pathOf(await scanCard('wh-dg-dgl-01'));
    const token = path.split('/').pop()!;
    const tampered = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    const secret = app().deps.secret;
    const [issued] = await cardsOf('wh-dg-dgl-01');
    const tokens = [
      tampered,
      'nonsense',
      signCardToken(secret, { cardId: issued!.id, nonce: newNonce() }), // the right card, a nonce it never had
      signCardToken(secret, { cardId: 999_999, nonce: newNonce() }), // no such card
      signCardToken('some-other-secret-of-32-characters-at-least', { cardId: issued!.id, nonce: newNonce() }),
    ];
    const before = await messageCount();
    for (const t of tokens) {
      const page = await get(`/c/${t}`, {});
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('找不到这张联系卡');
      expect(page.body).toContain('href="/window?lang=zh"');
      const posted = await submitThrough(`/c/${t}`, { text: '路灯坏了' });
      expect(posted.statusCode).toBe(404);
      expect(posted.json()).toEqual({ error: 'not_found', message: 'no such contact card' });
      for (const res of [page, posted]) for (const named of ['大观', '第一居民小组', '梁志勇', 'wh-dg']) expect(res.body).not.toContain(named);
    }
    expect(await messageCount()).toBe(before);
    expect((await card(issued!.id)).scans).toBe(0);
  });
});

describe('contact cards: without the CJK font', () => {
  let bare: TestSystem;
  beforeAll(async () => {
    bare = await startTestSystem({ env: { CJK_FONT_PATH: '/nonexistent/NotoSansCJK-Regular.ttc' } });
    await seedDemoDistrict(bare.db.pool);
  });
  afterAll(() => bare.teardown());

  it('should still start and print SVG, and answer PNG and PDF with a 503 saying what to install, issuing nothing', async () => {
    const at = (url: string) => bare.app!.inject({ method: 'GET', url, headers: adminHeaders });
    for (const url of ['/api/v1/zones/wh-hs-ch-01/card.png', '/api/v1/zones/wh-hs-ch-01/card.pdf', '/api/v1/zones/wh-hs/cards.pdf']) {
      const res = await at(url);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'unavailable', field: 'format', message: expect.stringContaining('fonts-noto-cjk') });
    }
    expect(await bare.sql('SELECT 1 FROM contact_card')).toHaveLength(0);
    expect((await at('/api/v1/zones/wh-hs-ch-01/card.svg')).statusCode).toBe(200);
  });

  it('should print a hotline and a reachable address even with none configured: 12345, and the online window for a test mailbox', async () => {
    const svg = await bare.app!.inject({ method: 'GET', url: '/api/v1/zones/wh-hs-ch-01/card.svg', headers: adminHeaders });
    expect(svg.body).toContain('民心电话  12345');
    expect(svg.body).not.toContain('minqing.localhost'); // the default mailbox reaches no one
    expect(svg.body).toContain('网上留言  localhost:3000/window');
    expect(svg.body).not.toContain('13800000111');
  });
});
