/**
 * Sends that did not go out, for staff: those that finally failed and those
 * whose outcome is unknown (the provider never answered). Listing them and
 * putting one back in the queue or giving it up, on the case's timeline and audited.
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

/**
 * What staff can do to a send that did not go out. A retry puts it back in the
 * queue at once with a fresh count of attempts. A cancel gives up a send not yet
 * handed to a provider (waiting, retrying, failed or unknown): `cancelled` is
 * never claimed by the relay nor moved by delivery reports. A send in flight or
 * already sent is left as it is; the row lock makes a change and a relay's claim
 * exclude each other.
 */
const CHANGES = {
  retry: {
    from: ['failed', 'unknown'],
    to: 'pending',
    set: `attempts = 0, next_attempt_at = now(), last_error = NULL,`,
    event: 'send_retried',
    action: 'outbox.retry',
  },
  cancel: { from: ['pending', 'failed', 'unknown'], to: 'cancelled', set: '', event: 'send_cancelled', action: 'outbox.cancel' },
} as const;

export type SendChange = keyof typeof CHANGES;

const changeSql = (change: (typeof CHANGES)[SendChange]) => `
  WITH old AS (SELECT id, status FROM outbox WHERE id = $1 FOR UPDATE),
  changed AS (
    UPDATE outbox o SET status = '${change.to}', ${change.set} locked_until = NULL, holder = NULL, updated_at = now()
    FROM old WHERE o.id = old.id AND old.status IN (${change.from.map((s) => `'${s}'`).join(', ')})
    RETURNING o.id, o.case_id, o.message_id, o.kind, o.channel, old.status::text AS was
  ),
  mirrored AS (UPDATE message m SET status = '${change.to}' FROM changed WHERE m.id = changed.message_id),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT case_id, ${eventSql(change.event)}, $2, jsonb_build_object('outboxId', id, 'kind', kind, 'channel', channel, 'was', was)
    FROM changed WHERE case_id IS NOT NULL
  )
  SELECT (SELECT status::text FROM old) AS status, (SELECT was FROM changed) AS was`;

const SQL: Record<SendChange, string> = { retry: changeSql(CHANGES.retry), cancel: changeSql(CHANGES.cancel) };

/** Changed: the status it had. Not changed: its status (null when there is no such send). */
export type ChangeOutcome = { changed: true; was: string } | { changed: false; status: string | null };

/** Retries or cancels a send, on the case's timeline and audited. */
export async function changeSend(db: Queryable, change: SendChange, id: number, actor: string): Promise<ChangeOutcome> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ status: string | null; was: string | null }>(SQL[change], [id, actor]);
    const { status, was } = rows[0]!;
    if (!was) return { changed: false, status };
    await audit(tx, { actor, action: CHANGES[change].action, subjectType: 'outbox', subjectId: String(id), detail: { was } });
    return { changed: true, was };
  });
}

/** Why a send cannot be cancelled, in words for the 409. */
export function notCancellableReason(status: string): string {
  if (status === 'sending') return 'it is being sent right now; try again in a moment';
  if (status === 'cancelled') return 'it is already cancelled';
  return `it has already been sent (${status})`;
}
