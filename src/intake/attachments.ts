/**
 * Attachments are stored under generated names in DATA_DIR/attachments, never
 * in a served folder, and only for allow-listed types recognised by their
 * first bytes (a file's own claim of its type is not trusted).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentMeta } from '../core/message.js';
import { InputError } from '../core/errors.js';
import { cutText } from '../core/clean-text.js';

const SIGNATURES: ReadonlyArray<{ type: string; ext: string; test: (b: Buffer) => boolean }> = [
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/gif', ext: 'gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { type: 'image/webp', ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', ext: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** The names `save` gives files: a UUID and an extension. */
export const STORED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;

/** The image type the bytes themselves show (JPEG, PNG, GIF, WebP), whatever was stored with them; null for anything else. */
export function sniffImage(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.type.startsWith('image/') && s.test(data))?.type ?? null;
}

/** What the web form takes: photos. */
export const IMAGES = { types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'], label: 'JPEG, PNG, GIF and WebP images' } as const;
/** What mail may carry besides: PDF documents. */
export const IMAGES_AND_PDF = { types: [...IMAGES.types, 'application/pdf'], label: 'JPEG, PNG, GIF and WebP images and PDF documents' } as const;

export class AttachmentStore {
  constructor(
    private readonly dir: string,
    private readonly allowed: { types: readonly string[]; label: string } = IMAGES,
  ) {}

  /** Checks the file before anything is written; throws InputError naming `field`. */
  async save(field: string, data: Buffer, originalName?: string): Promise<AttachmentMeta> {
    if (data.length === 0) throw new InputError(field, 'the file is empty');
    const kind = SIGNATURES.find((s) => this.allowed.types.includes(s.type) && s.test(data));
    if (!kind) throw new InputError(field, `only ${this.allowed.label} are accepted`, 415, 'unsupported_media_type');
    const id = `${randomUUID()}.${kind.ext}`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, id), data, { flag: 'wx' });
    return {
      id,
      contentType: kind.type,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      ...(originalName ? { originalName: cutText(originalName, 200) } : {}),
    };
  }

  /** A stored file's bytes, or null when there is none (ids are the generated names only: no path can be named). */
  async read(id: string): Promise<Buffer | null> {
    if (!STORED_ID.test(id)) return null;
    return readFile(join(this.dir, id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
  }

  /** Deletes saved files no message refers to (a duplicate submission's, or one whose message was not stored). */
  async remove(attachments: readonly AttachmentMeta[]): Promise<void> {
    await Promise.all(attachments.map((a) => rm(join(this.dir, a.id), { force: true })));
  }
}
