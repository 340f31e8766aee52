/**
 * What a resident may read of their own case, in PostgreSQL: the case (or the
 * message that reserved its number, before the workers opened it), whether
 * an address is one of its contact's, and the public timeline. Whoever asks
 * proves who they are first (the lookup page, the hotline's keypad).
 */
import type { CaseStatus } from '../core/case-status.js';
import { eventSql } from '../core/case-event.js';
import { kindSql, type OutboxKind } from '../core/message.js';
import type { Queryable } from '../store/db.js';

export interface LookupCase {
  messageId: number;
  /** The opening message's channel and provider id: an anonymous submission's code is derived from them. */
  channel: string;
  providerMessageId: string;
  meta: { sender?: { identities?: { kind: string; address: string }[] } };
  receivedAt: Date;
  /** What the resident wrote. */
  text: string | null;
  /** Null until the workers have opened the case. */
  caseId: number | null;
  status: CaseStatus | null;
  deadlineAt: Date | null;
  contactId: number | null;
  zoneId: number | null;
  categoryZh: string | null;
  categoryEn: string | null;
}

/**
 * Everything a matching contact may see: the case and the message that opened it,
 * or, before the workers have opened it, the message that reserved its number.
 */
const FIND = `
  SELECT m.id AS "messageId", m.channel, m.provider_message_id AS "providerMessageId", m.meta, m.created_at AS "receivedAt", m.body AS text,
         c.id AS "caseId", c.status, c.deadline_at AS "deadlineAt", c.contact_id AS "contactId", c.zone_id AS "zoneId",
         cat.name_zh AS "categoryZh", cat.name_en AS "categoryEn"
  FROM (SELECT $1::text AS case_no) wanted
  LEFT JOIN "case" c ON c.case_no = wanted.case_no
  JOIN LATERAL (
    SELECT * FROM message
    WHERE direction = 'in' AND (case_id = c.id OR reserved_case_no = wanted.case_no)
    ORDER BY id LIMIT 1
  ) m ON true
  LEFT JOIN category cat ON cat.code = c.category_code`;

export async function findCaseForLookup(db: Queryable, caseNo: string): Promise<LookupCase | null> {
  return (await db.query<LookupCase>(FIND, [caseNo])).rows[0] ?? null;
}

/** Whether `address` (normalized) is one of the contact's. */
export async function contactHasAddress(db: Queryable, contactId: number, address: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM channel_identity WHERE contact_id = $1 AND address = $2', [contactId, address]);
  return rowCount === 1;
}

/** Sends to staff: never the resident's to read. */
const STAFF_KINDS: readonly OutboxKind[] = ['urgent_alert', 'liaison_notice', 'liaison_note', 'liaison_answer'];

const PUBLIC_TIMELINE = `
  SELECT at, 'event' AS type, type AS text, detail->>'to' AS "toStatus" FROM case_event WHERE case_id = $1 AND type <> ${eventSql('note')}
  UNION ALL
  SELECT m.created_at, 'reply', m.body, NULL FROM message m
  WHERE m.case_id = $1 AND m.direction = 'out'
    -- Texts to staff (urgent alerts, notices, notes on bounces) are not the resident's to read.
    AND NOT m.meta ? 'liaisonId'
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.kind IN (${STAFF_KINDS.map(kindSql).join(', ')}))
  ORDER BY 1`;

export interface PublicEvent {
  at: Date;
  type: 'event' | 'reply';
  /** An event's type, or the reply's text. */
  text: string;
  /** A status change's new status. */
  toStatus: string | null;
}

/** The case's events (not staff notes) and the replies the resident was sent, in order. */
export async function publicTimeline(db: Queryable, caseId: number): Promise<PublicEvent[]> {
  return (await db.query<PublicEvent>(PUBLIC_TIMELINE, [caseId])).rows;
}

/**
 * The case's status, only for one of its contact's phone numbers: anyone else's case reads as
 * unknown, like a number that does not exist, so keying numbers reveals nothing.
 */
export async function caseStatusForCaller(db: Queryable, caseNo: string, phone: string): Promise<CaseStatus | null> {
  const { rows } = await db.query<{ status: CaseStatus }>(
    `SELECT c.status FROM "case" c
     WHERE c.case_no = $1 AND EXISTS (SELECT 1 FROM channel_identity i WHERE i.contact_id = c.contact_id AND i.address = $2)`,
    [caseNo, phone],
  );
  return rows[0]?.status ?? null;
}
