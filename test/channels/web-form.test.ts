import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';

let sys: TestSystem;
const app = () => sys.app!;

beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
});
afterAll(() => sys.teardown());

async function counts() {
  const [row] = await sys.sql<{ messages: number; cases: number; outbox: number }>(
    `SELECT (SELECT count(*) FROM message)::int AS messages, (SELECT count(*) FROM "case")::int AS cases,
            (SELECT count(*) FROM outbox)::int AS outbox`,
  );
  const jobs = await sys.queue.getJobCountByTypes('waiting', 'active', 'completed', 'failed', 'delayed');
  return { ...row!, jobs };
}

/** The case as staff see it, once the workers have opened it and its receipt is recorded. */
async function settledCase(caseNo: string) {
  return eventually(async () => {
    const res = await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: adminHeaders });
    if (res.statusCode === 404) return null;
    const detail = res.json();
    return receiptOf(detail)[0]?.delivery?.status === 'sandboxed' ? detail : null;
  });
}

/** Waits until every accepted message has its case and every send is recorded. */
async function settled() {
  await eventually(async () => {
    const busy = await sys.sql(`SELECT 1 FROM message WHERE status IN ('received', 'pending', 'sending') LIMIT 1`);
    return busy.length === 0;
  });
  return counts();
}

const receiptOf = (detail: { timeline: { direction?: string; kind?: string; delivery?: { status: string }; body?: string }[] }) =>
  detail.timeline.filter((e) => e.direction === 'out' && e.kind === 'receipt');

describe('information window: happy paths', () => {
  it('should turn a JSON submission into a routed case with a sandboxed receipt', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      payload: { text: '翠湖社区3栋楼道的路灯坏了一个月了，晚上很黑', phone: '138 0000 1234', zoneCode: 'wh-hs-ch-01' },
    });
    expect(res.statusCode).toBe(202);
    const { caseNo } = res.json();
    expect(caseNo).toMatch(/^\d{10,}$/);

    const detail = await settledCase(caseNo);
    expect(detail.zone.code).toBe('wh-hs-ch-01');
    expect(detail.liaison).not.toBeNull();
    expect(detail.category).toBe('infrastructure');
    expect(detail.replyChannel).toBe('sms');
    expect(detail.replyAddress).toBe('+8613800001234');
    expect(detail.routing.zone).toMatchObject({ reason: 'channel_hint', zoneCode: 'wh-hs-ch-01' });
    const [receipt] = receiptOf(detail);
    expect(receipt!.body).toContain(caseNo);
    expect(receipt!.body).toContain('市政设施');
    expect(receipt!.body).toContain('由翠湖社区第一居民小组办理');
  });

  it("should route a known resident's next message to the zone of their earlier case", async () => {
    const first = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      payload: { text: '楼道灯坏了', phone: '13800007878', zoneCode: 'wh-hs-ch-02' },
    });
    await settledCase(first.json().caseNo);
    const next = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '楼下垃圾桶满了没人清', phone: '13800007878' } });
    const detail = await settledCase(next.json().caseNo);
    expect(detail.zone.code).toBe('wh-hs-ch-02');
    expect(detail.routing.zone.reason).toBe('known_resident');
  });

  it('should route a message without a zone to the district triage desk', async () => {
    const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: 'Where do I apply for a pension?', lang: 'en' } });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.accessCode).toMatch(/^\d{8}$/); // anonymous: a code to look the case up
    const detail = await settledCase(body.caseNo);
    expect(detail.zone.code).toBe('district');
    expect(detail.routing.zone.reason).toBe('triage');
    expect(receiptOf(detail)[0]!.body).toMatch(/^Your message has been registered/);
  });

  it('should accept a multipart post with a photo, stored re-encoded as JPEG outside any served folder', async () => {
    const png = await readFile(new URL('../fixtures/web/pixel.png', import.meta.url));
    const form = new FormData();
    form.set('text', '小区门口垃圾堆了三天没人清运');
    form.set('email', 'Resident@Example.com');
    form.set('photo', new Blob([png], { type: 'image/png' }), 'rubbish.png');
    const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: form });
    expect(res.statusCode).toBe(202);
    const detail = await settledCase(res.json().caseNo);
    const inbound = detail.timeline.find((e: { direction?: string }) => e.direction === 'in');
    expect(inbound.attachments).toEqual([expect.objectContaining({ contentType: 'image/jpeg' })]);
    expect(detail.replyChannel).toBe('email');
    expect(detail.replyAddress).toBe('resident@example.com');
    const served = await app().inject({ method: 'GET', url: `/attachments/${inbound.attachments[0].id}` });
    expect(served.statusCode).toBe(404);
  });

  it('should send a plain browser form post on to the confirmation page (303), the lookup code only in a cookie', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ text: '邻居装修噪音太大', phone: '', email: '', zoneCode: 'wh-hs-ch-01', replyVia: 'web', lang: 'zh' }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    const caseNo = new URL(location, 'http://x').searchParams.get('caseNo');
    expect(location).toBe(`/window/done?lang=zh&caseNo=${caseNo}`);
    expect((await sys.sql('SELECT 1 FROM message WHERE reserved_case_no = $1', [caseNo])).length).toBe(1);
    const [cookie] = res.cookies;
    expect(cookie).toMatchObject({ name: 'wf_sent', path: '/window/done', httpOnly: true, sameSite: 'Strict' });

    const done = await app().inject({ method: 'GET', url: location, cookies: { wf_sent: cookie!.value } });
    expect(done.statusCode).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    const code = done.body.match(/id="access-code">(\d{8})</)?.[1];
    expect(code).toMatch(/^\d{8}$/);
    expect(location).not.toContain(code);
    expect(done.body).toContain(caseNo);
    expect(done.body).toContain('翠湖社区第一居民小组'); // the zone it went to
    expect(done.body).toContain('您是匿名提交的');
    // Another browser (no record): the number only, never the code.
    const bare = await app().inject({ method: 'GET', url: location });
    expect(bare.body).toContain(caseNo);
    expect(bare.body).not.toContain(code);
    // A forged record shows nothing of it.
    const forged = Buffer.from(JSON.stringify({ caseNo, accessCode: '12345678', replyVia: 'web', back: '/window', exp: Date.now() + 60_000 })).toString(
      'base64url',
    );
    const tampered = await app().inject({ method: 'GET', url: location, cookies: { wf_sent: `${forged}.AAAA` } });
    expect(tampered.body).not.toContain('12345678');
  });

  it('should serve the form with the zone picker', async () => {
    const res = await app().inject({ method: 'GET', url: '/window' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('民情信息窗口');
    expect(res.body).toContain('value="wh-hs-ch-01"');
    expect(res.headers['cache-control']).toBe('no-store'); // Back must not reuse the last double-submit key
    const en = await app().inject({ method: 'GET', url: '/window?lang=en' });
    expect(en.body).toContain('Information window');
  });

  it("should serve the pages' style and scripts from the files in assets/, named by their content's hash and cached for good", async () => {
    const pages = await Promise.all(['/window', '/window/lookup'].map((url) => app().inject({ method: 'GET', url })));
    const links = pages.flatMap((p) => [...p.body.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!));
    expect(new Set(links)).toEqual(
      new Set(
        ['window.css', 'lang.js', 'window.js'].map((name) => {
          const [base, ext] = name.split('.');
          return expect.stringMatching(new RegExp(`^${base}\\.[0-9a-f]{12}\\.${ext}$`));
        }),
      ),
    );
    for (const file of new Set(links)) {
      const [base, hash, ext] = file.split('.');
      const source = await readFile(new URL(`../../src/channels/web-form/assets/${base}.${ext}`, import.meta.url), 'utf8');
      expect(createHash('sha256').update(source).digest('hex').slice(0, 12)).toBe(hash);
      const res = await app().inject({ method: 'GET', url: `/assets/${file}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(source);
      expect(res.headers['content-type']).toBe(ext === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    // An old or made-up name is not served (nor is the file under its plain name).
    for (const url of ['/assets/window.000000000000.js', '/assets/window.js', '/assets/..%2Fpage.ts']) {
      expect((await app().inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });
});

describe('information window: double submits', () => {
  it('should make one case and one receipt from the same Idempotency-Key sent five times at once', async () => {
    const key = 'double-submit-key-0001';
    const before = await settled();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        app().inject({
          method: 'POST',
          url: '/api/v1/intake/web',
          headers: { 'idempotency-key': key },
          payload: { text: '工资被拖欠三个月了', phone: '13800002222' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.json().caseNo)).size).toBe(1);
    const after = await settled();
    expect(after.messages - before.messages).toBe(2); // one inbound, one receipt
    expect(after.cases - before.cases).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
  });

  it('should return the same case when the hidden form key is resubmitted later', async () => {
    const payload = { text: '孩子入学需要什么材料', idempotencyKey: 'form-key-abcdef-123', email: 'parent@example.com' };
    const first = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload });
    const again = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload });
    expect(again.statusCode).toBe(202);
    expect(again.json().caseNo).toBe(first.json().caseNo);
  });
});

// The window's captured posts (by its script, with a photo, without scripts, a malformed phone, an unknown zone,
// a photo that is not one) are replayed by the channel harness: test/fixtures/web/cases.json.
describe('information window: bad input changes nothing', () => {
  const json = (payload: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const cases: { title: string; request: { headers?: Record<string, string>; payload: string | Buffer }; status: number; field: string }[] = [
    { title: 'missing text', request: json({ phone: '13800001111' }), status: 400, field: 'text' },
    { title: 'empty text', request: json({ text: '   ' }), status: 400, field: 'text' },
    { title: 'text over 5,000 characters', request: json({ text: '长'.repeat(5001) }), status: 400, field: 'text' },
    { title: 'malformed email', request: json({ text: '你好', email: 'not-an-email' }), status: 400, field: 'email' },
    { title: 'SMS reply without a phone', request: json({ text: '你好', replyVia: 'sms' }), status: 400, field: 'phone' },
    {
      title: 'malformed Idempotency-Key',
      request: { headers: { 'content-type': 'application/json', 'idempotency-key': 'x' }, payload: JSON.stringify({ text: '你好' }) },
      status: 400,
      field: 'idempotency-key',
    },
    { title: 'wrong content type', request: { headers: { 'content-type': 'text/plain' }, payload: '你好' }, status: 415, field: 'content-type' },
    { title: 'invalid JSON', request: { headers: { 'content-type': 'application/json' }, payload: '{"text": ' }, status: 400, field: 'body' },
    { title: 'body over 1 MB', request: json({ text: '你好', padding: 'x'.repeat(1024 * 1024) }), status: 413, field: 'body' },
  ];

  it.each(cases)('should reject $title with $status naming $field', async ({ request, status, field }) => {
    const before = await settled();
    const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', ...request });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ field });
    expect(await counts()).toEqual(before);
  });

  it('should re-render the HTML form with the error for a browser post', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'text=&phone=&idempotencyKey=keep-this-key-123',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('keep-this-key-123');
    expect(res.body).toMatch(/name="text"[^>]*aria-invalid="true"/);
  });
});

describe('logs', () => {
  it('should keep phone numbers and message text out of the logs', async () => {
    await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '秘密内容测试', phone: '13899998888', email: 'secret@example.com' } });
    await app().inject({ method: 'GET', url: '/api/v1/cases/lookup?caseNo=2611300000&contact=13899998888' });
    const all = sys.logs.join('\n');
    expect(all).toContain('/api/v1/intake/web');
    expect(all).not.toContain('13899998888');
    expect(all).not.toContain('秘密内容测试');
    expect(all).not.toContain('secret@example.com');
    expect(all).not.toContain('test-admin-token');
  });
});
