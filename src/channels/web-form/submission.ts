/**
 * The information window's submission, the same for JSON, urlencoded and
 * multipart posts, and its translation into the one normalized message.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Identity, InboundMessage, AttachmentMeta } from '../../core/message.js';
import { normalizeEmail, normalizePhone } from '../../core/contact-address.js';
import { cleanText } from '../../core/clean-text.js';

/** Forms send "" for fields left empty: treat them as absent. */
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

/** Numbers arrive as strings from urlencoded and multipart forms. */
const optionalNumber = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v), z.number().min(min).max(max).optional());

export const WebSubmission = z
  .object({
    text: z
      .string({ error: 'text is required' })
      .trim()
      .min(1, 'text is required')
      .max(5000, 'text is longer than 5000 characters')
      // Only NULs or halves of surrogate pairs: nothing would be left once cleaned for storing.
      .refine((t) => cleanText(t).trim().length > 0, 'text is required'),
    name: optionalText(100),
    phone: optionalText(32).refine((v) => v === undefined || normalizePhone(v) !== null, 'not a valid phone number'),
    email: optionalText(254).pipe(z.email('not a valid email address').optional()),
    zoneCode: optionalText(64),
    /** A location the resident shared (WGS-84), both or neither. */
    lat: optionalNumber(-90, 90),
    lng: optionalNumber(-180, 180),
    replyVia: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['sms', 'email', 'web']).optional()),
    lang: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['zh', 'en']).default('zh')),
    /** The form's hidden double-submit key; the `Idempotency-Key` header wins. */
    idempotencyKey: optionalText(128),
    // A form post without a chosen file still sends an empty part.
    photo: z
      .preprocess((v) => (Buffer.isBuffer(v) && v.length === 0 ? undefined : v), z.instanceof(Buffer).optional())
      .meta({ type: 'string', format: 'binary', description: 'multipart only' }),
  })
  .superRefine((s, ctx) => {
    if (s.replyVia === 'sms' && !s.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'a phone number is needed for SMS replies' });
    if ((s.lat === undefined) !== (s.lng === undefined))
      ctx.addIssue({ code: 'custom', path: [s.lat === undefined ? 'lat' : 'lng'], message: 'a location needs both lat and lng' });
    if (s.replyVia === 'email' && !s.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'an email address is needed for email replies' });
  });
export type WebSubmission = z.infer<typeof WebSubmission>;

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export function toInboundMessage(
  s: WebSubmission,
  providerMessageId: string,
  attachments: AttachmentMeta[],
  /** The information window's own channel and zone picker by default; a contact card passes its own. */
  source: Pick<InboundMessage, 'channel' | 'hints'> = { channel: 'web', hints: s.zoneCode ? { zoneCode: s.zoneCode } : {} },
): InboundMessage {
  const phone = s.phone ? normalizePhone(s.phone)! : undefined;
  const email = s.email ? normalizeEmail(s.email) : undefined;
  const identities: Identity[] = [];
  if (phone) identities.push({ kind: 'phone', address: phone });
  if (email) identities.push({ kind: 'email', address: email });

  const replyVia = s.replyVia ?? (email ? 'email' : phone ? 'sms' : 'web');
  const replyAddress = replyVia === 'sms' ? phone : replyVia === 'email' ? email : undefined;
  return {
    channel: source.channel,
    providerMessageId,
    text: s.text,
    sender: { ...(s.name ? { name: s.name } : {}), identities },
    attachments,
    hints: { ...source.hints, ...(s.lat !== undefined && s.lng !== undefined ? { location: { lat: s.lat, lng: s.lng } } : {}) },
    replyTo: { channel: replyVia, ...(replyAddress ? { address: replyAddress } : {}) },
    language: s.lang,
    threading: 'new-case',
    receivedAt: new Date().toISOString(),
  };
}

/**
 * What a submission says, as a hash stored with its message: a replayed Idempotency-Key is the
 * same submission only when this matches (Stripe's rule). Normalized as parsed (trimmed, empty
 * fields absent); the photo counts by its bytes; the form's language and key do not count.
 */
export function submissionFingerprint(s: WebSubmission, hints: InboundMessage['hints']): string {
  const { photo, lang: _lang, idempotencyKey: _key, ...fields } = s;
  const canonical = Object.entries({ ...fields, hints, photo: photo ? createHash('sha256').update(photo).digest('hex') : undefined })
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
