/**
 * The lookup code of an anonymous submission: 8 digits derived from the
 * message's own key with the server secret, so a repeated submission gets
 * the same code back and nothing secret is stored with the message.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function accessCode(secret: string, channel: string, providerMessageId: string): string {
  const mac = createHmac('sha256', secret).update(`access-code\u0000${channel}\u0000${providerMessageId}`).digest();
  return String(mac.readUInt32BE(0) % 100_000_000).padStart(8, '0');
}

export function accessCodeMatches(secret: string, channel: string, providerMessageId: string, code: string): boolean {
  const expected = Buffer.from(accessCode(secret, channel, providerMessageId));
  const given = Buffer.from(code.padEnd(8).slice(0, 8));
  return timingSafeEqual(expected, given);
}
