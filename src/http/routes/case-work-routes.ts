/**
 * The console working one case: answer the resident, add an internal note,
 * resolve, transfer, escalate, send to the joint meeting, move the deadline.
 * Every act goes through CaseWork (src/liaisons/case-work.ts), the same service
 * as the liaisons' chat desk, so chat and console have the same effects, events
 * and notices; runCaseAction gives each one its lock, scope, If-Match and
 * Idempotency-Key handling.
 */
import type pg from 'pg';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { CaseStatus } from '../../core/case-status.js';
import { officeHoursOf } from '../../catalog/calendar.js';
import { calendarOf } from '../../catalog/calendar-of.js';
import { policyFrom } from '../../supervision/deadlines.js';
import { moveCaseDeadline } from '../../supervision/deadline-override.js';
import { CaseWork, type CaseRow, type MoveOutcome } from '../../liaisons/case-work.js';
import { deliveryText, routeReply, WHY_UNDELIVERABLE, type ReplyRoute } from '../../liaisons/reply-delivery.js';
import { runCaseAction } from './case-action.js';

export const CaseNoParams = z.object({ caseNo: z.string().regex(/^\d{10,16}$/) });

/** Where an answer went (never the full address): queued on a channel (perhaps instead of the reply channel), or not sent. */
const Delivery = z.object({
  status: z.enum(['queued', 'not_sent']),
  channel: z.string(),
  instead: z.object({ channel: z.string(), reason: z.string() }).optional(),
  reason: z.string().optional(),
  /** What happened, in words for the person who answered. */
  message: z.string(),
});

const Answered = z.object({ caseNo: z.string(), status: CaseStatus, delivery: Delivery });
const Worked = z.object({ caseNo: z.string(), status: CaseStatus });
const Moved = Worked.extend({ zone: z.object({ code: z.string(), label: z.string() }) });

const Undeliverable = z.object({
  error: z.enum(['opted_out', 'undeliverable']),
  field: z.literal('ifUndeliverable'),
  reason: z.string(),
  message: z.string(),
  /** Other ways to reach the resident: `lookup` (keep the answer for the online lookup: resend with ifUndeliverable 'lookup'), `call`, `visit`. */
  alternatives: z.array(z.enum(['lookup', 'call', 'visit'])),
});

/** A 409 of these routes: the answer cannot be delivered (Undeliverable), or the case is closed already (`conflict`). */
const Conflict409 = Undeliverable.or(z.object({ error: z.string(), field: z.string().optional(), message: z.string() }));

type AnswerOutcome = z.infer<typeof Answered> | z.infer<typeof Undeliverable>;

const Text = z.string().trim().min(1).max(2000);
const AnswerBody = (field: 'text' | 'summary') =>
  z.object({
    [field]: Text,
    /**
     * When the answer cannot reach the resident (they opted out of SMS, called from a landline, left no address, and have
     * no other channel): `refuse` (default) answers 409 with the alternatives; `lookup` keeps the answer on the case, where the
     * resident reads it in the online lookup, and sends nothing.
     */
    ifUndeliverable: z.enum(['refuse', 'lookup']).default('refuse'),
  }) as z.ZodObject<Record<'text' | 'summary', typeof Text> & { ifUndeliverable: z.ZodDefault<z.ZodEnum<{ refuse: 'refuse'; lookup: 'lookup' }>> }>;

const security = [{ bearer: [] }];

function delivery(route: ReplyRoute, what?: string): z.infer<typeof Delivery> {
  const words = deliveryText(route, what);
  if (route.status === 'queued') return { status: 'queued', channel: route.channel, ...(route.instead ? { instead: route.instead } : {}), message: words };
  return { status: 'not_sent', channel: route.channel, reason: route.reason, message: words };
}

async function statusOf(db: pg.PoolClient, caseId: number): Promise<CaseStatus> {
  return (await db.query<{ status: CaseStatus }>('SELECT status FROM "case" WHERE id = $1', [caseId])).rows[0]!.status;
}

/** The 409 body when the answer could reach the resident nowhere and the caller did not accept the lookup only; null when it can go. */
async function undeliverable(db: pg.PoolClient, kase: CaseRow, ifUndeliverable: 'refuse' | 'lookup'): Promise<z.infer<typeof Undeliverable> | null> {
  if (ifUndeliverable === 'lookup') return null;
  const route = await routeReply(db, kase);
  if (route.status === 'queued' || route.reason === 'lookup_chosen') return null;
  const { rows } = await db.query('SELECT 1 FROM channel_identity WHERE contact_id = $1 AND kind = $2 LIMIT 1', [kase.contact_id, 'phone']);
  return {
    error: route.reason === 'sms_opt_out' ? 'opted_out' : 'undeliverable',
    field: 'ifUndeliverable',
    reason: route.reason,
    message: `${WHY_UNDELIVERABLE[route.reason]}，答复无法送达。可改为只记入案件供居民网上查询（ifUndeliverable: lookup），或电话、上门告知 / the answer cannot reach the resident (${route.reason}); send it again with ifUndeliverable 'lookup' to keep it for their online lookup, or call or visit them`,
    alternatives: rows.length ? ['lookup', 'call', 'visit'] : ['lookup', 'visit'],
  };
}

/** The zone a transfer goes to: the given one, or a liaison's (the highest of theirs: a street's liaison also answers for its communities). */
export async function transferTarget(db: pg.PoolClient, to: { zone?: string | undefined; liaisonId?: number | undefined }): Promise<string> {
  if (to.liaisonId === undefined) return to.zone!;
  const { rows } = await db.query<{ code: string }>(
    `SELECT z.code FROM zone z JOIN liaison l ON l.id = z.liaison_id WHERE l.id = $1 AND l.active AND z.active
     ORDER BY array_position(ARRAY['district', 'street', 'community', 'group'], z.level::text), z.id LIMIT 1`,
    [to.liaisonId],
  );
  if (!rows[0]) throw new InputError('liaisonId', `liaison ${to.liaisonId} is not active or has no zone`);
  return rows[0].code;
}

export function moved(outcome: MoveOutcome, field: string) {
  if (outcome.done) return { code: outcome.zone.code, label: outcome.label };
  if (outcome.why === 'unknown_zone') throw new InputError(field, 'no active zone with this code');
  if (outcome.why === 'same_zone') throw new InputError(field, `the case is in ${outcome.label} already`, 409, 'conflict');
  throw new InputError(field, 'the case is at the district already: there is no level above', 409, 'conflict');
}

export const caseWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const { catalog, config } = app.deps;
  const office = officeHoursOf(config);
  const policy = policyFrom(config);
  const work = new CaseWork({ catalog, timeZone: config.OFFICE_TIME_ZONE, returnVisit: { office, afterHours: config.RETURN_VISIT_AFTER_HOURS } });
  const workers = app.requireRole('dispatcher', 'liaison');
  const actionHeaders = z.object({
    'idempotency-key': z.string().optional().describe('repeat a request with the same key: it is done once, and the first answer is repeated'),
    'if-match': z.string().optional().describe("the case detail's ETag: the write applies only if the case has not changed since (else 412)"),
  });

  app.post(
    '/api/v1/cases/:caseNo/replies',
    {
      preHandler: workers,
      schema: {
        summary: 'Answer the resident on their reply channel (or another of theirs where it cannot deliver); the case is in progress from then on',
        tags: ['cases'],
        security,
        params: CaseNoParams,
        headers: actionHeaders,
        body: AnswerBody('text'),
        response: { 200: Answered, 409: Conflict409 },
      },
    },
    async (req, reply) =>
      runCaseAction<AnswerOutcome>(pool, req, reply, req.params.caseNo, 'reply', async ({ db, kase, act }) => {
        const refusal = await undeliverable(db, kase, req.body.ifUndeliverable);
        if (refusal) return { status: 409, body: refusal };
        const route = await work.reply(db, kase, act, req.body.text);
        return { body: { caseNo: kase.case_no, status: await statusOf(db, kase.id), delivery: delivery(route) } };
      }),
  );

  app.post(
    '/api/v1/cases/:caseNo/resolve',
    {
      preHandler: workers,
      schema: {
        summary: 'Close the case with the result to the resident; its return visit is planned',
        tags: ['cases'],
        security,
        params: CaseNoParams,
        headers: actionHeaders,
        body: AnswerBody('summary'),
        response: { 200: Answered, 409: Conflict409 },
      },
    },
    async (req, reply) =>
      runCaseAction<AnswerOutcome>(pool, req, reply, req.params.caseNo, 'resolve', async ({ db, kase, act }) => {
        if (kase.status === 'closed') throw new InputError('caseNo', 'the case is closed already', 409, 'conflict');
        const refusal = await undeliverable(db, kase, req.body.ifUndeliverable);
        if (refusal) return { status: 409, body: refusal };
        const route = await work.resolve(db, kase, act, req.body.summary);
        return { body: { caseNo: kase.case_no, status: await statusOf(db, kase.id), delivery: delivery(route, '办理结果') } };
      }),
  );

  app.post(
    '/api/v1/cases/:caseNo/notes',
    {
      preHandler: workers,
      schema: {
        summary: 'Add an internal note to the timeline (never shown or sent to the resident)',
        tags: ['cases'],
        security,
        params: CaseNoParams,
        headers: actionHeaders,
        body: z.object({ text: Text }),
        response: { 201: Worked },
      },
    },
    async (req, reply) =>
      runCaseAction(pool, req, reply, req.params.caseNo, 'note', async ({ db, kase, act }) => {
        await work.note(db, kase, act, req.body.text);
        return { status: 201, body: { caseNo: kase.case_no, status: kase.status } };
      }),
  );

  app.post(
    '/api/v1/cases/:caseNo/transfer',
    {
      preHandler: workers,
      schema: {
        summary: "Hand the case to another zone, or to a liaison's zone; its liaison is told",
        tags: ['cases'],
        security,
        params: CaseNoParams,
        headers: actionHeaders,
        body: z
          .object({ zone: z.string().min(1).max(64).optional(), liaisonId: z.number().int().positive().optional(), reason: Text })
          .refine((b) => (b.zone === undefined) !== (b.liaisonId === undefined), { message: 'give exactly one of zone and liaisonId', path: ['zone'] }),
        response: { 200: Moved },
      },
    },
    async (req, reply) =>
      runCaseAction(
        pool,
        req,
        reply,
        req.params.caseNo,
        'transfer',
        async ({ db, kase, act }) => {
          const { zone, liaisonId, reason } = req.body;
          const code = await transferTarget(db, { zone, liaisonId });
          const outcome = await work.transfer(db, kase, act, code, reason);
          return { body: { caseNo: kase.case_no, status: kase.status, zone: moved(outcome, liaisonId !== undefined ? 'liaisonId' : 'zone') } };
        },
        { detail: { zone: req.body.zone, liaisonId: req.body.liaisonId } },
      ),
  );

  // Up one level, or to the joint meeting convened there (the case stays in its zone): the same act in CaseWork.
  const moves = [
    { path: 'escalate', action: 'escalate', joint: false, summary: 'Send the case one level up the zone tree; the liaison there is told' },
    {
      path: 'joint-meeting',
      action: 'joint_meeting',
      joint: true,
      summary: 'Send the case to the joint meeting (联席会议) convened a level up; the case stays in its zone',
    },
  ] as const;
  for (const { path, action, joint, summary } of moves) {
    app.post(
      `/api/v1/cases/:caseNo/${path}`,
      {
        preHandler: workers,
        schema: {
          summary,
          tags: ['cases'],
          security,
          params: CaseNoParams,
          headers: actionHeaders,
          body: z.object({ reason: Text }),
          response: { 200: Moved },
        },
      },
      async (req, reply) =>
        runCaseAction(pool, req, reply, req.params.caseNo, action, async ({ db, kase, act }) => {
          const outcome = await work.escalate(db, kase, act, joint, req.body.reason);
          return { body: { caseNo: kase.case_no, status: kase.status, zone: moved(outcome, 'caseNo') } };
        }),
    );
  }

  app.post(
    '/api/v1/cases/:caseNo/deadline',
    {
      // Moving a deadline changes what the zone is assessed on: dispatchers (and admins), not the liaison who handles it.
      preHandler: app.requireRole('dispatcher'),
      schema: {
        summary: "Move the case's handling deadline, with the reason; its reminders and deadline timer move with it",
        tags: ['cases'],
        security,
        params: CaseNoParams,
        headers: actionHeaders,
        body: z.object({ deadlineAt: z.iso.datetime({ offset: true }), reason: Text }),
        response: { 200: Worked.extend({ deadlineAt: z.string() }) },
      },
    },
    async (req, reply) => {
      const deadlineAt = new Date(req.body.deadlineAt);
      if (deadlineAt.getTime() <= Date.now()) throw new InputError('deadlineAt', 'the new deadline must be in the future');
      const calendar = calendarOf(await catalog.get(), office);
      return runCaseAction(
        pool,
        req,
        reply,
        req.params.caseNo,
        'deadline',
        async ({ db, kase, act }) => {
          await moveCaseDeadline(db, { calendar, policy }, { caseNo: kase.case_no, deadlineAt, actor: act.actor, reason: req.body.reason, by: act.name });
          return { body: { caseNo: kase.case_no, status: kase.status, deadlineAt: deadlineAt.toISOString() } };
        },
        { detail: { deadlineAt: deadlineAt.toISOString() } },
      );
    },
  );
};
