/**
 * Cases for staff, in PostgreSQL: the filtered list, one case with its
 * contact and whole timeline, and a person's correction of its category.
 * Reading residents' data is audited by the caller (it knows who reads);
 * a change commits with its audit entry.
 */
import type { CaseStatus } from '../core/case-status.js';
import type { RequestKind } from '../core/request-kind.js';
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { eventSql } from '../core/case-event.js';

export interface CaseSummary {
  id: number;
  caseNo: string;
  status: CaseStatus;
  categoryCode: string;
  kind: RequestKind;
  urgent: boolean;
  confidential: boolean;
  needsTriage: boolean;
  tags: string[];
  jointMeeting: boolean;
  zone: { code: string; name: string };
  liaison: { id: number; name: string } | null;
  originChannel: string;
  replyChannel: string;
  /** In full: mask it before it leaves for a screen. */
  replyAddress: string | null;
  deadlineAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Open past its deadline (or marked overdue by supervision). */
  overdue: boolean;
  /** How many levels supervision escalated it for being overdue. */
  escalations: number;
}

export interface CaseEventRecord {
  type: string;
  actor: string;
  note: string | null;
  detail: unknown;
  at: Date;
}

export interface CaseMessageRecord {
  direction: 'in' | 'out';
  channel: string;
  body: string;
  attachments: unknown;
  createdAt: Date;
  /** Outbound: its send. */
  outbox: { kind: string; status: string; attempts: number; providerId: string | null; lastError: string | null } | null;
}

export interface CaseDetail extends CaseSummary {
  closedAt: Date | null;
  overdueAt: Date | null;
  contactId: number | null;
  routing: unknown;
  contact: { id: number; name: string | null; identities: { kind: string; address: string }[] } | null;
  /** Oldest first. */
  events: CaseEventRecord[];
  /** Oldest first. */
  messages: CaseMessageRecord[];
}

export interface CaseFilter {
  status?: CaseStatus | undefined;
  originChannel?: string | undefined;
  category?: string | undefined;
  kind?: RequestKind | undefined;
  confidential?: boolean | undefined;
  needsTriage?: boolean | undefined;
  urgent?: boolean | undefined;
  /** A tag a routing rule put on it. */
  tag?: string | undefined;
  jointMeeting?: boolean | undefined;
  since?: Date | undefined;
  /** In one of these zones. */
  zoneIds?: readonly number[] | undefined;
  /** Only cases older than this id (the previous page's last). */
  before?: number | undefined;
  /** Opened before this time. */
  until?: Date | undefined;
  /** A case number prefix (digits), or text in the resident's first message. */
  q?: string | undefined;
}

export interface CasePage {
  /** Conditions beside the filter's: the caller's scope and the view (src/cases/scope.ts, case-views.ts), SQL on `c`. */
  where: string[];
  /** Their parameters, numbered from $1; the filter's follow. */
  values: unknown[];
  sort: CaseSort;
  limit: number;
  offset?: number;
}

export const CASE_SORTS = ['created_desc', 'created_asc', 'deadline_asc'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const ORDER: Record<CaseSort, string> = {
  created_desc: 'c.id DESC',
  created_asc: 'c.id ASC',
  deadline_asc: 'c.deadline_at ASC, c.id ASC',
};

const SUMMARY = `
  SELECT c.id, c.case_no AS "caseNo", c.status, c.category_code AS "categoryCode", c.kind, c.urgent, c.confidential,
         c.needs_triage AS "needsTriage", c.tags, c.joint_meeting AS "jointMeeting",
         jsonb_build_object('code', z.code, 'name', z.name) AS zone,
         CASE WHEN l.id IS NULL THEN NULL ELSE jsonb_build_object('id', l.id, 'name', l.name) END AS liaison,
         c.origin_channel AS "originChannel", c.reply_channel AS "replyChannel", c.reply_address AS "replyAddress",
         c.deadline_at AS "deadlineAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.escalations,
         (c.status NOT IN ('answered', 'closed') AND (c.overdue_at IS NOT NULL OR c.deadline_at < now())) AS overdue`;
const SUMMARY_FROM = `FROM "case" c JOIN zone z ON z.id = c.zone_id LEFT JOIN liaison l ON l.id = c.liaison_id`;

/** The conditions a filter sets, each with its parameter (the others are left out of the statement). */
const CONDITIONS: { [K in keyof CaseFilter]-?: (param: string) => string } = {
  status: (p) => `c.status = ${p}::"CaseStatus"`,
  originChannel: (p) => `c.origin_channel = ${p}`,
  category: (p) => `c.category_code = ${p}`,
  kind: (p) => `c.kind = ${p}::"RequestKind"`,
  confidential: (p) => `c.confidential = ${p}`,
  needsTriage: (p) => `c.needs_triage = ${p}`,
  urgent: (p) => `c.urgent = ${p}`,
  tag: (p) => `c.tags @> ARRAY[${p}::text]`,
  jointMeeting: (p) => `c.joint_meeting = ${p}`,
  since: (p) => `c.created_at >= ${p}`,
  zoneIds: (p) => `c.zone_id = ANY(${p}::int[])`,
  before: (p) => `c.id < ${p}`,
  until: (p) => `c.created_at < ${p}`,
  // The parameter is escaped for LIKE (likeEscape): a number prefix, or text anywhere in the opening message.
  q: (p) => `(c.case_no LIKE ${p} || '%' OR EXISTS (
    SELECT 1 FROM (SELECT body FROM message WHERE case_id = c.id AND direction = 'in' ORDER BY id LIMIT 1) m WHERE m.body ILIKE '%' || ${p} || '%'))`,
};

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function whereOf(filter: CaseFilter, page: Pick<CasePage, 'where' | 'values'>): { where: string; values: unknown[] } {
  const where = [...page.where];
  const values = [...page.values];
  for (const [key, condition] of Object.entries(CONDITIONS) as [keyof typeof CONDITIONS, (p: string) => string][]) {
    if (filter[key] === undefined) continue;
    values.push(key === 'q' ? likeEscape(filter.q!) : filter[key]);
    where.push(condition(`$${values.length}`));
  }
  return { where: where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '', values };
}

/** One page of the cases the filter and the page's conditions select, in the page's order. */
export async function listCases(db: Queryable, filter: CaseFilter, page: CasePage): Promise<CaseSummary[]> {
  const { where, values } = whereOf(filter, page);
  values.push(page.limit, page.offset ?? 0);
  const { rows } = await db.query<CaseSummary>(
    `${SUMMARY} ${SUMMARY_FROM} ${where} ORDER BY ${ORDER[page.sort]} LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  );
  return rows;
}

/** How many cases the filter and the page's conditions select (exact: fine at a district's scale). */
export async function countCases(db: Queryable, filter: CaseFilter, page: Pick<CasePage, 'where' | 'values'>): Promise<number> {
  const { where, values } = whereOf(filter, page);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "case" c ${where}`, values);
  return rows[0]!.n;
}

/** The case with its contact, events and messages (and their sends); null when there is no such case. */
export async function findCaseDetail(db: Queryable, caseNo: string): Promise<CaseDetail | null> {
  const { rows } = await db.query<Omit<CaseDetail, 'contact' | 'events' | 'messages'>>(
    `${SUMMARY}, c.closed_at AS "closedAt", c.overdue_at AS "overdueAt", c.routing, c.contact_id AS "contactId"
     ${SUMMARY_FROM} WHERE c.case_no = $1`,
    [caseNo],
  );
  const found = rows[0];
  if (!found) return null;
  const kase = found;
  const { contactId } = found;
  const [contact, events, messages] = await Promise.all([
    contactId === null ? null : contactOf(db, contactId),
    db.query<CaseEventRecord>('SELECT type, actor, note, detail, at FROM case_event WHERE case_id = $1 ORDER BY id', [kase.id]),
    db.query<CaseMessageRecord>(
      `SELECT m.direction, m.channel, m.body, m.attachments, m.created_at AS "createdAt",
              CASE WHEN o.id IS NULL THEN NULL ELSE jsonb_build_object('kind', o.kind, 'status', o.status, 'attempts', o.attempts,
                   'providerId', o.provider_id, 'lastError', o.last_error) END AS outbox
       FROM message m LEFT JOIN outbox o ON o.message_id = m.id WHERE m.case_id = $1 ORDER BY m.id`,
      [kase.id],
    ),
  ]);
  return { ...kase, contact, events: events.rows, messages: messages.rows };
}

async function contactOf(db: Queryable, id: number): Promise<CaseDetail['contact']> {
  const { rows } = await db.query<NonNullable<CaseDetail['contact']>>(
    `SELECT c.id, c.name, coalesce((SELECT jsonb_agg(jsonb_build_object('kind', i.kind, 'address', i.address) ORDER BY i.id)
                                    FROM channel_identity i WHERE i.contact_id = c.id), '[]') AS identities
     FROM contact c WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * A person corrects the category: the case leaves the triage list, the
 * timeline says who did it, and the opening message becomes a training example.
 */
const RECLASSIFY = `
  WITH changed AS (
    UPDATE "case" SET category_code = $2, kind = coalesce($4::"RequestKind", kind), needs_triage = false, updated_at = now()
    WHERE case_no = $1 RETURNING id
  ),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT id, ${eventSql('reclassified')}, $3, jsonb_strip_nulls(jsonb_build_object('category', $2::text, 'kind', $4::text)) FROM changed
  ),
  learned AS (
    INSERT INTO training_example (text, category, kind, case_id, actor)
    SELECT m.body, $2, $4::"RequestKind", changed.id, $3 FROM changed
    JOIN LATERAL (SELECT body FROM message WHERE case_id = changed.id AND direction = 'in' ORDER BY id LIMIT 1) m ON true
    ON CONFLICT (case_id) DO UPDATE SET category = excluded.category, kind = coalesce(excluded.kind, training_example.kind),
                                        actor = excluded.actor, created_at = now()
  )
  SELECT id FROM changed`;

/** Sets the case's category (and kind, if given), audited; false when there is no such case. */
export async function reclassifyCase(db: Queryable, caseNo: string, category: string, kind: RequestKind | undefined, actor: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { rowCount } = await tx.query(RECLASSIFY, [caseNo, category, actor, kind ?? null]);
    if (!rowCount) return false;
    await audit(tx, { actor, action: 'case.reclassify', subjectType: 'case', subjectId: caseNo, detail: { category, kind } });
    return true;
  });
}
