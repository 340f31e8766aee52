/**
 * A routing rule as the API takes and gives it, and the checks a rule passes
 * before it is saved, restored or previewed: valid, able to match, a pattern
 * that cannot backtrack catastrophically (ReDoS), a liaison who exists.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { RuleAction, RuleConditions } from '../../catalog/rule.js';
import { ruleProblem } from '../../router/rules.js';
import { rulePatternProblem } from '../../router/rule-pattern.js';
import type { RuleRecord } from '../../router/rules-repository.js';
import { liaisonExists } from '../../liaisons/liaisons-repository.js';
import { CHANNELS } from '../../channels/registry.js';

export const RuleBody = z.object({
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
  conditions: RuleConditions,
  action: RuleAction,
});
export type RuleBody = z.infer<typeof RuleBody>;

export const RuleOut = RuleBody.extend({ id: z.number(), version: z.number(), updatedAt: z.string() });

export const present = (r: RuleRecord) => ({ ...r, updatedAt: r.updatedAt.toISOString() });

/** A check of a rule against the zones, categories, channels and liaisons there are now; `prefix` goes before the field named. */
export function ruleChecker(app: FastifyInstance) {
  const { db, catalog } = app.deps;
  const channels = CHANNELS.map((c) => c.name);
  return async function checked<T extends RuleBody>(body: T, prefix = ''): Promise<T> {
    const problem = ruleProblem(body.conditions, body.action, await catalog.get(), channels);
    if (problem) throw new InputError(prefix + problem.field, problem.message);
    const patternProblem = body.conditions.pattern ? await rulePatternProblem(body.conditions.pattern) : null;
    if (patternProblem) throw new InputError(`${prefix}conditions.pattern`, patternProblem);
    if (body.action.liaisonId && !(await liaisonExists(db.pool, body.action.liaisonId))) {
      throw new InputError(`${prefix}action.liaisonId`, `unknown liaison ${body.action.liaisonId}`);
    }
    return body;
  };
}
