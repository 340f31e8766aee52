/**
 * Admins steer routing with rules: create, replace, delete (kept as a
 * version), list. A rule is refused with a 400 saying why when it is invalid,
 * could never match, or its pattern could backtrack catastrophically (ReDoS);
 * every change is a new version with who made it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { RuleAction, RuleConditions } from '../../catalog/rule.js';
import { ruleProblem } from '../../router/rules.js';
import { rulePatternProblem } from '../../router/rule-pattern.js';
import { CHANNELS } from '../../channels/registry.js';

const RuleBody = z.object({
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
  conditions: RuleConditions,
  action: RuleAction,
});

const RuleOut = RuleBody.extend({ id: z.number(), version: z.number(), updatedAt: z.string() });

const COLUMNS = `id, name, priority, active, conditions, action, version, updated_at AS "updatedAt"`;

interface RuleRow {
  id: number;
  name: string;
  priority: number;
  active: boolean;
  conditions: z.infer<typeof RuleConditions>;
  action: z.infer<typeof RuleAction>;
  version: number;
  updatedAt: Date;
}

const present = (r: RuleRow) => ({ ...r, updatedAt: r.updatedAt.toISOString() });

async function keepVersion(pool: pg.Pool, rule: RuleRow, actor: string, deleted = false): Promise<void> {
  await pool.query('INSERT INTO routing_rule_version (rule_id, version, snapshot, actor) VALUES ($1, $2, $3, $4)', [
    rule.id,
    rule.version,
    JSON.stringify({ ...rule, deleted }),
    actor,
  ]);
}

export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.deps;
  const channels = CHANNELS.map((c) => c.name);
  const security = [{ bearer: [] }];

  async function checked(body: z.infer<typeof RuleBody>) {
    const problem = ruleProblem(body.conditions, body.action, await catalog.get(), channels);
    if (problem) throw new InputError(problem.field, problem.message);
    const patternProblem = body.conditions.pattern ? await rulePatternProblem(body.conditions.pattern) : null;
    if (patternProblem) throw new InputError('conditions.pattern', patternProblem);
    if (body.action.liaisonId) {
      const { rowCount } = await db.pool.query('SELECT 1 FROM liaison WHERE id = $1', [body.action.liaisonId]);
      if (!rowCount) throw new InputError('action.liaisonId', `unknown liaison ${body.action.liaisonId}`);
    }
    return body;
  }

  app.get(
    '/api/v1/rules',
    { preHandler: app.requireRole('supervisor'), schema: { summary: 'Routing rules in the order they apply', tags: ['rules'], security, response: { 200: z.object({ items: z.array(RuleOut) }) } } },
    async () => {
      const { rows } = await db.pool.query<RuleRow>(`SELECT ${COLUMNS} FROM routing_rule WHERE NOT deleted ORDER BY priority, id`);
      return { items: rows.map(present) };
    },
  );

  app.post(
    '/api/v1/rules',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Create a routing rule', tags: ['rules'], security, body: RuleBody, response: { 201: RuleOut } } },
    async (req, reply) => {
      const r = await checked(req.body);
      const { rows } = await db.pool.query<RuleRow>(
        `INSERT INTO routing_rule (name, priority, active, conditions, action) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [r.name, r.priority, r.active, JSON.stringify(r.conditions), JSON.stringify(r.action)],
      );
      const actor = `user:${req.staff!.id}`;
      await keepVersion(db.pool, rows[0]!, actor);
      await audit(db.pool, { actor, action: 'rule.create', subjectType: 'rule', subjectId: String(rows[0]!.id) });
      catalog.invalidate();
      return reply.code(201).send(present(rows[0]!));
    },
  );

  app.put(
    '/api/v1/rules/:id',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Replace a routing rule (a new version)', tags: ['rules'], security, params: z.object({ id: z.coerce.number().int() }), body: RuleBody, response: { 200: RuleOut } } },
    async (req) => {
      const r = await checked(req.body);
      const { rows } = await db.pool.query<RuleRow>(
        `UPDATE routing_rule SET name = $2, priority = $3, active = $4, conditions = $5, action = $6, version = version + 1, updated_at = now()
         WHERE id = $1 AND NOT deleted RETURNING ${COLUMNS}`,
        [req.params.id, r.name, r.priority, r.active, JSON.stringify(r.conditions), JSON.stringify(r.action)],
      );
      if (!rows[0]) throw new InputError('id', `no rule ${req.params.id}`, 404, 'not_found');
      const actor = `user:${req.staff!.id}`;
      await keepVersion(db.pool, rows[0], actor);
      await audit(db.pool, { actor, action: 'rule.update', subjectType: 'rule', subjectId: String(req.params.id) });
      catalog.invalidate();
      return present(rows[0]);
    },
  );

  app.delete(
    '/api/v1/rules/:id',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Delete a routing rule (its versions are kept)', tags: ['rules'], security, params: z.object({ id: z.coerce.number().int() }) } },
    async (req, reply) => {
      const { rows } = await db.pool.query<RuleRow>(
        `UPDATE routing_rule SET deleted = true, version = version + 1, updated_at = now() WHERE id = $1 AND NOT deleted RETURNING ${COLUMNS}`,
        [req.params.id],
      );
      if (!rows[0]) throw new InputError('id', `no rule ${req.params.id}`, 404, 'not_found');
      const actor = `user:${req.staff!.id}`;
      await keepVersion(db.pool, rows[0], actor, true);
      await audit(db.pool, { actor, action: 'rule.delete', subjectType: 'rule', subjectId: String(req.params.id) });
      catalog.invalidate();
      return reply.code(204).send();
    },
  );
};
