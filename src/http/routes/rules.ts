/**
 * Admins steer routing with rules: create, replace, delete (kept as a
 * version), list. A rule is refused with a 400 saying why when it is invalid,
 * could never match, or its pattern could backtrack catastrophically (ReDoS);
 * every change is a new version with who made it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { RuleAction, RuleConditions } from '../../catalog/rule.js';
import { ruleProblem } from '../../router/rules.js';
import { rulePatternProblem } from '../../router/rule-pattern.js';
import { createRule, deleteRule, listRules, replaceRule, type RuleRecord } from '../../router/rules-repository.js';
import { liaisonExists } from '../../liaisons/liaisons-repository.js';
import { CHANNELS } from '../../channels/registry.js';

const RuleBody = z.object({
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
  conditions: RuleConditions,
  action: RuleAction,
});

const RuleOut = RuleBody.extend({ id: z.number(), version: z.number(), updatedAt: z.string() });

const present = (r: RuleRecord) => ({ ...r, updatedAt: r.updatedAt.toISOString() });

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.deps;
  const channels = CHANNELS.map((c) => c.name);
  const security = [{ bearer: [] }];

  async function checked(body: z.infer<typeof RuleBody>) {
    const problem = ruleProblem(body.conditions, body.action, await catalog.get(), channels);
    if (problem) throw new InputError(problem.field, problem.message);
    const patternProblem = body.conditions.pattern ? await rulePatternProblem(body.conditions.pattern) : null;
    if (patternProblem) throw new InputError('conditions.pattern', patternProblem);
    if (body.action.liaisonId && !(await liaisonExists(db.pool, body.action.liaisonId))) {
      throw new InputError('action.liaisonId', `unknown liaison ${body.action.liaisonId}`);
    }
    return body;
  }

  app.get(
    '/api/v1/rules',
    {
      preHandler: app.requireRole('supervisor'),
      schema: { summary: 'Routing rules in the order they apply', tags: ['rules'], security, response: { 200: z.object({ items: z.array(RuleOut) }) } },
    },
    async () => ({ items: (await listRules(db.pool)).map(present) }),
  );

  app.post(
    '/api/v1/rules',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Create a routing rule', tags: ['rules'], security, body: RuleBody, response: { 201: RuleOut } },
    },
    async (req, reply) => {
      const rule = await createRule(db.pool, await checked(req.body), `user:${req.staff!.id}`);
      catalog.invalidate();
      return reply.code(201).send(present(rule));
    },
  );

  app.put(
    '/api/v1/rules/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Replace a routing rule (a new version)',
        tags: ['rules'],
        security,
        params: z.object({ id: z.coerce.number().int() }),
        body: RuleBody,
        response: { 200: RuleOut },
      },
    },
    async (req) => {
      const rule = await replaceRule(db.pool, req.params.id, await checked(req.body), `user:${req.staff!.id}`);
      if (!rule) throw new InputError('id', `no rule ${req.params.id}`, 404, 'not_found');
      catalog.invalidate();
      return present(rule);
    },
  );

  app.delete(
    '/api/v1/rules/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Delete a routing rule (its versions are kept)', tags: ['rules'], security, params: z.object({ id: z.coerce.number().int() }) },
    },
    async (req, reply) => {
      if (!(await deleteRule(db.pool, req.params.id, `user:${req.staff!.id}`))) throw new InputError('id', `no rule ${req.params.id}`, 404, 'not_found');
      catalog.invalidate();
      return reply.code(204).send();
    },
  );
};
