/**
 * Outbound mail through nodemailer (SMTP_URL). Each send gets its own
 * Message-ID, stored on the outbox row before it goes out (so a retry sends
 * the same Message-ID, and a reply to it finds the case), In-Reply-To and
 * References to the resident's mail, the case number in the subject, and
 * `Auto-Submitted: auto-replied` unless a person wrote it. The Message-ID is
 * the send's idempotency key: a retry after a timeout carries the same one,
 * and mail systems show the copies as one message. The loop guard
 * stops automatic mail to an address past its hourly limit. Without SMTP_URL
 * the sender is unconfigured and the relay records sends as `sandboxed`.
 */
import nodemailer from 'nodemailer';
import type pg from 'pg';
import type { Config } from '../../config.js';
import { channelSql, kindSql, type ChannelSender, type OutboundMessage, type SendOutcome } from '../../core/message.js';
import { SendError } from '../../core/errors.js';
import { checkLoopGuard } from './auto-reply-guard.js';
import { newMessageId, threadHeaders, type ThreadFacts } from './threading.js';
import { smtpSendError } from './smtp-errors.js';

type Transport = ReturnType<typeof nodemailer.createTransport>;

/** Claims a Message-ID for the row (keeps the one an earlier attempt claimed). */
const CLAIM_MESSAGE_ID = `UPDATE outbox SET provider_id = coalesce(provider_id, $2) WHERE id = $1 RETURNING provider_id`;

/**
 * What the case's mail so far says about threading: the resident's Message-IDs
 * as sent (meta.thread.messageId, or the bare provider id of mail stored before
 * ids were scoped to senders; mail without one has none to answer) and ours.
 */
const THREAD = `
  WITH mail AS (
    SELECT * FROM (
      SELECT m.id AS ord, coalesce(m.meta #>> '{thread,messageId}', CASE WHEN m.provider_message_id LIKE '<%>' THEN m.provider_message_id END) AS mid,
             true AS inbound, m.meta
      FROM message m WHERE m.case_id = $2 AND m.direction = 'in' AND m.channel = 'email'
    ) resident WHERE mid IS NOT NULL
    UNION ALL
    SELECT o.message_id, o.provider_id, false, NULL FROM outbox o
    WHERE o.case_id = $2 AND o.channel = ${channelSql('email')} AND o.provider_id IS NOT NULL AND o.id <> $1 AND o.kind <> ${kindSql('liaison_note')}
  )
  SELECT (SELECT case_no FROM "case" WHERE id = $2) AS case_no,
         coalesce((SELECT array_agg(mid ORDER BY ord) FROM mail), '{}') AS earlier,
         (SELECT mid FROM mail WHERE inbound ORDER BY ord DESC LIMIT 1) AS answering,
         (SELECT meta #>> '{thread,subject}' FROM mail WHERE inbound ORDER BY ord DESC LIMIT 1) AS subject,
         (SELECT meta ->> 'language' FROM mail WHERE inbound ORDER BY ord DESC LIMIT 1) AS language`;

export class EmailSender implements ChannelSender {
  readonly channel = 'email';
  readonly configured: boolean;
  readonly idempotent = true;
  private readonly transport: Transport | null;
  private readonly from: string;
  private readonly fromAddress: string;

  constructor(
    private readonly config: Config,
    private readonly pool: pg.Pool,
  ) {
    this.configured = Boolean(config.SMTP_URL);
    // Every stage of an SMTP exchange ends within the send timeout (nodemailer takes no AbortSignal).
    const t = config.OUTBOX_SEND_TIMEOUT_MS;
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: t, greetingTimeout: t, socketTimeout: t, dnsTimeout: t })
      : null;
    this.from = config.EMAIL_FROM ?? config.EMAIL_MAILBOXES[0]!;
    this.fromAddress = /<([^>]+)>/.exec(this.from)?.[1] ?? this.from;
  }

  async send(message: OutboundMessage): Promise<SendOutcome> {
    if (!message.to) throw new SendError('no email address to send to', false);
    await checkLoopGuard(this.pool, message.to, message.kind, message.outboxId, this.config.EMAIL_AUTO_REPLY_MAX_PER_HOUR);
    const { rows } = await this.pool.query<{ provider_id: string }>(CLAIM_MESSAGE_ID, [message.outboxId, newMessageId(this.fromAddress)]);
    const messageId = rows[0]!.provider_id;
    const headers = await this.headersFor(message);
    try {
      await this.transport!.sendMail({
        from: this.from,
        to: message.to,
        subject: headers.subject,
        text: message.body,
        messageId,
        ...(headers.inReplyTo ? { inReplyTo: headers.inReplyTo } : {}),
        ...(headers.references ? { references: headers.references } : {}),
        headers: headers.automatic ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {},
      });
    } catch (err) {
      throw smtpSendError(err as { code?: string; responseCode?: number; message?: string });
    }
    return { status: 'sent', providerId: messageId };
  }

  private async headersFor(message: OutboundMessage) {
    const caseId = await this.caseOf(message.outboxId);
    if (message.kind === 'liaison_note' || caseId === null) {
      const subject = message.caseNo ? `[案件编号 ${message.caseNo}] 民意信箱通知` : '民意信箱通知';
      return { subject, automatic: true, inReplyTo: undefined, references: undefined };
    }
    const { rows } = await this.pool.query<{ case_no: string; earlier: string[]; answering: string | null; subject: string | null; language: string | null }>(
      THREAD,
      [message.outboxId, caseId],
    );
    const r = rows[0]!;
    const facts: ThreadFacts = { caseNo: r.case_no, residentSubject: r.subject, earlier: r.earlier, answering: r.answering };
    return threadHeaders(facts, message.kind, r.language === 'en' ? 'en' : 'zh');
  }

  private async caseOf(outboxId: number): Promise<number | null> {
    const { rows } = await this.pool.query<{ case_id: number | null }>('SELECT case_id FROM outbox WHERE id = $1', [outboxId]);
    return rows[0]?.case_id ?? null;
  }
}
