/**
 * Leaders' visits to their zones (领导下访): the seed asks district leaders to
 * visit at least twice a month and street and department leaders at least
 * once. Visits are logged against a zone; a month's figures say who is behind.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';

export const REQUIRED_PER_MONTH = { district: 2, street: 1, department: 1 } as const;
const Level = z.enum(['district', 'street', 'department']);

const NewVisit = z.object({
  zoneCode: z.string(),
  leader: z.string().trim().min(1).max(50),
  level: Level,
  visitedAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(2000).optional(),
});

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog, config } = app.deps;

  app.post(
    '/api/v1/visits',
    { preHandler: app.requireRole('admin'), schema: { summary: "Log a leader's visit to a zone", tags: ['supervision'], security: [{ bearer: [] }], body: NewVisit, response: { 201: z.object({ id: z.number() }) } } },
    async (req, reply) => {
      const v = req.body;
      const zone = (await catalog.get()).zonesByCode.get(v.zoneCode);
      if (!zone) throw new InputError('zoneCode', `unknown zone ${v.zoneCode}`);
      if (new Date(v.visitedAt).getTime() > Date.now() + 60_000) throw new InputError('visitedAt', 'a visit cannot be in the future');
      const actor = `user:${req.staff!.id}`;
      const { rows } = await db.pool.query<{ id: number }>(
        'INSERT INTO leader_visit (zone_id, leader, level, visited_at, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [zone.id, v.leader, v.level, v.visitedAt, v.note ?? null, actor],
      );
      await audit(db.pool, { actor, action: 'visit.create', subjectType: 'zone', subjectId: zone.code, detail: { leader: v.leader, level: v.level } });
      return reply.code(201).send(rows[0]!);
    },
  );

  app.get(
    '/api/v1/visits',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: "A month's visits, and each leader's count against what is required (who is behind)",
        tags: ['supervision'],
        security: [{ bearer: [] }],
        querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') }),
        response: {
          200: z.object({
            month: z.string(),
            leaders: z.array(z.object({ leader: z.string(), level: Level, visits: z.number(), required: z.number(), behind: z.boolean(), zones: z.array(z.string()) })),
          }),
        },
      },
    },
    async (req) => {
      // The month as the office reckons it (its own time zone).
      const { rows } = await db.pool.query<{ leader: string; level: z.infer<typeof Level>; visits: number; zones: string[] }>(
        // Every leader who ever logged a visit is expected every month: none this month is behind too.
        `SELECT k.leader, k.level, count(z.code)::int AS visits, coalesce(array_agg(DISTINCT z.code) FILTER (WHERE z.code IS NOT NULL), '{}') AS zones
         FROM (SELECT DISTINCT leader, level FROM leader_visit) k
         LEFT JOIN leader_visit v ON v.leader = k.leader AND v.level = k.level AND to_char(v.visited_at AT TIME ZONE $2, 'YYYY-MM') = $1
         LEFT JOIN zone z ON z.id = v.zone_id
         GROUP BY k.leader, k.level ORDER BY k.level, k.leader`,
        [req.query.month, config.OFFICE_TIME_ZONE],
      );
      return {
        month: req.query.month,
        leaders: rows.map((r) => ({ ...r, required: REQUIRED_PER_MONTH[r.level], behind: r.visits < REQUIRED_PER_MONTH[r.level] })),
      };
    },
  );
};
