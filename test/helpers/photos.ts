/**
 * Phone-like photos for the web form's tests: a 4000×3000 JPEG of a few MB (a gradient with grain, which
 * compresses like a real picture), carrying EXIF with a GPS position as a phone's camera writes it.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** Where the test photo claims it was taken (Kunming). */
export const PHOTO_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '25/1 2/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '102/1 42/1 0/1' };

export async function phonePhoto(quality = 90): Promise<Buffer> {
  const [w, h] = [4000, 3000];
  const raw = Buffer.alloc(w * h * 3);
  const grain = randomBytes(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const n = grain[y * w + x]! % 64;
      raw[i] = ((x * 255) / w + n) & 255;
      raw[i + 1] = ((y * 255) / h + n) & 255;
      raw[i + 2] = 128 + (n >> 1);
    }
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .withExif({ IFD0: { Make: 'TestPhone', Model: 'T1' }, IFD3: PHOTO_GPS })
    .jpeg({ quality })
    .toBuffer();
}
