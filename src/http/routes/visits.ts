/**
 * Leaders' visits to their zones (领导下访), for staff: admins log them,
 * supervisors read a month's figures (src/supervision/leader-visits.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { logVisit, visitsOfMonth } from '../../supervision/leader-visits.js';

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
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "Log a leader's visit to a zone",
        tags: ['supervision'],
        security: [{ bearer: [] }],
        body: NewVisit,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) => {
      const v = req.body;
      const zone = (await catalog.get()).zonesByCode.get(v.zoneCode);
      if (!zone) throw new InputError('zoneCode', `unknown zone ${v.zoneCode}`);
      if (new Date(v.visitedAt).getTime() > Date.now() + 60_000) throw new InputError('visitedAt', 'a visit cannot be in the future');
      const id = await logVisit(db.pool, { ...v, zoneId: zone.id, zoneCode: zone.code }, `user:${req.staff!.id}`);
      return reply.code(201).send({ id });
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
            leaders: z.array(
              z.object({ leader: z.string(), level: Level, visits: z.number(), required: z.number(), behind: z.boolean(), zones: z.array(z.string()) }),
            ),
          }),
        },
      },
    },
    async (req) => ({ month: req.query.month, leaders: await visitsOfMonth(db.pool, req.query.month, config.OFFICE_TIME_ZONE) }),
  );
};
