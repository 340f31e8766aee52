/**
 * Inbound messages set aside as poisoned (their processing threw
 * INTAKE_MAX_ATTEMPTS times): supervisors see them, an admin queues one again
 * once the cause is fixed (audited). The list shows the error, not the text;
 * the text is in the message row for whoever investigates.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { listPoisoned, releasePoisoned } from '../../intake/poisoned-messages.js';
import { markUnqueued } from '../../intake/queue.js';

const PoisonedMessage = z.object({
  id: z.number(),
  channel: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});

const ListQuery = z.object({
  channel: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page'),
});

export const failedIntakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  app.get(
    '/api/v1/intake/failed',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'Inbound messages set aside as poisoned, newest first',
        tags: ['intake'],
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(PoisonedMessage), nextCursor: z.number().nullable() }) },
      },
    },
    async (req) => {
      const q = req.query;
      const rows = await listPoisoned(pool, { channel: q.channel, before: q.cursor, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'intake.failed.list', subjectType: 'message', detail: { query: q, count: page.length } });
      return {
        items: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
      };
    },
  );

  app.post(
    '/api/v1/intake/failed/:id/retry',
    {
      preHandler: app.requireRole(),
      schema: {
        summary: 'Process a poisoned message again (with a fresh count of attempts)',
        tags: ['intake'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ id: z.number(), status: z.enum(['received', 'unqueued']) }) },
      },
    },
    async (req) => {
      const { id } = req.params;
      const released = await releasePoisoned(pool, id, `user:${req.staff!.id}`);
      if (!released.released && !released.status) throw new InputError('id', `no inbound message ${id}`, 404, 'not_found');
      if (!released.released) throw new InputError('id', `message ${id} is ${released.status}, not poisoned`, 409, 'conflict');
      let status: 'received' | 'unqueued' = 'received';
      try {
        await app.deps.queue.add('messages', { messageIds: [id] });
      } catch {
        // Redis is away: the sweeper queues it once Redis is back.
        await markUnqueued(pool, [id]);
        status = 'unqueued';
      }
      return { id, status };
    },
  );
};
