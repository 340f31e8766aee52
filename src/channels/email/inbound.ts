/**
 * Mail in, from either door (the SMTP listener or the IMAP poller): parse,
 * hand a bounce to bounce.ts, keep allowed attachments, and store the rest
 * as one normalized message through the Acceptor. The Message-ID with the
 * sender's address is the idempotency key (mailKey), so the same mail twice
 * (a client's retry, or the same mail by SMTP and by IMAP) is one message.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { AttachmentMeta, InboundMessage } from '../../core/message.js';
import type { Acceptor } from '../../intake/accept.js';
import type { AttachmentStore } from '../../intake/attachments.js';
import type { Catalog } from '../../catalog/catalog.js';
import { InputError } from '../../core/errors.js';
import { mailNotForCases } from '../../core/metrics.js';
import { parseEmail, type EmailAttachment, type Envelope, type ParsedEmail } from './parse.js';
import type { MailParser } from './parse-pool.js';
import { recordBounce } from './bounce.js';
import { mailKey, usableMessageId } from './threading.js';
import { normalizeEmail } from '../../core/contact-address.js';
import { cutText } from '../../core/clean-text.js';

export interface MailIntakeDeps {
  pool: pg.Pool;
  acceptor: Acceptor;
  attachments: AttachmentStore;
  catalog: Catalog;
  log: Logger;
  limits: { attachmentMaxBytes: number; attachmentMaxCount: number };
  /** How mail is parsed (default: in place); the channel hands in its pool, which parses large mail in worker threads. */
  parse?: MailParser;
}

export type IntakeOutcome =
  | { kind: 'accepted'; messageId: number; duplicate: boolean }
  /** A bounce or other mail from the null sender: recorded, no case (failed: sends it marked failed). */
  | { kind: 'bounce'; failed: number }
  /** Permanently refused: an SMTP 5xx with this text; nothing stored. */
  | { kind: 'refused'; code: number; reason: string };

export class MailIntake {
  constructor(private readonly deps: MailIntakeDeps) {}

  /** Rejects with UnavailableError when the message could not be stored (answer 451). */
  async take(raw: Buffer, envelope: Envelope & { rcptTo?: string[] }): Promise<IntakeOutcome> {
    let mail: ParsedEmail;
    try {
      mail = await (this.deps.parse ?? parseEmail)(raw, envelope);
    } catch (err) {
      this.deps.log.warn({ err: (err as Error).message }, 'unparseable mail refused');
      return { kind: 'refused', code: 554, reason: '5.6.0 the message could not be parsed' };
    }
    if (mail.deliveryReport) {
      const outcome = await recordBounce(this.deps.pool, mail.deliveryReport);
      this.deps.log.info({ failed: outcome.failed, liaisonsNotified: outcome.liaisonsNotified, status: mail.deliveryReport.status }, 'bounce recorded');
      return { kind: 'bounce', failed: outcome.failed };
    }
    if (mail.fromNullSender) {
      // Delay and relay notices, reports and non-standard bounces: counted and logged (no addresses), never a case.
      mailNotForCases.inc({ kind: mail.automatic ?? 'null sender' });
      this.deps.log.info({ automatic: mail.automatic }, 'mail from the null sender recorded; no case opened');
      return { kind: 'bounce', failed: 0 };
    }
    if (!mail.from) return { kind: 'refused', code: 550, reason: '5.6.0 the message has no From address' };

    const recipients = envelope.rcptTo?.length ? envelope.rcptTo : mail.recipients;
    const catalog = await this.deps.catalog.get();
    const mailbox = recipients.find((r) => catalog.zonesByEmail.has(r));
    const message = toInboundMessage(mail, raw, mailbox, await this.keepAttachments(mail.attachments));
    const accepted = await this.deps.acceptor.accept(message, { reserveCaseNo: false });
    return { kind: 'accepted', messageId: accepted.messageId, duplicate: accepted.duplicate };
  }

  /**
   * A stand-in for mail too large to fetch (IMAP): who sent how many bytes, no
   * body, and no receipt (it is marked automatic), so a person sees it and
   * opens it in the mailbox itself.
   */
  async takeOversized(facts: { from: string | null; name: string | null; messageId: string | null; size: number }): Promise<IntakeOutcome> {
    const from = facts.from?.includes('@') ? normalizeEmail(facts.from) : null;
    const id = usableMessageId(facts.messageId);
    const text = `一封来自 ${from ?? '未知发件人'} 的邮件（${facts.size} 字节）超过大小限制，未收取正文，请到邮箱中查看。`;
    const message: InboundMessage = {
      channel: 'email',
      providerMessageId: id && from ? mailKey(id, from) : `oversized:${createHash('sha256').update(`${from}\n${id}\n${facts.size}`).digest('hex')}`,
      text,
      sender: { identities: from ? [{ kind: 'email', address: from }] : [], ...(facts.name?.trim() ? { name: facts.name.trim() } : {}) },
      attachments: [],
      hints: {},
      thread: { references: [], ...(id ? { messageId: id } : {}) },
      automatic: 'too large to take',
      replyTo: { channel: 'email', ...(from ? { address: from } : {}) },
      language: 'zh',
      threading: 'new-case',
      receivedAt: new Date().toISOString(),
    };
    const accepted = await this.deps.acceptor.accept(message, { reserveCaseNo: false });
    return { kind: 'accepted', messageId: accepted.messageId, duplicate: accepted.duplicate };
  }

  /** Allowed types within the limits are stored; the others are listed with the reason and dropped. */
  private async keepAttachments(files: EmailAttachment[]): Promise<AttachmentMeta[]> {
    const { attachmentMaxBytes, attachmentMaxCount } = this.deps.limits;
    const kept: AttachmentMeta[] = [];
    for (const [n, file] of files.entries()) {
      const listed = {
        id: `refused-${n + 1}`,
        contentType: file.contentType,
        size: file.content.length,
        ...(file.filename ? { originalName: cutText(file.filename, 200) } : {}),
      };
      if (n >= attachmentMaxCount) kept.push({ ...listed, rejected: `more than ${attachmentMaxCount} attachments` });
      else if (file.content.length > attachmentMaxBytes) kept.push({ ...listed, rejected: `larger than ${attachmentMaxBytes} bytes` });
      else {
        try {
          kept.push(await this.deps.attachments.save(`attachments.${n}`, file.content, file.filename));
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          kept.push({ ...listed, rejected: err.message });
        }
      }
    }
    return kept;
  }
}

export function toInboundMessage(mail: ParsedEmail, raw: Buffer, mailbox: string | undefined, attachments: AttachmentMeta[]): InboundMessage {
  const from = mail.from!;
  const isReply = mail.references.length > 0 || mail.caseNo !== null;
  // A new letter's subject often says what it is about; a reply's says only that it is one.
  const text = !isReply && mail.subject && !mail.text.includes(mail.subject) ? `${mail.subject}\n${mail.text}`.trim() : mail.text || mail.subject;
  return {
    channel: 'email',
    // Mail without a (usable) Message-ID is identified by its content.
    providerMessageId: mail.messageId ? mailKey(mail.messageId, from.address) : `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    text,
    sender: { identities: [{ kind: 'email', address: from.address }], ...(from.name ? { name: from.name } : {}) },
    attachments,
    hints: mailbox ? { mailbox } : {},
    thread: {
      references: mail.references,
      // The sender's own earlier mail is found only under their own address: no one joins another's case by quoting its ids.
      ownKeys: mail.references.map((id) => mailKey(id, from.address)),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      ...(mail.caseNo ? { caseNo: mail.caseNo } : {}),
      ...(mail.subject ? { subject: cutText(mail.subject, 300) } : {}),
    },
    ...(mail.automatic ? { automatic: mail.automatic } : {}),
    ...(mail.html ? { html: mail.html } : {}),
    replyTo: { channel: 'email', address: from.address },
    language: /[\u4e00-\u9fff]/.test(text) || !/[a-z]/i.test(text) ? 'zh' : 'en',
    threading: 'new-case',
    receivedAt: new Date().toISOString(),
  };
}
