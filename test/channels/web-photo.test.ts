/**
 * The web form's photo pipeline on its own: a phone's multi-MB JPEG comes out upright, at most 2048 px,
 * under the stored limit and without EXIF (no GPS position); what is not a picture is refused naming `photo`.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PHOTO_STORED_LIMIT, preparePhoto } from '../../src/channels/web-form/photo.js';
import { InputError } from '../../src/core/errors.js';
import { phonePhoto } from '../helpers/photos.js';

describe('preparePhoto', () => {
  it('should scale a 6 MB phone photo down under the stored limit and drop its EXIF and GPS position', async () => {
    const photo = await phonePhoto();
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    expect((await sharp(photo).metadata()).exif).toBeDefined(); // the test photo does carry a position

    const stored = await preparePhoto(photo);
    expect(stored.length).toBeLessThanOrEqual(PHOTO_STORED_LIMIT);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(2048);
    expect(meta.width).toBeGreaterThan(meta.height); // still landscape
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('TestPhone'))).toBe(false);
  });

  it('should turn a photo upright by its EXIF orientation before dropping the tag', async () => {
    const tall = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#3366cc' } })
      .withMetadata({ orientation: 6 }) // "rotate 90° to view"
      .jpeg()
      .toBuffer();
    const meta = await sharp(await preparePhoto(tall)).metadata();
    expect([meta.width, meta.height]).toEqual([100, 300]);
    expect(meta.orientation).toBeUndefined();
  });

  it('should keep only the picture of a polyglot (a PNG with a script appended)', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();
    const polyglot = Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]);
    const stored = await preparePhoto(polyglot);
    expect(stored.includes(Buffer.from('<script>'))).toBe(false);
    expect((await sharp(stored).metadata()).format).toBe('jpeg');
  });

  it.each([
    ['text', Buffer.from('not a picture at all')],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')],
    ['a cut-off JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0])],
  ])('should refuse %s as a photo with a 415 naming the field', async (_label, data) => {
    const err = await preparePhoto(data).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ field: 'photo', statusCode: 415 });
  });
});
