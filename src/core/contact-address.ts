/**
 * Residents' addresses in one canonical form, so the same phone typed two ways
 * is one identity, and masked forms for staff who must not see them whole.
 */

/** Mainland mobile numbers with or without +86, or any E.164 number. */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s\-()]/g, '');
  const cn = compact.match(/^(?:\+?86)?(1[3-9]\d{9})$/);
  if (cn) return `+86${cn[1]}`;
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  return null;
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/** `+8613812341234` → `138****1234`: what liaisons and logs may show. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+86/, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** `zhang.san@example.com` → `z***@example.com`. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** How staff see who wrote: the phone masked, else the email masked, else 匿名. */
export function maskedSender(identities: readonly { kind: string; address: string }[]): string {
  const phone = identities.find((i) => i.kind === 'phone')?.address;
  const email = identities.find((i) => i.kind === 'email')?.address;
  return phone ? maskPhone(phone) : email ? maskEmail(email) : '匿名';
}
