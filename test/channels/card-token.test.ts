import { describe, expect, it } from 'vitest';
import { newNonce, nonceMatches, signCardToken, verifyCardToken } from '../../src/channels/contact-card/token.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';

/** The token with one character of its body or tag changed to another valid one. */
function flip(token: string, at: number): string {
  const c = token[at]!;
  return token.slice(0, at) + (c === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

describe('contact card tokens', () => {
  it('should carry the card id and nonce, signed, in a URL-safe string', () => {
    const nonce = newNonce();
    const token = signCardToken(SECRET, { cardId: 42, nonce });
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    const payload = verifyCardToken(SECRET, token);
    expect(payload?.cardId).toBe(42);
    expect(nonceMatches(nonce, payload!.nonce)).toBe(true);
  });

  it('should give two cards, or one card rotated to a new nonce, unrelated tokens', () => {
    const a = signCardToken(SECRET, { cardId: 1, nonce: newNonce() });
    const b = signCardToken(SECRET, { cardId: 1, nonce: newNonce() });
    expect(a).not.toBe(b);
    expect(nonceMatches(verifyCardToken(SECRET, a)!.nonce, verifyCardToken(SECRET, b)!.nonce)).toBe(false);
  });

  it.each([
    ['a changed card id', (t: string) => flip(t, 3)],
    ['a changed nonce', (t: string) => flip(t, 15)],
    ['a changed tag', (t: string) => flip(t, 30)],
    ['a tag from another token', (t: string) => `${t.split('.')[0]}.${signCardToken(SECRET, { cardId: 7, nonce: newNonce() }).split('.')[1]}`],
    ['no tag', (t: string) => t.split('.')[0]!],
    ['extra characters', (t: string) => `${t}A`],
    // The body's last character carries unused low bits: A→B (Q→R, g→h, w→x) decodes to the same bytes, spelled differently.
    ['a non-canonical spelling', (t: string) => t.slice(0, 21) + ({ A: 'B', Q: 'R', g: 'h', w: 'x' } as Record<string, string>)[t[21]!]! + t.slice(22)],
    ['garbage', () => '../../etc/passwd'],
  ])('should refuse %s', (_what, tamper) => {
    const token = signCardToken(SECRET, { cardId: 9, nonce: newNonce() });
    expect(verifyCardToken(SECRET, tamper(token))).toBeNull();
  });

  it('should refuse a token signed with another secret', () => {
    const token = signCardToken('another-secret-of-at-least-32-characters', { cardId: 9, nonce: newNonce() });
    expect(verifyCardToken(SECRET, token)).toBeNull();
  });
});
