/**
 * What follows a send that finally failed (or whose outcome is unknown): a
 * `send_failed` event on the case's timeline (kind, channel, outcome; no
 * address, no text), and for a failed receipt one fallback to the resident's
 * other channel (SMS ↔ email, from the contact's other addresses), recorded
 * as `receipt_fallback`. The fallback is a new outbox row with its own dedupe
 * key, so it happens at most once per case.
 */
import type { Queryable } from '../store/db.js';
import { eventSql } from '../core/case-event.js';
import { kindSql } from '../core/message.js';

const FAILED = `
  WITH f AS MATERIALIZED (
    SELECT o.id, o.case_id, o.kind, o.channel, o.status::text AS outcome, o.attempts, o.rate_limits, o.message_id
    FROM outbox o WHERE o.id = ANY($1::int[]) AND o.case_id IS NOT NULL
  ),
  noted AS (
    INSERT INTO case_event (case_id, type, detail)
    SELECT case_id, ${eventSql('send_failed')},
           jsonb_build_object('outboxId', id, 'kind', kind, 'channel', channel, 'outcome', outcome, 'attempts', attempts, 'rateLimits', rate_limits)
    FROM f
  ),
  other AS MATERIALIZED (
    SELECT DISTINCT ON (f.id) f.id AS failed_id, f.case_id, f.channel AS failed_channel, alt.channel, ci.address, m.body, c.contact_id,
           nextval(pg_get_serial_sequence('message', 'id'))::int AS message_id
    FROM f
    JOIN "case" c ON c.id = f.case_id
    JOIN message m ON m.id = f.message_id
    JOIN channel_identity ci ON ci.contact_id = c.contact_id
    CROSS JOIN LATERAL (SELECT CASE ci.kind WHEN 'phone' THEN 'sms' WHEN 'email' THEN 'email' END AS channel) alt
    WHERE f.kind = ${kindSql('receipt')} AND f.outcome = 'failed' AND alt.channel IS NOT NULL AND alt.channel <> f.channel
      AND NOT (alt.channel = 'sms' AND EXISTS (SELECT 1 FROM sms_opt_out s WHERE s.address = ci.address))
    ORDER BY f.id, ci.id DESC
  ),
  box AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT message_id, case_id, ${kindSql('receipt')}, 'receipt_fallback:' || case_id, channel, address FROM other
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING message_id
  ),
  sent AS (
    INSERT INTO message (id, direction, channel, case_id, contact_id, body, status)
    SELECT other.message_id, 'out', other.channel, other.case_id, other.contact_id, other.body, 'pending'
    FROM other JOIN box USING (message_id)
    RETURNING case_id, channel
  )
  INSERT INTO case_event (case_id, type, detail)
  SELECT other.case_id, ${eventSql('receipt_fallback')}, jsonb_build_object('failedOutboxId', other.failed_id, 'from', other.failed_channel, 'to', other.channel)
  FROM other JOIN box USING (message_id)
  RETURNING case_id`;

/** Records the timeline events and fallbacks of sends that just ended failed or unknown; returns how many fallbacks were queued. */
export async function afterFinalFailure(db: Queryable, outboxIds: number[]): Promise<number> {
  if (outboxIds.length === 0) return 0;
  const { rowCount } = await db.query(FAILED, [outboxIds]);
  return rowCount ?? 0;
}
