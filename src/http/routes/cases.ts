/**
 * Cases for staff (list, one case with its whole timeline; every read audited)
 * and for residents (lookup by case number plus their phone, email or code).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { maskEmail, maskPhone } from '../../core/contact-address.js';
import { descendantZoneIds } from '../../catalog/zone-tree.js';
import { buildTimeline, TimelineEntry } from './case-timeline.js';
import { CaseStatus, STATUS_LABELS } from '../../core/case-status.js';
import { lookupRoutes } from './case-lookup.js';
import { caseWorkRoutes, CaseNoParams } from './case-work-routes.js';
import { caseFeedRoutes } from './case-feed.js';
import { caseBulkRoutes } from './case-bulk.js';
import { refuseOutOfScope, runCaseAction } from './case-action.js';
import { RESPONSE_EVENTS } from '../../supervision/settle.js';
import { policyFrom } from '../../supervision/deadlines.js';
import { officeHoursOf } from '../../catalog/calendar.js';
import { RequestKind } from '../../core/request-kind.js';
import { CASE_SORTS, countCases, findCaseDetail, listCases, reclassifyCase, type CaseSummary as SummaryRow } from '../../cases/cases-repository.js';
import { CASE_VIEWS, viewCondition } from '../../cases/case-views.js';
import { scopeCondition, scopeOf } from '../../cases/scope.js';
import { caseVersion } from '../../cases/case-version.js';
import { routingSummary } from '../../cases/routing-summary.js';
import { attachmentsOfCase, caseInScope, otherCasesOf, sendsOfCase } from '../../cases/case-desk-detail.js';
import { localDayStart } from '../../core/time.js';
import { changeCaseStatus } from '../../cases/status-change.js';

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
  updatedAt: z.string(),
  /** Open past its deadline. */
  overdue: z.boolean(),
  /** Levels supervision escalated it for being overdue. */
  escalations: z.number(),
});

const CaseDetail = CaseSummary.extend({
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  /** Derived from the timeline: the first answer to the resident, and how long the case took to close. */
  firstResponseAt: z.string().nullable(),
  resolutionHours: z.number().nullable(),
  overdueAt: z.string().nullable(),
  replyAddress: z.string().nullable(),
  contact: z.object({ id: z.number(), name: z.string().nullable(), identities: z.array(z.object({ kind: z.string(), address: z.string() })) }).nullable(),
  routing: z.unknown(),
  /** The routing evidence in plain words. */
  routingSummary: z.object({ zh: z.string(), en: z.string() }),
  /** Every message sent for the case (to the resident and to staff) and where it stands. */
  sends: z.array(
    z.object({
      channel: z.string(),
      kind: z.string(),
      status: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  /** The files the resident sent (GET /api/v1/attachments/:id). */
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number().nullable() })),
  /** Deadlines set and moved, overdue marks, escalations, in order. */
  deadlineHistory: z.array(z.object({ at: z.string(), type: z.string(), actor: z.string(), detail: z.unknown() })),
  /** The resident's other cases the caller may see (none for a confidential case unless the caller is an admin). */
  otherCases: z.array(z.object({ caseNo: z.string(), status: z.string(), createdAt: z.string() })),
  timeline: z.array(TimelineEntry),
});

const HISTORY_EVENTS = new Set(['deadline_set', 'deadline_changed', 'overdue', 'escalated', 'sent_to_joint_meeting']);

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
  view: z.enum(CASE_VIEWS).default('all').describe("a sidebar view; `mine`: a liaison's open cases, for others the open cases no liaison holds"),
  q: z.string().trim().min(1).max(100).optional().describe("a case number prefix, or text in the resident's first message"),
  from: z.iso.date().optional().describe('opened on or after this office date (YYYY-MM-DD)'),
  to: z.iso.date().optional().describe('opened on or before this office date (YYYY-MM-DD)'),
  sort: z.enum(CASE_SORTS).default('created_desc'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page (created_desc only)'),
  offset: z.coerce.number().int().min(0).max(100_000).optional().describe('skip this many (any sort); not with cursor'),
});

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
    updatedAt: c.updatedAt.toISOString(),
    overdue: c.overdue,
    escalations: c.escalations,
  };
}

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const { catalog, config } = app.deps;
  const statusChange = { catalog, office: officeHoursOf(config), policy: policyFrom(config), returnVisitAfterHours: config.RETURN_VISIT_AFTER_HOURS };
  await app.register(lookupRoutes);
  await app.register(caseWorkRoutes);
  await app.register(caseFeedRoutes);
  await app.register(caseBulkRoutes);

  app.get(
    '/api/v1/cases',
    {
      preHandler: app.requireRole('supervisor', 'dispatcher', 'liaison'),
      schema: {
        summary: 'List cases (a liaison sees only their scope)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(CaseSummary), nextCursor: z.number().nullable(), total: z.number() }) },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.cursor !== undefined && (q.sort !== 'created_desc' || q.offset !== undefined))
        throw new InputError('cursor', 'cursor pages only created_desc, without offset');
      const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');
      const zoneIds = q.zone ? descendantZoneIds(await catalog.get(), q.zone) : undefined;
      if (zoneIds === null) throw new InputError('zone', `unknown zone ${q.zone}`);
      const filter = {
        status: q.status,
        originChannel: q.channel,
        category: q.category,
        kind: q.kind,
        confidential: flag(q.confidential),
        needsTriage: flag(q.triage),
        urgent: flag(q.urgent),
        tag: q.tag,
        jointMeeting: flag(q.jointMeeting),
        since: q.from ? localDayStart(q.from, config.OFFICE_TIME_ZONE) : q.since ? new Date(q.since) : undefined,
        until: q.to ? localDayStart(q.to, config.OFFICE_TIME_ZONE, 1) : undefined,
        q: q.q,
        zoneIds,
      };
      const scope = scopeOf(req.staff!);
      const values: unknown[] = [];
      const where = [scopeCondition(scope, 'c', values), viewCondition(q.view, scope.kind !== 'all')];
      const [rows, total] = await Promise.all([
        listCases(pool, { ...filter, before: q.cursor }, { where, values, sort: q.sort, limit: q.limit + 1, offset: q.offset }),
        countCases(pool, filter, { where, values }),
      ]);
      const page = rows.slice(0, q.limit);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'case.list', subjectType: 'case', detail: { query: q, count: page.length } });
      const more = rows.length > q.limit && q.sort === 'created_desc' && q.offset === undefined;
      return { items: page.map(summary), nextCursor: more ? page.at(-1)!.id : null, total };
    },
  );

  app.post(
    '/api/v1/cases/:caseNo/category',
    {
      preHandler: app.requireRole('dispatcher'),
      schema: {
        summary: "Correct a case's category, and its kind if given (takes it off the triage list; the classifier learns from it)",
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: CaseNoParams,
        body: z.object({ category: z.string(), kind: RequestKind.optional() }),
        response: { 200: z.object({ caseNo: z.string(), category: z.string(), needsTriage: z.literal(false) }) },
      },
    },
    async (req, reply) => {
      const { caseNo } = req.params;
      const { category, kind } = req.body;
      if (!(await catalog.get()).categoriesByCode.get(category)?.active) throw new InputError('category', `no active category ${category}`);
      return runCaseAction(
        pool,
        req,
        reply,
        caseNo,
        'reclassify',
        async ({ db, act }) => {
          await reclassifyCase(db, caseNo, category, kind, act.actor);
          return { body: { caseNo, category, needsTriage: false as const } };
        },
        { audited: false },
      );
    },
  );

  app.post(
    '/api/v1/cases/:caseNo/status',
    {
      preHandler: app.requireRole('dispatcher', 'liaison'),
      schema: {
        summary: 'Move a case to another step, with a note (the timeline records who and when)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: CaseNoParams,
        body: z.object({ status: CaseStatus, note: z.string().trim().min(1).max(2000) }),
        response: { 200: z.object({ caseNo: z.string(), status: CaseStatus }) },
      },
    },
    async (req, reply) => {
      const { caseNo } = req.params;
      const { status, note } = req.body;
      return runCaseAction(
        pool,
        req,
        reply,
        caseNo,
        'status',
        async ({ db, act }) => {
          const outcome = await changeCaseStatus(db, statusChange, { caseNo, status, note, actor: act.actor });
          if (outcome === 'unchanged') throw new InputError('status', `the case is ${status} already`, 409, 'conflict');
          return { body: { caseNo, status } };
        },
        { audited: false },
      );
    },
  );

  app.get(
    '/api/v1/cases/:caseNo',
    {
      preHandler: app.requireRole('supervisor', 'dispatcher', 'liaison'),
      schema: {
        summary: 'One case with its full timeline, sends, files and routing in words (the ETag is its version for If-Match)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: CaseNoParams,
        response: { 200: CaseDetail },
      },
    },
    async (req, reply) => {
      const staff = req.staff!;
      const scope = scopeOf(staff);
      const found = await findCaseDetail(pool, req.params.caseNo);
      if (!found) throw new InputError('caseNo', `no case ${req.params.caseNo}`, 404, 'not_found');
      if (!(await caseInScope(pool, found.id, scope))) return refuseOutOfScope(pool, staff, found.caseNo, 'read');
      await audit(pool, { actor: `user:${staff.id}`, action: 'case.read', subjectType: 'case', subjectId: found.caseNo });
      // Art. 30: who complained about officials is for admins (the supervisory office) only.
      const showResident = !found.confidential || staff.role === 'admin';
      const [sends, attachments, otherCases, version] = await Promise.all([
        sendsOfCase(pool, found.id),
        attachmentsOfCase(pool, found.id),
        showResident ? otherCasesOf(pool, found, scope) : [],
        caseVersion(pool, found.id),
      ]);
      if (version) reply.header('ETag', version);
      return {
        ...summary(found),
        statusLabel: STATUS_LABELS[found.status],
        firstResponseAt: found.events.find((e) => (RESPONSE_EVENTS as readonly string[]).includes(e.type))?.at.toISOString() ?? null,
        resolutionHours: found.closedAt ? Number(((found.closedAt.getTime() - found.createdAt.getTime()) / 3_600_000).toFixed(1)) : null,
        overdueAt: found.overdueAt?.toISOString() ?? null,
        replyAddress: showResident ? found.replyAddress : mask(found.replyAddress),
        contact: found.contact && showResident ? { id: found.contact.id, name: found.contact.name, identities: found.contact.identities } : null,
        routing: found.routing,
        routingSummary: routingSummary(found.routing, await catalog.get()),
        sends: sends.map(({ id: _id, ...s }) => ({ ...s, createdAt: s.createdAt.toISOString(), sentAt: s.sentAt?.toISOString() ?? null })),
        attachments,
        deadlineHistory: found.events
          .filter((e) => HISTORY_EVENTS.has(e.type))
          .map((e) => ({ at: e.at.toISOString(), type: e.type, actor: e.actor, detail: e.detail })),
        otherCases: otherCases.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
        timeline: buildTimeline(found.events, found.messages),
      };
    },
  );
};
