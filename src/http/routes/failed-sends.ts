/**
 * Sends that did not go out, for staff: those that finally failed and those
 * whose outcome is unknown (the provider never answered). Supervisors read the
 * list; an admin puts one back in the queue or gives it up (audited, on the case's timeline).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { maskEmail, maskPhone } from '../../core/contact-address.js';
import { changeSend, listFailedSends, notCancellableReason } from '../../outbox/failed-sends.js';

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

function mask(address: string | null): string | null {
  if (!address) return null;
  return address.includes('@') ? maskEmail(address) : address.startsWith('+') ? maskPhone(address) : '***';
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
      const rows = await listFailedSends(pool, { channel: q.channel, kind: q.kind, status: q.status, before: q.cursor, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'outbox.failed.list', subjectType: 'outbox', detail: { query: q, count: page.length } });
      return {
        items: page.map(({ toAddress, ...r }) => ({
          ...r,
          to: mask(toAddress),
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
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
      const outcome = await changeSend(pool, 'retry', id, `user:${req.staff!.id}`);
      if (!outcome.changed && !outcome.status) throw new InputError('id', `no send ${id}`, 404, 'not_found');
      if (!outcome.changed) throw new InputError('id', `send ${id} is ${outcome.status}, not failed or unknown`, 409, 'conflict');
      return { id, status: 'pending' as const };
    },
  );

  app.post(
    '/api/v1/outbox/:id/cancel',
    {
      preHandler: app.requireRole(),
      schema: {
        summary: 'Give up a send not yet handed to a provider (waiting, retrying, failed or unknown): it is never sent afterwards',
        description:
          "Recorded on the case's timeline (`send_cancelled`, with who) and audited. A send in flight or already sent is refused 409 with the reason.",
        tags: ['outbox'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.coerce.number().int().positive().max(0x7fff_ffff) }),
        response: { 200: z.object({ id: z.number(), status: z.literal('cancelled'), was: z.string() }) },
      },
    },
    async (req) => {
      const { id } = req.params;
      const outcome = await changeSend(pool, 'cancel', id, `user:${req.staff!.id}`);
      if (!outcome.changed && !outcome.status) throw new InputError('id', `no send ${id}`, 404, 'not_found');
      if (!outcome.changed) throw new InputError('id', `send ${id} cannot be cancelled: ${notCancellableReason(outcome.status!)}`, 409, 'conflict');
      return { id, status: 'cancelled' as const, was: outcome.was };
    },
  );
};
