/**
 * Sends that did not go out, for staff: those that finally failed and those
 * whose outcome is unknown (the provider never answered). Supervisors read the
 * list; an admin puts one back in the queue (audited, on the case's timeline).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { maskEmail, maskPhone } from '../../core/contact-address.js';

const FailedSend = z.object({
  id: z.number(),
  caseNo: z.string().nullable(),
  channel: z.string(),
  kind: z.string(),
  /** `failed`: given up; `unknown`: the provider never answered, it may have been delivered. */
  status: z.enum(['failed', 'unknown']),
  attempts: z.number(),
  /** Rate-limit answers waited out (not counted in attempts). */
  rateLimits: z.number(),
  lastError: z.string().nullable(),
  /** Masked. */
  to: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ListQuery = z.object({
  channel: z.string().max(40).optional(),
  kind: z.string().max(40).optional(),
  status: z.enum(['failed', 'unknown']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page'),
});

const LIST = `
  SELECT o.id, c.case_no, o.channel, o.kind, o.status::text AS status, o.attempts, o.rate_limits, o.last_error, o.to_address,
         o.created_at, o.updated_at
  FROM outbox o LEFT JOIN "case" c ON c.id = o.case_id
  WHERE o.status IN ('failed', 'unknown')
    AND ($1::text IS NULL OR o.channel = $1) AND ($2::text IS NULL OR o.kind = $2)
    AND ($3::text IS NULL OR o.status::text = $3) AND ($4::int IS NULL OR o.id < $4)
  ORDER BY o.id DESC LIMIT $5`;

/** Back to the queue at once, with a fresh count of attempts; the timeline says who did it. */
const RETRY = `
  WITH old AS (SELECT id, status FROM outbox WHERE id = $1 FOR UPDATE),
  retried AS (
    UPDATE outbox o SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL, holder = NULL,
           last_error = NULL, updated_at = now()
    FROM old WHERE o.id = old.id AND old.status IN ('failed', 'unknown')
    RETURNING o.id, o.case_id, o.message_id, o.kind, o.channel, old.status::text AS was
  ),
  mirrored AS (UPDATE message m SET status = 'pending' FROM retried WHERE m.id = retried.message_id),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT case_id, 'send_retried', $2, jsonb_build_object('outboxId', id, 'kind', kind, 'channel', channel, 'was', was)
    FROM retried WHERE case_id IS NOT NULL
  )
  SELECT (SELECT status::text FROM old) AS status, (SELECT was FROM retried) AS was`;

function mask(address: string | null): string | null {
  if (!address) return null;
  return address.includes('@') ? maskEmail(address) : address.startsWith('+') ? maskPhone(address) : '***';
}

interface Row {
  id: number;
  case_no: string | null;
  channel: string;
  kind: string;
  status: 'failed' | 'unknown';
  attempts: number;
  rate_limits: number;
  last_error: string | null;
  to_address: string | null;
  created_at: Date;
  updated_at: Date;
}

export const failedSendRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  app.get(
    '/api/v1/outbox/failed',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'Sends that failed or whose outcome is unknown, newest first',
        tags: ['outbox'],
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(FailedSend), nextCursor: z.number().nullable() }) },
      },
    },
    async (req) => {
      const q = req.query;
      const { rows } = await pool.query<Row>(LIST, [q.channel ?? null, q.kind ?? null, q.status ?? null, q.cursor ?? null, q.limit + 1]);
      const page = rows.slice(0, q.limit);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'outbox.failed.list', subjectType: 'outbox', detail: { query: q, count: page.length } });
      return {
        items: page.map((r) => ({
          id: r.id,
          caseNo: r.case_no,
          channel: r.channel,
          kind: r.kind,
          status: r.status,
          attempts: r.attempts,
          rateLimits: r.rate_limits,
          lastError: r.last_error,
          to: mask(r.to_address),
          createdAt: r.created_at.toISOString(),
          updatedAt: r.updated_at.toISOString(),
        })),
        nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
      };
    },
  );

  app.post(
    '/api/v1/outbox/:id/retry',
    {
      preHandler: app.requireRole(),
      schema: {
        summary: 'Send a failed (or unknown) send again: an unknown one may then reach the resident twice',
        tags: ['outbox'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ id: z.number(), status: z.literal('pending') }) },
      },
    },
    async (req) => {
      const { id } = req.params;
      const actor = `user:${req.staff!.id}`;
      const { rows } = await pool.query<{ status: string | null; was: string | null }>(RETRY, [id, actor]);
      const r = rows[0]!;
      if (!r.status) throw new InputError('id', `no send ${id}`, 404, 'not_found');
      if (!r.was) throw new InputError('id', `send ${id} is ${r.status}, not failed or unknown`, 409, 'conflict');
      await audit(pool, { actor, action: 'outbox.retry', subjectType: 'outbox', subjectId: String(id), detail: { was: r.was } });
      return { id, status: 'pending' as const };
    },
  );
};
