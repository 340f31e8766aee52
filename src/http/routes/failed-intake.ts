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

const LIST = `
  SELECT id, channel, attempts, last_error, created_at FROM message
  WHERE direction = 'in' AND status = 'poisoned' AND ($1::text IS NULL OR channel = $1) AND ($2::int IS NULL OR id < $2)
  ORDER BY id DESC LIMIT $3`;

const RETRY = `
  WITH old AS (SELECT id, status FROM message WHERE id = $1 AND direction = 'in' FOR UPDATE),
  retried AS (
    UPDATE message m SET status = 'received', attempts = 0 FROM old WHERE m.id = old.id AND old.status = 'poisoned' RETURNING m.id
  )
  SELECT (SELECT status FROM old) AS status, (SELECT id FROM retried) AS retried`;

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
      const { rows } = await pool.query<{ id: number; channel: string; attempts: number; last_error: string | null; created_at: Date }>(LIST, [
        q.channel ?? null, q.cursor ?? null, q.limit + 1,
      ]);
      const page = rows.slice(0, q.limit);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'intake.failed.list', subjectType: 'message', detail: { query: q, count: page.length } });
      return {
        items: page.map((r) => ({ id: r.id, channel: r.channel, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at.toISOString() })),
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
      const { rows } = await pool.query<{ status: string | null; retried: number | null }>(RETRY, [id]);
      const r = rows[0]!;
      if (!r.status) throw new InputError('id', `no inbound message ${id}`, 404, 'not_found');
      if (!r.retried) throw new InputError('id', `message ${id} is ${r.status}, not poisoned`, 409, 'conflict');
      let status: 'received' | 'unqueued' = 'received';
      try {
        await app.deps.queue.add('messages', { messageIds: [id] });
      } catch {
        // Redis is away: the sweeper queues it once Redis is back.
        await pool.query(`UPDATE message SET status = 'unqueued' WHERE id = $1 AND status = 'received'`, [id]);
        status = 'unqueued';
      }
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'intake.retry', subjectType: 'message', subjectId: String(id) });
      return { id, status };
    },
  );
};
