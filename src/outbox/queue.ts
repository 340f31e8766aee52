/**
 * Queue outbound sends (receipts, help texts, replies, reminders): each
 * outbound message and its outbox row in one statement. The dedupe key makes
 * a rerun queue nothing new.
 */
import type { ChannelName, OutboxKind } from '../core/message.js';
import type { Queryable } from '../store/db.js';

export interface SendRequest {
  channel: ChannelName;
  /** null: no address (a web-form resident reads it in the lookup). */
  to: string | null;
  body: string;
  kind: OutboxKind;
  /** Unique per purpose, e.g. `help:<MessageSid>`. */
  dedupeKey: string;
  caseId?: number | null;
  /** The resident it goes to, where known (their lookup shows it). */
  contactId?: number | null;
}

/**
 * The outbox rows go first, so a dedupe-key conflict leaves no stray message;
 * the foreign key to the message is checked at the end of the statement.
 * `input` is read twice, so it is materialized: one message id per request.
 */
const QUEUE_SENDS = `
  WITH input AS MATERIALIZED (
    SELECT t.*, nextval(pg_get_serial_sequence('message', 'id'))::int AS id
    FROM jsonb_to_recordset($1::jsonb)
      AS t(channel text, to_address text, body text, kind text, dedupe_key text, case_id int, contact_id int)
  ),
  box AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT id, case_id, kind, dedupe_key, channel, to_address FROM input
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING message_id
  )
  INSERT INTO message (id, direction, channel, case_id, contact_id, body, status)
  SELECT input.id, 'out', input.channel, input.case_id, input.contact_id, input.body, 'pending'
  FROM input JOIN box ON box.message_id = input.id
  RETURNING id`;

/** Queues many sends in one statement; returns how many were new (the others' dedupe keys were queued before). */
export async function queueSends(db: Queryable, requests: readonly SendRequest[]): Promise<number> {
  if (requests.length === 0) return 0;
  const rows = requests.map((r) => ({
    channel: r.channel,
    to_address: r.to,
    body: r.body,
    kind: r.kind,
    dedupe_key: r.dedupeKey,
    case_id: r.caseId ?? null,
    contact_id: r.contactId ?? null,
  }));
  const { rowCount } = await db.query(QUEUE_SENDS, [JSON.stringify(rows)]);
  return rowCount ?? 0;
}

/** Returns whether a new send was queued (false: the same dedupe key was queued before). */
export async function queueSend(db: Queryable, r: SendRequest): Promise<boolean> {
  return (await queueSends(db, [r])) === 1;
}
