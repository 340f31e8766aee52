/** The console's sidebar counts and its polling for new and changed cases, within the caller's scope. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { CASE_VIEWS, viewCondition } from '../../cases/case-views.js';
import { countCases } from '../../cases/cases-repository.js';
import { scopeCondition, scopeOf } from '../../cases/scope.js';
import { changesSince, currentCursor, formatCursor, parseCursor } from '../../cases/case-feed.js';

export const caseFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const readers = app.requireRole('supervisor', 'dispatcher', 'liaison');

  app.get(
    '/api/v1/cases/views',
    {
      preHandler: readers,
      schema: {
        summary: 'How many cases each list view holds for the caller (the sidebar badges)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ counts: z.record(z.enum(CASE_VIEWS), z.number()) }) },
      },
    },
    async (req) => {
      const scope = scopeOf(req.staff!);
      const counts = await Promise.all(
        CASE_VIEWS.map(async (view) => {
          const values: unknown[] = [];
          const where = [scopeCondition(scope, 'c', values), viewCondition(view, scope.kind !== 'all')];
          return [view, await countCases(pool, {}, { where, values })] as const;
        }),
      );
      return { counts: Object.fromEntries(counts) as Record<(typeof CASE_VIEWS)[number], number> };
    },
  );

  app.get(
    '/api/v1/cases/updates',
    {
      preHandler: readers,
      schema: {
        summary: 'Cases changed and new since a cursor (poll it; start without `after` to get the first cursor)',
        tags: ['cases'],
        security: [{ bearer: [] }],
        querystring: z.object({ after: z.string().max(40).optional().describe('the cursor of the previous answer') }),
        response: { 200: z.object({ cursor: z.string(), changed: z.number(), newCaseNos: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const now = await currentCursor(pool);
      if (req.query.after === undefined) return { cursor: formatCursor(now), changed: 0, newCaseNos: [] };
      const after = parseCursor(req.query.after);
      if (!after) throw new InputError('after', 'not a cursor from this endpoint');
      const { changed, newCaseNos } = await changesSince(pool, after, scopeOf(req.staff!));
      return { cursor: formatCursor(now), changed, newCaseNos };
    },
  );
};
