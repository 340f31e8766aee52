/**
 * Admins steer routing with rules: create, replace, delete (kept as a
 * version), list. A rule is refused with a 400 saying why when it is invalid,
 * could never match, or its pattern could backtrack catastrophically (ReDoS);
 * every change is a new version with who made it. Reordering sets every
 * priority at once. Versions and the impact preview have their own files.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { createRule, deleteRule, deletedRules, listRules, orderRules, replaceRule } from '../../router/rules-repository.js';
import { present, ruleChecker, RuleBody, RuleOut } from './rule-body.js';

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.deps;
  const security = [{ bearer: [] }];
  const checked = ruleChecker(app);

  app.get(
    '/api/v1/rules',
    {
      preHandler: app.requireRole('supervisor'),
      schema: { summary: 'Routing rules in the order they apply', tags: ['rules'], security, response: { 200: z.object({ items: z.array(RuleOut) }) } },
    },
    async () => ({ items: (await listRules(db.pool)).map(present) }),
  );

  app.get(
    '/api/v1/rules/deleted',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'Deleted routing rules, latest first (their versions are kept and one can be restored)',
        tags: ['rules'],
        security,
        response: { 200: z.object({ items: z.array(RuleOut) }) },
      },
    },
    async () => ({ items: (await deletedRules(db.pool)).map(present) }),
  );

  // One call for a whole new order: a drag moves many priorities, and they must change together or not at all.
  app.post(
    '/api/v1/rules/order',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Put the routing rules in this order (priorities 10, 20, …; a new version of each rule that moves)',
        tags: ['rules'],
        security,
        body: z.object({ ids: z.array(z.number().int().positive()).max(1000) }),
        response: { 200: z.object({ items: z.array(RuleOut) }) },
      },
    },
    async (req) => {
      const rules = await orderRules(db.pool, req.body.ids, `user:${req.staff!.id}`);
      if (!rules) throw new InputError('ids', 'list every rule that is not deleted, each once');
      catalog.invalidate();
      return { items: rules.map(present) };
    },
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
