/**
 * Readiness and metrics for operators. /metrics is not for the public:
 * with METRICS_TOKEN it needs that bearer token; with METRICS_PORT it is
 * served only on its own listener (METRICS_HOST, 127.0.0.1 by default) and
 * the public port answers 404; with neither, only loopback clients get it.
 * Business figures are left out unless METRICS_BUSINESS=true.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import client from 'prom-client';
import { z } from 'zod';
import { businessRegistry, registry } from '../../core/metrics.js';
import { queueDepth } from '../../workers/queue-metrics.js';
import { EVICTION_HINT, readEvictionPolicy } from '../../store/redis-policy.js';
import { ping } from '../../store/db.js';
import type { AppDeps } from '../context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The separate metrics listener's port (METRICS_PORT; 0 picks one), once listening; else null. */
    metricsPort: number | null;
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether this request may read the metrics (see the file's comment). */
function metricsAllowed(req: FastifyRequest, token: string | undefined, ownListener: boolean): boolean {
  if (token) {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
  }
  return ownListener || LOOPBACK.test(req.ip);
}

function serveMetrics(deps: AppDeps, ownListener: boolean) {
  const business = deps.config.METRICS_BUSINESS === 'true';
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!metricsAllowed(req, deps.config.METRICS_TOKEN, ownListener)) {
      if (deps.config.METRICS_TOKEN) reply.header('WWW-Authenticate', 'Bearer');
      return reply
        .code(deps.config.METRICS_TOKEN ? 401 : 403)
        .type('application/json; charset=utf-8')
        .send({
          error: deps.config.METRICS_TOKEN ? 'unauthorized' : 'forbidden',
          message: deps.config.METRICS_TOKEN ? 'the metrics need the METRICS_TOKEN bearer token' : 'the metrics are served to this host only',
        });
    }
    await queueDepth.refresh(deps.queue).catch(() => {});
    const source = business ? client.Registry.merge([registry, businessRegistry]) : registry;
    return reply.type(registry.contentType).send(await source.metrics());
  };
}

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
        check(() => ping(app.deps.db.pool)),
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

  const { config } = app.deps;
  app.decorate('metricsPort', null);
  if (config.METRICS_PORT === undefined) {
    app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, serveMetrics(app.deps, false));
    return;
  }
  // Its own listener: the public port has no /metrics at all.
  const metrics = Fastify({ logger: false });
  metrics.get('/metrics', serveMetrics(app.deps, true));
  app.addHook('onListen', async () => {
    await metrics.listen({ host: config.METRICS_HOST, port: config.METRICS_PORT });
    app.metricsPort = (metrics.server.address() as AddressInfo).port;
    app.log.info({ host: config.METRICS_HOST, port: app.metricsPort }, 'metrics listener started');
  });
  app.addHook('onClose', async () => {
    await metrics.close();
  });
};
