/**
 * The router's model versions (router_model) and the console's retrain: an
 * admin starts one (202 with a job id; 409 while one runs), anyone who may
 * read operations follows it until the new model is live.
 */
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { shippedDigest } from '../../router/model-store.js';
import { RetrainJobs, type RetrainState } from '../../router/retrain-job.js';

const ModelVersion = z.object({
  id: z.number(),
  createdAt: z.string(),
  examples: z.number(),
  corrections: z.number(),
  /** Who trained it: `user:<id>`, `cli:<user>` (npm run router:retrain) or `startup`. */
  actor: z.string(),
  actorName: z.string().nullable(),
  /** The model this process classifies with. */
  live: z.boolean(),
  /** Trained on this code's shipped examples and feature format: others are never loaded. */
  compatible: z.boolean(),
});

const Retrain = z.object({
  jobId: z.string(),
  /** `stored`: saved, running processes load it within `pollMs`; `live`: this process runs it. */
  state: z.enum(['training', 'stored', 'live', 'failed']),
  actor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  version: z.number().nullable(),
  examples: z.number().nullable(),
  corrections: z.number().nullable(),
  trainingMs: z.number().nullable(),
  error: z.string().nullable(),
});

const LIST = `
  SELECT m.id, m.created_at AS "createdAt", m.examples, m.corrections, m.actor, u.name AS "actorName", m.examples_digest = $1 AS compatible
  FROM router_model m
  LEFT JOIN app_user u ON u.id = CASE WHEN m.actor ~ '^user:[0-9]{1,9}$' THEN substr(m.actor, 6)::int END
  ORDER BY m.id DESC LIMIT $2`;

export const routerModelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, classifier, redis } = app.deps;
  const { pool } = app.deps.db;
  const digest = shippedDigest();
  const jobs = new RetrainJobs({
    pool,
    redis,
    prefix: config.QUEUE_PREFIX,
    log: app.log.child({ component: 'router' }),
    cacheDir: config.ROUTER_MODEL_CACHE_DIR ?? join(config.DATA_DIR, 'models'),
  });
  app.addHook('onClose', () => jobs.close());

  const present = (s: RetrainState): z.infer<typeof Retrain> => {
    const { phase, ...rest } = s;
    const live = phase === 'stored' && s.version !== null && (classifier.modelVersion ?? 0) >= s.version;
    return { ...rest, state: live ? 'live' : phase };
  };

  app.get(
    '/api/v1/router/models',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: "The router's model versions, newest first, and the last retrain's state",
        tags: ['router'],
        security: [{ bearer: [] }],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: {
          200: z.object({ items: z.array(ModelVersion), liveVersion: z.number().nullable(), pollMs: z.number(), retrain: Retrain.nullable() }),
        },
      },
    },
    async (req) => {
      const { rows } = await pool.query<Omit<z.infer<typeof ModelVersion>, 'live' | 'createdAt'> & { createdAt: Date }>(LIST, [digest, req.query.limit]);
      const state = await jobs.current();
      return {
        items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), live: r.id === classifier.modelVersion })),
        liveVersion: classifier.modelVersion,
        pollMs: config.ROUTER_MODEL_POLL_MS,
        retrain: state ? present(state) : null,
      };
    },
  );

  app.post(
    '/api/v1/router/models',
    {
      preHandler: app.requireRole(),
      schema: {
        summary: 'Retrain the router on the shipped examples and every staff correction, in the background',
        description:
          'Answers 202 with the job at once; `GET /api/v1/router/models` follows it (`training` → `stored` → `live`, or `failed`). One at a time: 409 while one runs.',
        tags: ['router'],
        security: [{ bearer: [] }],
        response: { 202: Retrain },
      },
    },
    async (req, reply) => {
      const actor = `user:${req.staff!.id}`;
      const started = await jobs.start(actor);
      if (!started) throw new InputError('retrain', 'a retrain is running already: wait for it to finish', 409, 'conflict');
      await audit(pool, { actor, action: 'router.retrain', subjectType: 'router_model', subjectId: started.jobId });
      return reply.code(202).send(present(started));
    },
  );
};
