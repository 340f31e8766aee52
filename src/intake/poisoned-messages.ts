/**
 * Inbound messages set aside as poisoned (poison.ts), for staff: listing them
 * (the error, never the text) and releasing one to be processed again once its
 * cause is fixed, with a fresh count of attempts (audited).
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';

export interface PoisonedMessage {
  id: number;
  channel: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

const LIST = `
  SELECT id, channel, attempts, last_error AS "lastError", created_at AS "createdAt" FROM message
  WHERE direction = 'in' AND status = 'poisoned' AND ($1::text IS NULL OR channel = $1) AND ($2::int IS NULL OR id < $2)
  ORDER BY id DESC LIMIT $3`;

/** Newest first; `before`: only older than this id (the previous page's last). */
export async function listPoisoned(db: Queryable, f: { channel?: string | undefined; before?: number | undefined; limit: number }): Promise<PoisonedMessage[]> {
  return (await db.query<PoisonedMessage>(LIST, [f.channel ?? null, f.before ?? null, f.limit])).rows;
}

const RELEASE = `
  WITH old AS (SELECT id, status FROM message WHERE id = $1 AND direction = 'in' FOR UPDATE),
  retried AS (
    UPDATE message m SET status = 'received', attempts = 0 FROM old WHERE m.id = old.id AND old.status = 'poisoned' RETURNING m.id
  )
  SELECT (SELECT status FROM old) AS status, (SELECT id FROM retried) AS retried`;

/**
 * Back to `received` with no attempts counted, audited: the caller queues it. Not released: its
 * status (null when there is no such inbound message).
 */
export async function releasePoisoned(db: Queryable, id: number, actor: string): Promise<{ released: true } | { released: false; status: string | null }> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ status: string | null; retried: number | null }>(RELEASE, [id]);
    const { status, retried } = rows[0]!;
    if (!retried) return { released: false, status };
    await audit(tx, { actor, action: 'intake.retry', subjectType: 'message', subjectId: String(id) });
    return { released: true };
  });
}
