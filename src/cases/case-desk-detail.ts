/**
 * What the console shows beside a case's timeline: every send of the case and
 * where it stands, the files the resident sent, and the resident's other cases
 * (within the caller's scope). Reads only; the caller audits.
 */
import type { Queryable } from '../store/db.js';
import { scopeCondition, type CaseScope } from './scope.js';

export interface CaseSend {
  id: number;
  channel: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface CaseAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number | null;
}

export async function sendsOfCase(db: Queryable, caseId: number): Promise<CaseSend[]> {
  const { rows } = await db.query<CaseSend>(
    `SELECT id, channel, kind, status::text, attempts, last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"
     FROM outbox WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
  return rows;
}

/** Files stored for the case's inbound messages (not those only listed: rejected, or still at the provider). */
const ATTACHMENTS = `
  SELECT a->>'id' AS id, coalesce(a->>'originalName', a->>'id') AS filename, a->>'contentType' AS "contentType", (a->>'size')::int AS size
  FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) a
  WHERE m.case_id = $1 AND m.direction = 'in' AND a ? 'sha256' AND NOT a ? 'rejected'
  ORDER BY m.id`;

export async function attachmentsOfCase(db: Queryable, caseId: number): Promise<CaseAttachment[]> {
  return (await db.query<CaseAttachment>(ATTACHMENTS, [caseId])).rows;
}

/** The case a stored attachment belongs to (its first inbound message's case), or null. */
export async function caseOfAttachment(db: Queryable, attachmentId: string): Promise<{ caseId: number; caseNo: string; attachment: CaseAttachment } | null> {
  const { rows } = await db.query<{ caseId: number; caseNo: string; attachment: CaseAttachment }>(
    `SELECT c.id AS "caseId", c.case_no AS "caseNo",
            jsonb_build_object('id', a->>'id', 'filename', coalesce(a->>'originalName', a->>'id'), 'contentType', a->>'contentType', 'size', (a->>'size')::int) AS attachment
     FROM message m CROSS JOIN LATERAL jsonb_array_elements(m.attachments) a JOIN "case" c ON c.id = m.case_id
     WHERE m.direction = 'in' AND m.attachments @> jsonb_build_array(jsonb_build_object('id', $1::text)) AND a->>'id' = $1 AND a ? 'sha256'
     ORDER BY m.id LIMIT 1`,
    [attachmentId],
  );
  return rows[0] ?? null;
}

/** The resident's other cases the caller may see, newest first. */
export async function otherCasesOf(
  db: Queryable,
  kase: { id: number; contactId: number | null },
  scope: CaseScope,
): Promise<{ caseNo: string; status: string; createdAt: Date }[]> {
  if (kase.contactId === null) return [];
  const values: unknown[] = [kase.contactId, kase.id];
  const inScope = scopeCondition(scope, 'c', values);
  const { rows } = await db.query<{ caseNo: string; status: string; createdAt: Date }>(
    `SELECT c.case_no AS "caseNo", c.status::text, c.created_at AS "createdAt" FROM "case" c
     WHERE c.contact_id = $1 AND c.id <> $2 AND ${inScope} ORDER BY c.id DESC LIMIT 20`,
    values,
  );
  return rows;
}

/** Whether the case (by id) is within the scope. */
export async function caseInScope(db: Queryable, caseId: number, scope: CaseScope): Promise<boolean> {
  const values: unknown[] = [caseId];
  const inScope = scopeCondition(scope, 'c', values);
  const { rows } = await db.query<{ ok: boolean }>(`SELECT ${inScope} AS ok FROM "case" c WHERE c.id = $1`, values);
  return rows[0]?.ok === true;
}
