/**
 * Email threads: which Message-IDs a mail answers (In-Reply-To, References),
 * the case number a subject quotes, and the headers our own mail carries so
 * the resident's reply finds its case again.
 *
 * The worker joins a reply to the case of our mail it references (a receipt,
 * an answer) only when the sender is that case's contact or the address the
 * mail went to: a receipt forwarded to someone else threads nothing, and its
 * new sender opens a case of their own. It joins the case of the sender's own
 * earlier mail, found by keys scoped to the sender (mailKey); a quoted case
 * number counts only for a case of the same sender (src/intake/process.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { OutboxKind } from '../../core/message.js';

/** Longer ids are not real ones, and too long for the database's index (54000). */
const MAX_MESSAGE_ID = 255;

/** A Message-ID we can key on: `<local@domain>`, at most 255 characters; else null (treated as missing). */
export function usableMessageId(id: string | null | undefined): string | null {
  const trimmed = id?.trim();
  return trimmed && trimmed.length <= MAX_MESSAGE_ID && /^<[^<>\s]+@[^<>\s]+>$/.test(trimmed) ? trimmed : null;
}

/**
 * The providerMessageId of a mail: its Message-ID scoped to its sender, so
 * another sender reusing an id is not taken for a duplicate, while the same
 * mail by SMTP and by IMAP (same From, same Message-ID) stays one message.
 */
export function mailKey(messageId: string, senderAddress: string): string {
  return `mid:${createHash('sha256').update(`${senderAddress.toLowerCase()}\n${messageId}`).digest('hex')}`;
}

/** `<a@b> <c@d>` (any mix of strings and lists) → ['<a@b>', '<c@d>'], first mention first, at most 20 usable ones. */
export function messageIds(values: (string | string[] | undefined)[]): string[] {
  const ids = values.flat().flatMap((v) => (v ? (v.match(/<[^<>\s]+>/g) ?? []) : []));
  return [...new Set(ids)].filter((id) => id.length <= MAX_MESSAGE_ID).slice(0, 20);
}

const CASE_NO = /(?:案件编号|案件|编号|case(?:\s*(?:no\.?|number))?)\s*[:：#]?\s*(\d{10,12})(?!\d)/i;

export function caseNoInSubject(subject: string): string | null {
  return CASE_NO.exec(subject)?.[1] ?? null;
}

/** Kinds of send a person writes; every other kind is automatic mail (Auto-Submitted, loop guard). */
export const PERSONAL_KINDS: ReadonlySet<OutboxKind> = new Set<OutboxKind>(['answer', 'resolution']);

/** A fresh Message-ID in our own domain; the sender stores it on the outbox row before sending. */
export function newMessageId(fromAddress: string): string {
  return `<${randomUUID()}@${fromAddress.split('@')[1] ?? 'localhost'}>`;
}

export interface ThreadFacts {
  caseNo: string | null;
  /** The resident's subject (of the mail that opened or last wrote to the case). */
  residentSubject: string | null;
  /** Message-IDs of the case's mail so far, oldest first, the resident's latest last among theirs. */
  earlier: string[];
  /** The resident's latest Message-ID: what this mail answers. */
  answering: string | null;
}

/**
 * Subject, In-Reply-To and References for our mail on a case. Automatic mail
 * (receipts, notices) gets a fixed subject: the From of incoming mail is not
 * authenticated, so echoing its subject would let anyone make us mail their
 * text to any address. Only a person's answer repeats the resident's subject.
 */
export function threadHeaders(f: ThreadFacts, kind: OutboxKind, language: 'zh' | 'en') {
  const automatic = !PERSONAL_KINDS.has(kind);
  const references = f.earlier.slice(-10);
  const threading = { ...(f.answering ? { inReplyTo: f.answering } : {}), ...(references.length ? { references } : {}) };
  if (automatic) {
    const tag = f.caseNo ? `[${language === 'en' ? 'Case' : '案件编号'} ${f.caseNo}] ` : '';
    return { subject: `${tag}${language === 'en' ? 'We have received your message' : '已收到您的来信'}`, ...threading, automatic };
  }
  const base = f.residentSubject?.replace(/^((re|回复|答复|fwd?)\s*[:：]\s*)+/i, '').trim() || (language === 'en' ? 'Your message' : '您的来信');
  const tagged = f.caseNo && !base.includes(f.caseNo) ? `${base} [${language === 'en' ? 'Case' : '案件编号'} ${f.caseNo}]` : base;
  return { subject: `${language === 'en' ? 'Re' : '回复'}: ${tagged}`, ...threading, automatic };
}
