/**
 * Queue one outbound send that is not a case receipt (a help text, later
 * replies and reminders): the outbound message and its outbox row in one
 * statement. The dedupe key makes a rerun queue nothing new.
 */
import type { Queryable } from '../store/db.js';

export interface SendRequest {
  channel: string;
  /** null: no address (a web-form resident reads it in the lookup). */
  to: string | null;
  body: string;
  kind: string;
  /** Unique per purpose, e.g. `help:<MessageSid>`. */
  dedupeKey: string;
  caseId?: number | null;
}

/**
 * The outbox row goes first, so a dedupe-key conflict leaves no stray message;
 * the foreign key to the message is checked at the end of the statement.
 */
const QUEUE_SEND = `
  WITH id AS (SELECT nextval(pg_get_serial_sequence('message', 'id'))::int AS id),
  box AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT id, $6, $4, $5, $1, $2 FROM id
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING message_id
  )
  INSERT INTO message (id, direction, channel, case_id, body, status)
  SELECT message_id, 'out', $1, $6, $3, 'pending' FROM box
  RETURNING id`;

/** Returns whether a new send was queued (false: the same dedupe key was queued before). */
export async function queueSend(db: Queryable, r: SendRequest): Promise<boolean> {
  const { rowCount } = await db.query(QUEUE_SEND, [r.channel, r.to, r.body, r.kind, r.dedupeKey, r.caseId ?? null]);
  return rowCount === 1;
}
