/**
 * A provider's report on a send it took (an SMS status callback): the outbox
 * row, found by the provider's id, and its message move forward only, since
 * reports can arrive out of order: sent → delivered | failed, and a failed
 * send that is delivered after all becomes delivered.
 */
import type { Queryable } from '../store/db.js';
import type { ChannelName } from '../core/message.js';

export type ReportedStatus = 'sent' | 'delivered' | 'failed';

const RECORD_STATUS = `
  WITH updated AS (
    UPDATE outbox SET status = $3::"OutboxStatus", last_error = coalesce($4, last_error), updated_at = now()
    WHERE channel = $1 AND provider_id = $2
      AND (status IN ('pending', 'sending', 'sent') OR (status = 'failed' AND $3 = 'delivered'))
      AND status::text <> $3
    RETURNING message_id
  )
  UPDATE message SET status = $3 FROM updated WHERE message.id = updated.message_id
  RETURNING message.id`;

/** Returns whether the report moved a send (false: unknown id, or a report that came late). */
export async function recordDeliveryReport(
  db: Queryable,
  report: { channel: ChannelName; providerId: string; status: ReportedStatus; error: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(RECORD_STATUS, [report.channel, report.providerId, report.status, report.error]);
  return (rowCount ?? 0) > 0;
}
