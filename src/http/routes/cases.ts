/**
 * Cases for staff (list, one case with its whole timeline; every read audited)
 * and for residents (lookup by case number plus their phone, email or code).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { maskEmail, maskPhone } from '../../core/contact-address.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { descendantZoneIds } from '../../catalog/zone-tree.js';
import { buildTimeline, TimelineEntry } from './case-timeline.js';
import { CaseStatus, STATUS_LABELS } from '../../core/case-status.js';
import { lookupRoutes } from './case-lookup.js';
import { RESPONSE_EVENTS, settleCase } from '../../supervision/settle.js';
import { returnVisitAt } from '../../supervision/return-visit.js';
import { policyFrom } from '../../supervision/deadlines.js';
import { watchReopened } from '../../supervision/reopen.js';
import { queueNotice } from '../../outbox/liaison-notice.js';
import { maskText } from '../../core/mask.js';
import { formatLocal } from '../../core/time.js';
import { inTransaction, type Queryable } from '../../store/db.js';
import { RequestKind } from '../../core/request-kind.js';
import { officeHoursOf } from '../../catalog/calendar.js';

const CaseSummary = z.object({
  caseNo: z.string(),
  status: CaseStatus,
  category: z.string(),
  /** What the resident wants: consultation, help, complaint, report, suggestion, praise. */
  kind: RequestKind,
  urgent: z.boolean(),
  /** About officials (信访工作条例 Art. 30): with the supervisory zone; the resident is shown to admins only. */
  confidential: z.boolean(),
  /** On the triage list: the classifier was unsure, a person should pick the category. */
  needsTriage: z.boolean(),
  /** Added by routing rules. */
  tags: z.array(z.string()),
  /** Sent to the joint meeting (联席会议) by a routing rule. */
  jointMeeting: z.boolean(),
  zone: z.object({ code: z.string(), name: z.string() }),
  liaison: z.object({ id: z.number(), name: z.string() }).nullable(),
  originChannel: z.string(),
  replyChannel: z.string(),
  /** Masked: the full address is in the audited case detail. */
  replyAddress: z.string().nullable(),
  deadlineAt: z.string(),
  createdAt: z.string(),
});

const CaseDetail = CaseSummary.extend({
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  /** Derived from the timeline: the first answer to the resident, and how long the case took to close. */
  firstResponseAt: z.string().nullable(),
  resolutionHours: z.number().nullable(),
  overdueAt: z.string().nullable(),
  escalations: z.number(),
  replyAddress: z.string().nullable(),
  contact: z.object({ id: z.number(), name: z.string().nullable(), identities: z.array(z.object({ kind: z.string(), address: z.string() })) }).nullable(),
  routing: z.unknown(),
  timeline: z.array(TimelineEntry),
});

const ListQuery = z.object({
  status: CaseStatus.optional(),
  zone: z.string().optional().describe('zone code; includes the zones below it'),
  channel: z.string().optional(),
  category: z.string().optional(),
  kind: RequestKind.optional(),
  confidential: z.enum(['true', 'false']).optional(),
  triage: z.enum(['true', 'false']).optional().describe('only cases on (or off) the triage list'),
  urgent: z.enum(['true', 'false']).optional(),
  tag: z.string().optional().describe('only cases a routing rule tagged so'),
  jointMeeting: z.enum(['true', 'false']).optional().describe('only cases sent to (or not sent to) the joint meeting'),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page'),
});

const summaryInclude = { zone: { select: { code: true, name: true } }, liaison: { select: { id: true, name: true } } } as const;
type SummaryRow = Prisma.CaseGetPayload<{ include: typeof summaryInclude }>;

function mask(address: string | null): string | null {
  if (!address) return null;
  return address.includes('@') ? maskEmail(address) : address.startsWith('+') ? maskPhone(address) : '***';
}

function summary(c: SummaryRow) {
  return {
    caseNo: c.caseNo,
    status: c.status,
    category: c.categoryCode,
    kind: c.kind,
    urgent: c.urgent,
    confidential: c.confidential,
    needsTriage: c.needsTriage,
    tags: c.tags,
    jointMeeting: c.jointMeeting,
    zone: c.zone,
    liaison: c.liaison,
    originChannel: c.originChannel,
    replyChannel: c.replyChannel,
    replyAddress: mask(c.replyAddress),
    deadlineAt: c.deadlineAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
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
    SELECT id, 'reclassified', $3, jsonb_strip_nulls(jsonb_build_object('category', $2::text, 'kind', $4::text)) FROM changed
  ),
  learned AS (
    INSERT INTO training_example (text, category, kind, case_id, actor)
    SELECT m.body, $2, $4::"RequestKind", changed.id, $3 FROM changed
    JOIN LATERAL (SELECT body FROM message WHERE case_id = changed.id AND direction = 'in' ORDER BY id LIMIT 1) m ON true
    ON CONFLICT (case_id) DO UPDATE SET category = excluded.category, kind = coalesce(excluded.kind, training_example.kind),
                                        actor = excluded.actor, created_at = now()
  )
  SELECT id FROM changed`;

/**
 * The five steps (调研 → 沟通 → 分析 → 办理 → 反馈) as statuses a person moves a case through,
 * each change a timeline event with who, when and a note. Only a closed case has a closing time.
 */
const STATUS_CHANGE = `
  WITH old AS (SELECT id, status FROM "case" WHERE case_no = $1 FOR UPDATE),
  changed AS (
    UPDATE "case" c SET status = $2::"CaseStatus", updated_at = now(), closed_at = CASE WHEN $2 = 'closed' THEN now() END
    FROM old WHERE c.id = old.id AND old.status <> $2::"CaseStatus"
    RETURNING c.id, old.status AS from_status
  ),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT id, CASE WHEN $2 = 'answered' THEN 'status_changed_answered' ELSE 'status_changed' END, $3,
           jsonb_build_object('from', from_status, 'to', $2::text, 'note', $4::text) FROM changed
  )
  SELECT (SELECT id FROM old) AS case_id, (SELECT id FROM changed) AS changed_id, (SELECT from_status FROM changed)::text AS from_status`;

/** Answered or closed: the deadline's watch has stopped. Leaving these for any other step reopens the case. */
const SETTLED: readonly string[] = ['answered', 'closed'];

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma, pool } = app.deps.db;
  const office = officeHoursOf(app.deps.config);
  await app.register(lookupRoutes);

  /** A reopened case gets a new deadline and timers, and its liaison hears of it with the new deadline. */
  async function reopen(db: Queryable, caseId: number, actor: string, note: string): Promise<void> {
    const catalog = await app.deps.catalog.get();
    const deadline = (await watchReopened(db, [caseId], { catalog, office, policy: policyFrom(app.deps.config) }, actor)).get(caseId);
    const { rows } = await db.query<{ case_no: string; liaison_id: number | null }>('SELECT case_no, liaison_id FROM "case" WHERE id = $1', [caseId]);
    const kase = rows[0];
    if (!kase?.liaison_id || !deadline) return;
    const body = `【重新办理】案件${kase.case_no}已由工作人员重新打开（说明：${maskText(note)}），新的办理期限：${formatLocal(deadline, office.timeZone)}。`;
    await queueNotice(db, caseId, kase.liaison_id, body, `reopened:${caseId}:${deadline.getTime()}`);
  }

  app.get(
    '/api/v1/cases',
    {
      preHandler: app.requireRole('supervisor'),
      schema: { summary: 'List cases', tags: ['cases'], security: [{ bearer: [] }], querystring: ListQuery, response: { 200: z.object({ items: z.array(CaseSummary), nextCursor: z.number().nullable() }) } },
    },
    async (req) => {
      const q = req.query;
      const where: Prisma.CaseWhereInput = {};
      if (q.status) where.status = q.status;
      if (q.channel) where.originChannel = q.channel;
      if (q.category) where.categoryCode = q.category;
      if (q.kind) where.kind = q.kind;
      if (q.confidential) where.confidential = q.confidential === 'true';
      if (q.triage) where.needsTriage = q.triage === 'true';
      if (q.urgent) where.urgent = q.urgent === 'true';
      if (q.tag) where.tags = { has: q.tag };
      if (q.jointMeeting) where.jointMeeting = q.jointMeeting === 'true';
      if (q.since) where.createdAt = { gte: new Date(q.since) };
      if (q.cursor) where.id = { lt: q.cursor };
      if (q.zone) {
        const ids = descendantZoneIds(await app.deps.catalog.get(), q.zone);
        if (!ids) throw new InputError('zone', `unknown zone ${q.zone}`);
        where.zoneId = { in: ids };
      }
      const rows = await prisma.case.findMany({ where, include: summaryInclude, orderBy: { id: 'desc' }, take: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'case.list', subjectType: 'case', detail: { query: q, count: page.length } });
      return { items: page.map(summary), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
    },
  );

  app.post(
    '/api/v1/cases/:caseNo/category',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "Correct a case's category, and its kind if given (takes it off the triage list; the classifier learns from it)",
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: z.object({ caseNo: z.string().regex(/^\d{10,16}$/) }),
        body: z.object({ category: z.string(), kind: RequestKind.optional() }),
        response: { 200: z.object({ caseNo: z.string(), category: z.string(), needsTriage: z.literal(false) }) },
      },
    },
    async (req) => {
      const { caseNo } = req.params;
      const { category, kind } = req.body;
      if (!(await app.deps.catalog.get()).categoriesByCode.get(category)?.active) throw new InputError('category', `no active category ${category}`);
      const actor = `user:${req.staff!.id}`;
      const { rowCount } = await pool.query(RECLASSIFY, [caseNo, category, actor, kind ?? null]);
      if (!rowCount) throw new InputError('caseNo', `no case ${caseNo}`, 404, 'not_found');
      await audit(pool, { actor, action: 'case.reclassify', subjectType: 'case', subjectId: caseNo, detail: { category, kind } });
      return { caseNo, category, needsTriage: false as const };
    },
  );

  app.post(
    '/api/v1/cases/:caseNo/status',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "Move a case to another step, with a note (the timeline records who and when)",
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: z.object({ caseNo: z.string().regex(/^\d{10,16}$/) }),
        body: z.object({ status: CaseStatus, note: z.string().trim().min(1).max(2000) }),
        response: { 200: z.object({ caseNo: z.string(), status: CaseStatus }) },
      },
    },
    async (req) => {
      const { caseNo } = req.params;
      const { status, note } = req.body;
      const actor = `user:${req.staff!.id}`;
      const { rows } = await inTransaction(pool, async (db) => {
        const result = await db.query<{ case_id: number | null; changed_id: number | null; from_status: string | null }>(STATUS_CHANGE, [caseNo, status, actor, note]);
        const { changed_id: changed, from_status: from } = result.rows[0] ?? {};
        if (changed && SETTLED.includes(status)) await settleCase(db, changed, await returnVisitAt(app.deps.catalog, office, app.deps.config.RETURN_VISIT_AFTER_HOURS));
        if (changed && from && SETTLED.includes(from) && !SETTLED.includes(status)) await reopen(db, changed, actor, note);
        return result;
      });
      if (!rows[0]?.case_id) throw new InputError('caseNo', `no case ${caseNo}`, 404, 'not_found');
      if (!rows[0].changed_id) throw new InputError('status', `the case is ${status} already`, 409, 'conflict');
      await audit(pool, { actor, action: 'case.status', subjectType: 'case', subjectId: caseNo, detail: { status } });
      return { caseNo, status };
    },
  );

  app.get(
    '/api/v1/cases/:caseNo',
    {
      preHandler: app.requireRole('supervisor'),
      schema: { summary: 'One case with its full timeline', tags: ['cases'], security: [{ bearer: [] }], params: z.object({ caseNo: z.string().regex(/^\d{10,16}$/) }), response: { 200: CaseDetail } },
    },
    async (req) => {
      const found = await prisma.case.findUnique({
        where: { caseNo: req.params.caseNo },
        include: {
          ...summaryInclude,
          contact: { include: { identities: { select: { kind: true, address: true } } } },
          events: { orderBy: { id: 'asc' } },
          messages: { orderBy: { id: 'asc' }, include: { outbox: true } },
        },
      });
      if (!found) throw new InputError('caseNo', `no case ${req.params.caseNo}`, 404, 'not_found');
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'case.read', subjectType: 'case', subjectId: found.caseNo });
      // Art. 30: who complained about officials is for admins (the supervisory office) only.
      const showResident = !found.confidential || req.staff!.role === 'admin';
      return {
        ...summary(found),
        statusLabel: STATUS_LABELS[found.status],
        firstResponseAt: found.events.find((e) => (RESPONSE_EVENTS as readonly string[]).includes(e.type))?.at.toISOString() ?? null,
        resolutionHours: found.closedAt ? Number(((found.closedAt.getTime() - found.createdAt.getTime()) / 3_600_000).toFixed(1)) : null,
        overdueAt: found.overdueAt?.toISOString() ?? null,
        escalations: found.escalations,
        replyAddress: showResident ? found.replyAddress : mask(found.replyAddress),
        contact: found.contact && showResident ? { id: found.contact.id, name: found.contact.name, identities: found.contact.identities } : null,
        routing: found.routing,
        timeline: buildTimeline(found.events, found.messages),
      };
    },
  );
};
