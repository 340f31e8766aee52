/**
 * A resident's photo as it is stored: decoded, turned upright, scaled down to fit PHOTO_MAX_SIDE and
 * re-encoded as a JPEG. Phones send 3–12 MB pictures; what is kept stays under the stored limit.
 * Re-encoding keeps only pixels: EXIF (GPS position, device, time) and anything appended to the file
 * (a polyglot's second meaning) are gone.
 */
import sharp from 'sharp';
import { InputError } from '../../core/errors.js';

/** What the form's photo field takes on the wire (route config multipartOptions). */
export const PHOTO_UPLOAD_LIMIT = 15 * 1024 * 1024;
/** What is stored of one photo at most. */
export const PHOTO_STORED_LIMIT = 1024 * 1024;
const PHOTO_MAX_SIDE = 2048;
/** A decompression bomb (a tiny file claiming a huge picture) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 120_000_000;

export const PHOTO_TOO_LARGE = 'the photo is larger than 15 MB';
export const NOT_A_PHOTO = 'only JPEG, PNG, GIF and WebP images are accepted';

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'gif', 'webp']);

/** The stored JPEG, or an InputError naming `photo` for what is not a picture we take. */
export async function preparePhoto(data: Buffer): Promise<Buffer> {
  let format: string | undefined;
  try {
    format = (await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw new InputError('photo', NOT_A_PHOTO, 415, 'unsupported_media_type');
  // Smaller and plainer until it fits: a 2048 px JPEG of a phone photo is ~0.5 MB, noisy ones need another step.
  for (const [side, quality] of [
    [PHOTO_MAX_SIDE, 82],
    [1600, 75],
    [1280, 70],
    [1024, 60],
  ] as const) {
    const out = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate() // upright by its EXIF orientation, before the orientation tag is dropped with the rest
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' }) // PNG/WebP transparency on white, as JPEG has none
      .jpeg({ quality, mozjpeg: true })
      .toBuffer()
      .catch(() => {
        throw new InputError('photo', NOT_A_PHOTO, 415, 'unsupported_media_type');
      });
    if (out.length <= PHOTO_STORED_LIMIT) return out;
  }
  throw new InputError('photo', 'the photo is too detailed to store; please choose another', 413, 'payload_too_large');
}
