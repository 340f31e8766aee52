/** Readiness and metrics for operators. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registry } from '../../core/metrics.js';
import { queueDepth } from '../../workers/queue-metrics.js';

const Check = z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() });

async function check(fn: () => Promise<unknown>): Promise<z.infer<typeof Check>> {
  const start = performance.now();
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2_000))]);
    return { ok: true, ms: Math.round(performance.now() - start) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - start), error: (err as Error).message };
  }
}

export const operationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Readiness: PostgreSQL and Redis reachable',
        tags: ['operations'],
        response: { 200: z.object({ status: z.literal('ok'), postgres: Check, redis: Check }), 503: z.object({ status: z.literal('unavailable'), postgres: Check, redis: Check }) },
      },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      const [postgres, redis] = await Promise.all([
        check(() => app.deps.db.pool.query('SELECT 1')),
        check(() => app.deps.redis.ping()),
      ]);
      if (postgres.ok && redis.ok) return { status: 'ok' as const, postgres, redis };
      return reply.code(503).send({ status: 'unavailable' as const, postgres, redis });
    },
  );

  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_req, reply) => {
    await queueDepth.refresh(app.deps.queue).catch(() => {});
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
