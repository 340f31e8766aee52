/**
 * What operators watch in the console: how deep the intake queue and the
 * outbox are, and the settings the console must know to warn people (a
 * PUBLIC_BASE_URL on localhost makes printed QR codes dead on paper).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/db.js';

const IntakeCounts = z.object({ waiting: z.number(), active: z.number(), delayed: z.number(), failed: z.number(), prioritized: z.number() });
const OutboxCounts = z.object({
  /** Waiting for their first attempt. */
  pending: z.number(),
  /** Waiting for another attempt after a transient failure. */
  retrying: z.number(),
  sending: z.number(),
  /** Given up after a permanent error or too many attempts (dead). */
  failed: z.number(),
  /** The provider never answered: may or may not have been delivered. */
  unknown: z.number(),
});

const OUTBOX_COUNTS = `
  SELECT count(*) FILTER (WHERE status = 'pending' AND last_error IS NULL)::int AS pending,
         count(*) FILTER (WHERE status = 'pending' AND last_error IS NOT NULL)::int AS retrying,
         count(*) FILTER (WHERE status = 'sending')::int AS sending,
         count(*) FILTER (WHERE status = 'failed')::int AS failed,
         count(*) FILTER (WHERE status = 'unknown')::int AS unknown
  FROM outbox WHERE status IN ('pending', 'sending', 'failed', 'unknown')`;

export async function outboxCounts(db: Queryable): Promise<z.infer<typeof OutboxCounts>> {
  const { rows } = await db.query<z.infer<typeof OutboxCounts>>(OUTBOX_COUNTS);
  return rows[0]!;
}

const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/** Whether a base URL names this machine only (or a .localhost / .local name no phone can reach). */
export function isLocalAddress(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return LOCAL_HOSTS.test(host) || host.endsWith('.localhost') || host.endsWith('.local');
}

export const queueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  app.get(
    '/api/v1/operations/queues',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: "The intake queue's jobs by state and the outbox's sends not yet out, by state",
        tags: ['operations'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ intake: IntakeCounts, outbox: OutboxCounts, at: z.string() }) },
      },
    },
    async () => {
      const [jobs, outbox] = await Promise.all([app.deps.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'), outboxCounts(pool)]);
      const intake = {
        waiting: jobs.waiting ?? 0,
        active: jobs.active ?? 0,
        delayed: jobs.delayed ?? 0,
        failed: jobs.failed ?? 0,
        prioritized: jobs.prioritized ?? 0,
      };
      return { intake, outbox, at: new Date().toISOString() };
    },
  );

  app.get(
    '/api/v1/operations/settings',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'Settings the console needs to warn people: the public base URL and whether it is a local address',
        tags: ['operations'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ publicBaseUrl: z.string(), publicBaseUrlIsLocal: z.boolean(), routerModelPollMs: z.number() }) },
      },
    },
    async () => {
      const { PUBLIC_BASE_URL, ROUTER_MODEL_POLL_MS } = app.deps.config;
      return { publicBaseUrl: PUBLIC_BASE_URL, publicBaseUrlIsLocal: isLocalAddress(PUBLIC_BASE_URL), routerModelPollMs: ROUTER_MODEL_POLL_MS };
    },
  );
};
