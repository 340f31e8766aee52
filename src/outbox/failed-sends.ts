/**
 * Sends that did not go out, for staff: those that finally failed and those
 * whose outcome is unknown (the provider never answered). Listing them and
 * putting one back in the queue; a retry is audited and on the case's timeline.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { eventSql } from '../core/case-event.js';

export type FailedStatus = 'failed' | 'unknown';

export interface FailedSend {
  id: number;
  caseNo: string | null;
  channel: string;
  kind: string;
  status: FailedStatus;
  attempts: number;
  rateLimits: number;
  lastError: string | null;
  /** In full: mask it before it leaves for a screen. */
  toAddress: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FailedSendFilter {
  channel?: string | undefined;
  kind?: string | undefined;
  status?: FailedStatus | undefined;
  /** Only sends older than this id (the previous page's last). */
  before?: number | undefined;
  limit: number;
}

const LIST = `
  SELECT o.id, c.case_no AS "caseNo", o.channel, o.kind, o.status::text AS status, o.attempts, o.rate_limits AS "rateLimits",
         o.last_error AS "lastError", o.to_address AS "toAddress", o.created_at AS "createdAt", o.updated_at AS "updatedAt"
  FROM outbox o LEFT JOIN "case" c ON c.id = o.case_id
  WHERE o.status IN ('failed', 'unknown')
    AND ($1::text IS NULL OR o.channel = $1) AND ($2::text IS NULL OR o.kind = $2)
    AND ($3::text IS NULL OR o.status::text = $3) AND ($4::int IS NULL OR o.id < $4)
  ORDER BY o.id DESC LIMIT $5`;

/** Newest first. */
export async function listFailedSends(db: Queryable, f: FailedSendFilter): Promise<FailedSend[]> {
  const { rows } = await db.query<FailedSend>(LIST, [f.channel ?? null, f.kind ?? null, f.status ?? null, f.before ?? null, f.limit]);
  return rows;
}

/** Back to the queue at once, with a fresh count of attempts; the timeline says who did it. */
const RETRY = `
  WITH old AS (SELECT id, status FROM outbox WHERE id = $1 FOR UPDATE),
  retried AS (
    UPDATE outbox o SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL, holder = NULL,
           last_error = NULL, updated_at = now()
    FROM old WHERE o.id = old.id AND old.status IN ('failed', 'unknown')
    RETURNING o.id, o.case_id, o.message_id, o.kind, o.channel, old.status::text AS was
  ),
  mirrored AS (UPDATE message m SET status = 'pending' FROM retried WHERE m.id = retried.message_id),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT case_id, ${eventSql('send_retried')}, $2, jsonb_build_object('outboxId', id, 'kind', kind, 'channel', channel, 'was', was)
    FROM retried WHERE case_id IS NOT NULL
  )
  SELECT (SELECT status::text FROM old) AS status, (SELECT was FROM retried) AS was`;

export type RetryOutcome = { retried: true; was: FailedStatus } | { retried: false; status: string | null };

/** Queues a failed or unknown send again, audited. Not retried: its status (null when there is no such send). */
export async function retrySend(db: Queryable, id: number, actor: string): Promise<RetryOutcome> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ status: string | null; was: FailedStatus | null }>(RETRY, [id, actor]);
    const { status, was } = rows[0]!;
    if (!was) return { retried: false, status };
    await audit(tx, { actor, action: 'outbox.retry', subjectType: 'outbox', subjectId: String(id), detail: { was } });
    return { retried: true, was };
  });
}

/**
 * Given up by staff: a send not yet handed to a provider (waiting, retrying,
 * failed or of unknown outcome) becomes `cancelled`, which the relay never
 * claims and delivery reports never move. A send in flight or already sent is
 * left as it is. The lock makes a cancel and a relay's claim exclude each other.
 */
const CANCEL = `
  WITH old AS (SELECT id, status FROM outbox WHERE id = $1 FOR UPDATE),
  cancelled AS (
    UPDATE outbox o SET status = 'cancelled', locked_until = NULL, holder = NULL, updated_at = now()
    FROM old WHERE o.id = old.id AND old.status IN ('pending', 'failed', 'unknown')
    RETURNING o.id, o.case_id, o.message_id, o.kind, o.channel, old.status::text AS was
  ),
  mirrored AS (UPDATE message m SET status = 'cancelled' FROM cancelled WHERE m.id = cancelled.message_id),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT case_id, ${eventSql('send_cancelled')}, $2, jsonb_build_object('outboxId', id, 'kind', kind, 'channel', channel, 'was', was)
    FROM cancelled WHERE case_id IS NOT NULL
  )
  SELECT (SELECT status::text FROM old) AS status, (SELECT was FROM cancelled) AS was`;

export type CancelOutcome = { cancelled: true; was: string } | { cancelled: false; status: string | null };

/** Cancels a send not yet handed to a provider, audited. Not cancelled: its status (null when there is no such send). */
export async function cancelSend(db: Queryable, id: number, actor: string): Promise<CancelOutcome> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ status: string | null; was: string | null }>(CANCEL, [id, actor]);
    const { status, was } = rows[0]!;
    if (!was) return { cancelled: false, status };
    await audit(tx, { actor, action: 'outbox.cancel', subjectType: 'outbox', subjectId: String(id), detail: { was } });
    return { cancelled: true, was };
  });
}

/** Why a send cannot be cancelled, in words for the 409. */
export function notCancellableReason(status: string): string {
  if (status === 'sending') return 'it is being sent right now; try again in a moment';
  if (status === 'cancelled') return 'it is already cancelled';
  return `it has already been sent (${status})`;
}
