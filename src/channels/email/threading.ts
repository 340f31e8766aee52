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

/** What each kind of mail is, as its subject says (after the case number). */
const SUBJECTS: Record<OutboxKind, { zh: string; en: string }> = {
  receipt: { zh: '已收到您的来信', en: 'We have received your message' },
  help: { zh: '如何通过民意信箱反映问题', en: 'How to write to us' },
  chat_answer: { zh: '对您咨询的答复', en: 'Answer to your question' },
  survey: { zh: '请您评价办理情况', en: 'Please rate how we handled your case' },
  survey_thanks: { zh: '感谢您的评价', en: 'Thank you for your rating' },
  knowledge_confirmed: { zh: '您的问题已办结', en: 'Your case is closed' },
  knowledge_handover: { zh: '您的问题已转交工作人员办理', en: 'Your case has been passed to our staff' },
  answer: { zh: '对您来信的答复', en: 'Our answer to your message' },
  resolution: { zh: '办理结果', en: 'The result of your case' },
  liaison_notice: { zh: '新案件通知', en: 'New case' },
  liaison_note: { zh: '民意信箱通知', en: 'Mailbox notice' },
  liaison_answer: { zh: '案件答复通知', en: 'Case answered' },
  urgent_alert: { zh: '紧急案件提醒', en: 'Urgent case' },
};

/**
 * Subject, In-Reply-To and References for our mail on a case. Every subject says what the mail is (receipt,
 * answer, result, survey…) after the case number. Automatic mail never repeats the resident's subject: the
 * From of incoming mail is not authenticated, so echoing it would let anyone make us mail their text to any
 * address. Only a person's answer repeats it (the thread in the resident's mail program), and a result adds
 * it after what the mail is.
 */
export function threadHeaders(f: ThreadFacts, kind: OutboxKind, language: 'zh' | 'en') {
  const automatic = !PERSONAL_KINDS.has(kind);
  const references = f.earlier.slice(-10);
  const threading = { ...(f.answering ? { inReplyTo: f.answering } : {}), ...(references.length ? { references } : {}) };
  const what = SUBJECTS[kind][language];
  const tag = f.caseNo ? `[${language === 'en' ? 'Case' : '案件编号'} ${f.caseNo}] ` : '';
  const base = automatic ? '' : (f.residentSubject?.replace(/^((re|回复|答复|fwd?)\s*[:：]\s*)+/i, '').trim() ?? '');
  if (kind === 'answer' && base) {
    const tagged = f.caseNo && !base.includes(f.caseNo) ? `${base} [${language === 'en' ? 'Case' : '案件编号'} ${f.caseNo}]` : base;
    return { subject: `${language === 'en' ? 'Re' : '回复'}: ${tagged}`, ...threading, automatic };
  }
  const topic = base.replace(/\s*\[(?:案件编号|Case) \d+\]\s*/g, ' ').trim();
  const about = topic ? `${language === 'en' ? ': ' : '：'}${topic}` : '';
  return { subject: `${tag}${what}${about}`, ...threading, automatic };
}
