/** Readiness and metrics for operators. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registry } from '../../core/metrics.js';
import { queueDepth } from '../../workers/queue-metrics.js';
import { EVICTION_HINT, readEvictionPolicy } from '../../runtime/redis-policy.js';

const Check = z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() });
const RedisCheck = Check.extend({
  /** Redis's maxmemory-policy; anything but noeviction can lose queued jobs. */
  evictionPolicy: z.string().optional(),
  warning: z.string().optional(),
});
const Health = { postgres: Check, redis: RedisCheck };

/** The eviction policy changes rarely (a restart, a CONFIG SET): read it again at most this often. */
const POLICY_TTL_MS = 10_000;

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
  let policy: { value: string | null; at: number } | null = null;
  const currentPolicy = async () => {
    if (!policy || performance.now() - policy.at > POLICY_TTL_MS) policy = { value: await readEvictionPolicy(app.deps.redis), at: performance.now() };
    return policy.value;
  };

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Readiness: PostgreSQL and Redis reachable, and not shutting down',
        description: 'Answers 503 while either is unreachable, and while the gateway drains before it stops (`status: draining`).',
        tags: ['operations'],
        response: {
          200: z.object({ status: z.literal('ok'), ...Health }),
          503: z.object({ status: z.enum(['unavailable', 'draining']), ...Health }),
        },
      },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      const [postgres, redis] = await Promise.all([
        check(() => app.deps.db.pool.query('SELECT 1')),
        check(() => app.deps.redis.ping()).then(async (result): Promise<z.infer<typeof RedisCheck>> => {
          if (!result.ok) return result;
          const evictionPolicy = await currentPolicy().catch(() => null);
          if (!evictionPolicy || evictionPolicy === 'noeviction') return { ...result, evictionPolicy: evictionPolicy ?? undefined };
          return { ...result, evictionPolicy, warning: `Redis evicts keys (maxmemory-policy ${evictionPolicy}): ${EVICTION_HINT}` };
        }),
      ]);
      if (app.lifecycle.state !== 'running') return reply.code(503).send({ status: 'draining' as const, postgres, redis });
      if (postgres.ok && redis.ok) return { status: 'ok' as const, postgres, redis };
      return reply.code(503).send({ status: 'unavailable' as const, postgres, redis });
    },
  );

  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_req, reply) => {
    await queueDepth.refresh(app.deps.queue).catch(() => {});
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
