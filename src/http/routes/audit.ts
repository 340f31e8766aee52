/**
 * The audit log for admins and supervisors: who did what to which case or
 * setting, searchable by person (actor), action, subject and period, newest
 * first. Reading it is itself audited, as staff reads of cases and of the
 * failed sends are: the log says who looked into it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import type { Queryable } from '../../store/db.js';

const AuditQuery = z.object({
  actor: z.string().max(80).optional().describe('exact, e.g. `user:3`, `system`'),
  action: z
    .string()
    .max(80)
    .regex(/^[a-z_.]+$/, 'letters, "_" and "." only')
    .optional()
    .describe('exact (`card.rotate`) or a family (`card` finds every `card.…`)'),
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(80).optional(),
  caseNo: z
    .string()
    .regex(/^\d{10,16}$/, 'a case number is 10 to 16 digits')
    .optional()
    .describe('the case as subject (subjectType case)'),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('from this time (a date: its start, UTC)'),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('before this time (a date: the end of that day, UTC)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const AuditItem = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  /** The person's name for `user:<id>` actors, else null. */
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

const Actor = z.object({ actor: z.string(), name: z.string(), role: z.string(), disabled: z.boolean() });

/** `$1`–`$6`: actor, action (or its family), subject type, subject id, from, to. */
const WHERE = `
  WHERE ($1::text IS NULL OR a.actor = $1)
    AND ($2::text IS NULL OR a.action = $2 OR a.action LIKE replace($2, '_', '\\_') || '.%')
    AND ($3::text IS NULL OR a.subject_type = $3)
    AND ($4::text IS NULL OR a.subject_id = $4)
    AND ($5::timestamptz IS NULL OR a.at >= $5)
    AND ($6::timestamptz IS NULL OR a.at < $6)`;

const SEARCH = `
  SELECT a.id, a.at, a.actor, u.name AS "actorName", a.action, a.subject_type AS "subjectType", a.subject_id AS "subjectId",
         a.detail, count(*) OVER ()::int AS total
  FROM audit_event a
  LEFT JOIN app_user u ON u.id = CASE WHEN a.actor ~ '^user:[0-9]{1,9}$' THEN substr(a.actor, 6)::int END
  ${WHERE}
  ORDER BY a.at DESC, a.id DESC
  LIMIT $7 OFFSET $8`;

/** A date alone means the whole day: `to` is then the start of the next day. */
function bound(value: string | undefined, end: boolean): Date | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return end ? new Date(day.getTime() + 86_400_000) : day;
  }
  return new Date(value);
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  app.get(
    '/api/v1/audit',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The audit log, newest first, filtered by actor, action, subject and period',
        tags: ['audit'],
        security: [{ bearer: [] }],
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditItem), total: z.number() }) },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.caseNo && q.subjectType && q.subjectType !== 'case') throw new InputError('caseNo', 'a case number searches subjectType case only');
      if (q.caseNo && q.subjectId && q.subjectId !== q.caseNo) throw new InputError('caseNo', 'give either caseNo or subjectId');
      const from = bound(q.from, false);
      const to = bound(q.to, true);
      if (from && to && from >= to) throw new InputError('to', '"to" must be after "from"');
      const subjectType = q.caseNo ? 'case' : (q.subjectType ?? null);
      const subjectId = q.caseNo ?? q.subjectId ?? null;
      const { rows } = await pool.query<z.infer<typeof AuditItem> & { at: Date; total: number }>(SEARCH, [
        q.actor ?? null,
        q.action ?? null,
        subjectType,
        subjectId,
        from,
        to,
        q.limit,
        q.offset,
      ]);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'audit.search', subjectType: 'audit', detail: { query: q, count: rows.length } });
      // Past the last page there are no rows to carry the total: count it apart only then.
      const total = rows[0]?.total ?? (q.offset > 0 ? await countOnly(pool, [q.actor ?? null, q.action ?? null, subjectType, subjectId, from, to]) : 0);
      return { items: rows.map(({ total: _total, at, ...r }) => ({ ...r, at: at.toISOString() })), total };
    },
  );

  app.get(
    '/api/v1/audit/actors',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The staff accounts that can appear as actors in the audit log (`user:<id>`), by name',
        tags: ['audit'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(Actor) }) },
      },
    },
    async () => {
      const { rows } = await pool.query<z.infer<typeof Actor>>(
        `SELECT 'user:' || id AS actor, name, role::text AS role, disabled FROM app_user ORDER BY disabled, name, id`,
      );
      return { items: rows };
    },
  );
};

async function countOnly(pool: Queryable, params: unknown[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event a ${WHERE}`, params);
  return rows[0]!.n;
}
