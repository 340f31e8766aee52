/**
 * A contact card's token: what its QR code carries after `/c/`.
 *
 *   base64url(card id, 4 bytes BE ‖ nonce, 12 bytes) "." base64url(HMAC-SHA256(secret, payload)[0..16])
 *   e.g. AAAAKo3vF0c1d2Lq9xk1Ag.5fS0m2tM1yQmG8lq7b3e2A
 *
 * The tag makes a token unforgeable without the server secret, so a guessed or
 * altered token is refused before any lookup; the nonce (stored with the card)
 * makes a rotated card's old token useless even though the tag is still valid.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const PAYLOAD_BYTES = 4 + NONCE_BYTES;
const TOKEN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

export interface CardTokenPayload {
  cardId: number;
  nonce: Buffer;
}

export function newNonce(): Buffer {
  return randomBytes(NONCE_BYTES);
}

function tag(secret: string, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update('contact-card\u0000').update(payload).digest().subarray(0, TAG_BYTES);
}

export function signCardToken(secret: string, { cardId, nonce }: CardTokenPayload): string {
  if (!Number.isInteger(cardId) || cardId < 1 || cardId > 0xffff_ffff) throw new RangeError(`card id out of range: ${cardId}`);
  if (nonce.length !== NONCE_BYTES) throw new RangeError(`a nonce has ${NONCE_BYTES} bytes`);
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt32BE(cardId, 0);
  nonce.copy(payload, 4);
  return `${payload.toString('base64url')}.${tag(secret, payload).toString('base64url')}`;
}

/** The card id and nonce of a token this server signed; null for anything else (malformed, tampered). */
export function verifyCardToken(secret: string, token: string): CardTokenPayload | null {
  if (!TOKEN.test(token)) return null;
  const [body, mac] = token.split('.') as [string, string];
  const payload = Buffer.from(body, 'base64url');
  const given = Buffer.from(mac, 'base64url');
  // 22 base64url characters can carry stray low bits: only the canonical spelling is the token.
  if (payload.length !== PAYLOAD_BYTES || given.length !== TAG_BYTES || payload.toString('base64url') !== body || given.toString('base64url') !== mac)
    return null;
  if (!timingSafeEqual(tag(secret, payload), given)) return null;
  const cardId = payload.readUInt32BE(0);
  return cardId === 0 ? null : { cardId, nonce: payload.subarray(4) };
}

/** Whether a verified token's nonce is the card's current one (constant time). */
export function nonceMatches(stored: Buffer, given: Buffer): boolean {
  return stored.length === given.length && timingSafeEqual(stored, given);
}
