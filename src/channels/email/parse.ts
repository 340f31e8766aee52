/**
 * One parser for mail from the SMTP listener and the IMAP poller: MIME by
 * mailparser after the charset fixes (charsets.ts), HTML sanitized
 * (sanitize.ts), threading headers, whether a machine sent it, and a DSN's
 * report when it is a bounce. Provider shapes stop here: callers get a
 * ParsedEmail.
 */
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import { normalizeEmail } from '../../core/contact-address.js';
import { normalizeCharsets } from './charsets.js';
import { htmlToPlainText, sanitizeEmailHtml } from './sanitize.js';
import { automaticReason } from './auto-reply-guard.js';
import { readDeliveryReport, type DeliveryReport } from './bounce.js';
import { caseNoInSubject, messageIds, usableMessageId } from './threading.js';
import { cutText } from '../../core/clean-text.js';
import { headerText } from './header-text.js';

export interface EmailAttachment {
  filename?: string;
  contentType: string;
  content: Buffer;
}

export interface ParsedEmail {
  /** `<id@host>` as sent, or null when the mail has none (or one too long or misshapen to key on). */
  messageId: string | null;
  from: { address: string; name?: string } | null;
  /** Every address in To, Cc and Delivered-To (lower case). */
  recipients: string[];
  subject: string;
  text: string;
  /** Sanitized; null for plain-text mail. */
  html: string | null;
  /** In-Reply-To then References, without repeats. */
  references: string[];
  caseNo: string | null;
  /** Why no automatic answer may go back (auto-reply, list mail, bounce), or null. */
  automatic: string | null;
  /**
   * Sent from the null return path (MAIL FROM:<>, or Return-Path: <>) or a
   * delivery report of any kind: machine mail about mail, never a resident's letter.
   */
  fromNullSender: boolean;
  /** A delivery status notification about one of our sends. */
  deliveryReport: DeliveryReport | null;
  attachments: EmailAttachment[];
}

export interface Envelope {
  /** The SMTP MAIL FROM ('' for the null return path of bounces); undefined when not known (IMAP). */
  mailFrom?: string;
}

/** Text fields are capped: the mailbox takes letters, not archives. */
const MAX_TEXT_CHARS = 100_000;

export async function parseEmail(raw: Buffer, envelope: Envelope = {}): Promise<ParsedEmail> {
  const mail = await simpleParser(normalizeCharsets(raw), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    keepDeliveryStatus: true,
    maxHtmlLengthToParse: 2 * MAX_TEXT_CHARS,
  });
  // Cut, then sanitized again: a cut in the middle of a tag leaves no half-open tag behind.
  const html = typeof mail.html === 'string' && mail.html.trim() ? sanitizeEmailHtml(cutText(sanitizeEmailHtml(mail.html), 2 * MAX_TEXT_CHARS)) : null;
  const plain = mail.text?.trim() ? mail.text : html ? htmlToPlainText(html) : '';
  const returnPath = envelope.mailFrom ?? returnPathOf(mail.headers.get('return-path'));
  const from = firstAddress(mail.from);
  const subject = (mail.subject ?? '').trim();
  return {
    messageId: usableMessageId(mail.messageId),
    from,
    recipients: [...new Set([...addresses(mail.to), ...addresses(mail.cc), ...deliveredTo(mail.headerLines)])],
    subject,
    text: cutText(plain.replace(/\r\n?/g, '\n').trim(), MAX_TEXT_CHARS),
    html,
    references: messageIds([mail.inReplyTo, mail.references]),
    caseNo: caseNoInSubject(subject),
    automatic: automaticReason(mail.headers, returnPath),
    fromNullSender: returnPath === '' || /^multipart\/report$/i.test((mail.headers.get('content-type') as { value?: string } | undefined)?.value ?? ''),
    deliveryReport: readDeliveryReport(mail.headers, mail.attachments),
    attachments: mail.attachments
      .filter((a) => !/^(message\/delivery-status|text\/rfc822-headers|message\/rfc822)$/i.test(a.contentType))
      .map((a) => ({ ...(a.filename ? { filename: a.filename } : {}), contentType: a.contentType, content: a.content })),
  };
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): ParsedEmail['from'] {
  const first = [value ?? []]
    .flat()
    .flatMap((a) => a.value)
    .find((a) => a.address && a.address.includes('@'));
  if (!first?.address) return null;
  return { address: normalizeEmail(first.address), ...(first.name?.trim() ? { name: first.name.trim() } : {}) };
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((a) => a.value)
    .flatMap((a) => (a.address ? [normalizeEmail(a.address)] : []));
}

function deliveredTo(lines: readonly { key: string; line: string }[]): string[] {
  return lines.filter((l) => l.key === 'delivered-to').map((l) => normalizeEmail(l.line.replace(/^[^:]*:\s*/, '').replace(/[<>]/g, '')));
}

/** `<>` is the null return path of bounces; a missing header is unknown (undefined). */
function returnPathOf(value: HeaderValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return headerText(value).replace(/[<>\s]/g, '');
}
