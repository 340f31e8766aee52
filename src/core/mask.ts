/**
 * Masking what a resident typed into their text before a liaison sees it:
 * mainland mobile numbers (spaces, dashes and +86 allowed), landlines with an
 * area code, resident ID card numbers (18 characters, X last) and email
 * addresses. Case numbers (10–16 digits starting with the year) are left
 * alone: digit runs are matched whole, so no pattern fires inside a longer one.
 * Staff with the admin API still read the original; only liaison-facing
 * texts (notices, alerts, `查看`) go through here.
 */
import { maskEmail } from './contact-address.js';

/** A digit run's edges: not preceded or followed by another digit (or an ID's trailing X). */
const MOBILE = String.raw`(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}`;
const LANDLINE = String.raw`\(?0\d{2,3}\)?[\s-]?[2-9]\d{2,3}[\s-]?\d{4}`;
const ID_CARD = String.raw`[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]`;
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;

const SENSITIVE = new RegExp(`(?<email>${EMAIL})|(?<![\\d+])(?:(?<id>${ID_CARD})|(?<mobile>${MOBILE})|(?<landline>${LANDLINE}))(?![\\dXx])`, 'gu');

function keepEnds(found: string, head: number, tail: number): string {
  const digits = found.replace(/[^\dXx]/g, '');
  return `${digits.slice(0, head)}${'*'.repeat(Math.max(4, digits.length - head - tail))}${digits.slice(-tail)}`;
}

/** The text with phone numbers, ID card numbers and email addresses masked (`138****5678`, `z***@example.com`). */
export function maskText(text: string): string {
  return text.replace(SENSITIVE, (found, ...args) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    if (groups.email) return maskEmail(found);
    if (groups.id) return keepEnds(found, 4, 4);
    if (groups.mobile) return keepEnds(found.replace(/^\+?86[\s-]?/, ''), 3, 4);
    // A landline: the area code stays (it says only where), the number is hidden but its last digits.
    const area = /^\(?(0\d{2,3})\)?/.exec(found)![1]!;
    const rest = found.replace(/^\(?0\d{2,3}\)?[\s-]?/, '').replace(/\D/g, '');
    return `${area}-${'*'.repeat(rest.length - 4)}${rest.slice(-4)}`;
  });
}
