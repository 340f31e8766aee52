/**
 * Phone photos through the information window without its script (a plain multipart post, as a browser
 * sends it): stored scaled down and without EXIF; too big or not a picture, the form comes back filled in,
 * in the resident's language, with the error at the photo field, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { phonePhoto } from '../helpers/photos.js';

let sys: TestSystem;
const app = () => sys.app!;

beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
});
afterAll(() => sys.teardown());

const TEXT = 'The street light outside building 3 has been out for a month';

/** The window's form as a browser posts it without script: the fields in the page's order, the photo among them. */
function formPost(photo: Buffer, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('lang', 'en');
  form.set('idempotencyKey', `photo-test-${Math.random().toString(36).slice(2)}`);
  form.set('text', TEXT);
  form.set('zoneCode', 'wh-hs-ch-01');
  form.set('photo', new Blob([photo], { type: 'image/jpeg' }), 'IMG_0001.JPG');
  form.set('name', 'Li Ming');
  form.set('phone', '13800005555');
  form.set('email', '');
  form.set('replyVia', 'sms');
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return { method: 'POST' as const, url: '/api/v1/intake/web', headers: { accept: 'text/html' }, payload: form };
}

const messageCount = async () => (await sys.sql<{ n: number }>('SELECT count(*)::int AS n FROM message'))[0]!.n;

describe('information window: phone photos without script', () => {
  it('should store a 6 MB phone photo scaled down, re-encoded and without its GPS position', async () => {
    const photo = await phonePhoto();
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    const res = await app().inject(formPost(photo));
    expect(res.statusCode).toBeLessThan(400);
    const [row] = await eventually(async () => {
      const rows = await sys.sql<{ attachments: { id: string; contentType: string; size: number }[] }>(
        `SELECT attachments FROM message WHERE direction = 'in' AND body = $1`,
        [TEXT],
      );
      return rows.length ? rows : null;
    });
    const [attachment] = row!.attachments;
    expect(attachment).toMatchObject({ contentType: 'image/jpeg' });
    const stored = await readFile(join(sys.env.DATA_DIR!, 'attachments', attachment!.id));
    expect(stored.length).toBeLessThanOrEqual(1024 * 1024);
    const meta = await sharp(stored).metadata();
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(2048);
    expect(meta.exif).toBeUndefined();
  });

  it('should give a photo over 15 MB back as the filled-in form, in English, the error at the photo', async () => {
    const before = await messageCount();
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(16 * 1024 * 1024, 7)]);
    const res = await app().inject(formPost(huge));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain(TEXT);
    expect(res.body).toMatch(/<option value="wh-hs-ch-01"[^>]* selected>/);
    expect(res.body).toContain('value="13800005555"'); // sent after the photo: still read
    expect(res.body).toContain('value="Li Ming"');
    expect(res.body).toMatch(/value="sms" checked/);
    expect(res.body).toMatch(/id="form-error"[^>]*>The photo is larger than 15 MB<\/p>\n<input id="f-photo"[^>]*aria-invalid="true"/);
    expect(await messageCount()).toBe(before);
  });

  it('should give a file that is not a picture back as the filled-in form with the error at the photo', async () => {
    const before = await messageCount();
    const res = await app().inject(formPost(Buffer.from('%PDF-1.4 not a photo'), { lang: 'zh' }));
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain(TEXT);
    expect(res.body).toContain('照片仅支持 JPEG、PNG、GIF、WebP 格式。');
    expect(await messageCount()).toBe(before);
  });

  it('should answer the API with a 413 naming the photo', async () => {
    const form = new FormData();
    form.set('text', TEXT);
    form.set('photo', new Blob([Buffer.alloc(16 * 1024 * 1024, 1)]), 'big.jpg');
    const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', headers: { accept: 'application/json' }, payload: form });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ field: 'photo', message: 'the photo is larger than 15 MB' });
  });

  it("should answer a body too big to read in the browser's own language", async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'accept-language': 'en-GB,en;q=0.9' },
      payload: `text=${'x'.repeat(1024 * 1024 + 10)}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('The request body is larger than 1 MB');
  });
});
