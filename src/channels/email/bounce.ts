/**
 * Bounces: a delivery status notification (RFC 3464) about one of our sends.
 * The send it names (by the original Message-ID, which the outbox keeps as
 * the provider id) moves to failed, the case's timeline records it, and the
 * case's liaison is told: on every chat account they have bound, by mail
 * when they have an address, and always on the timeline. All in one
 * transaction: a bounce is never recorded without its notices.
 *
 * Sample (the parts that count):
 *   Content-Type: multipart/report; report-type=delivery-status; boundary=…
 *   message/delivery-status:  Final-Recipient: rfc822; a@example.cn / Action: failed / Status: 5.1.1
 *   text/rfc822-headers:      Message-ID: <minqing.42.3f…@district.gov.cn>
 */
import type { HeaderValue } from 'mailparser';
import { inTransaction, type Queryable } from '../../store/db.js';
import { queueSend } from '../../outbox/queue.js';
import { queueNotice } from '../../outbox/liaison-notice.js';
import { messageIds } from './threading.js';
import { cutText } from '../../core/clean-text.js';
import { eventSql } from '../../core/case-event.js';
import { channelSql } from '../../core/message.js';

export interface DeliveryReport {
  /** Message-IDs of the mail that failed (from the returned headers). */
  originalMessageIds: string[];
  action: string;
  status: string | null;
  diagnostic: string | null;
}

interface Part {
  contentType: string;
  content: Buffer;
}

/** The report of a DSN, or null when the mail is not one (or reports no failure). */
export function readDeliveryReport(headers: Map<string, HeaderValue>, parts: Part[]): DeliveryReport | null {
  const type = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase() !== 'multipart/report' || type.params?.['report-type']?.toLowerCase() !== 'delivery-status') return null;
  const status = parts.find((p) => /^message\/(global-)?delivery-status$/i.test(p.contentType))?.content.toString('utf8') ?? '';
  const returned = parts.find((p) => /^(text\/rfc822-headers|message\/rfc822|message\/global)$/i.test(p.contentType))?.content.toString('utf8') ?? '';
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(status)?.[1]?.trim() ?? null;
  const action = field('Action')?.toLowerCase() ?? 'failed';
  if (action !== 'failed') return null; // delayed, delivered, relayed: nothing has failed yet
  const header = /^Message-ID:\s*(.+)$/im.exec(returned.split(/\r?\n\r?\n/)[0] ?? '')?.[1];
  return {
    originalMessageIds: messageIds([header, field('Original-Envelope-Id') ?? undefined]),
    action,
    status: field('Status'),
    diagnostic: cutText(field('Diagnostic-Code') ?? '', 300) || null,
  };
}

const MARK_FAILED = `
  WITH failed AS (
    UPDATE outbox SET status = 'failed', last_error = $2, updated_at = now()
    WHERE channel = ${channelSql('email')} AND provider_id = ANY($1) AND status IN ('sent', 'delivered', 'sending', 'pending')
    RETURNING id, message_id, case_id, kind
  ),
  marked AS (UPDATE message m SET status = 'failed' FROM failed WHERE m.id = failed.message_id),
  noted AS (
    INSERT INTO case_event (case_id, type, detail)
    SELECT case_id, ${eventSql('delivery_failed')}, jsonb_build_object('outboxId', id, 'kind', kind, 'channel', ${channelSql('email')}, 'status', $3::text, 'error', $2::text)
    FROM failed WHERE case_id IS NOT NULL
  )
  SELECT failed.id, failed.kind, c.id AS case_id, c.case_no, l.id AS liaison_id, l.email AS liaison_email
  FROM failed LEFT JOIN "case" c ON c.id = failed.case_id LEFT JOIN liaison l ON l.id = c.liaison_id`;

export interface BounceOutcome {
  /** Sends marked failed. */
  failed: number;
  liaisonsNotified: number;
}

export async function recordBounce(db: Queryable, report: DeliveryReport): Promise<BounceOutcome> {
  if (report.originalMessageIds.length === 0) return { failed: 0, liaisonsNotified: 0 };
  return inTransaction(db, (tx) => markFailedAndTell(tx, report));
}

async function markFailedAndTell(tx: Queryable, report: DeliveryReport): Promise<BounceOutcome> {
  const error = `bounce ${report.status ?? ''}${report.diagnostic ? `: ${report.diagnostic}` : ''}`.trim();
  const { rows } = await tx.query<{
    id: number;
    kind: string;
    case_id: number | null;
    case_no: string | null;
    liaison_id: number | null;
    liaison_email: string | null;
  }>(MARK_FAILED, [report.originalMessageIds, error, report.status]);
  let liaisonsNotified = 0;
  for (const row of rows) {
    // A note about a bounced note would only bounce again.
    if (!row.case_id || !row.liaison_id || row.kind === 'liaison_note') continue;
    const body = `案件${row.case_no}：发给居民的邮件（${row.kind}）被退回（${report.status ?? '无状态码'}），请通过其他方式联系居民。`;
    const chats = await queueNotice(tx, row.case_id, row.liaison_id, body, `bounce:${row.id}`);
    const mailed = row.liaison_email
      ? await queueSend(tx, { channel: 'email', to: row.liaison_email, kind: 'liaison_note', caseId: row.case_id, dedupeKey: `bounce:${row.id}`, body })
      : false;
    if (chats > 0 || mailed) {
      liaisonsNotified++;
      await tx.query(`INSERT INTO case_event (case_id, type, detail) VALUES ($1, ${eventSql('liaison_notified')}, $2)`, [
        row.case_id,
        { reason: 'delivery_failed', outboxId: row.id, via: [...(chats > 0 ? ['chat'] : []), ...(mailed ? ['email'] : [])] },
      ]);
    }
  }
  return { failed: rows.length, liaisonsNotified };
}
