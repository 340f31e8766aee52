/**
 * A rule's history: every version with who made it, when, and which fields
 * changed from the version before; and a restore that makes an older version
 * the rule again, as a new version (audited), checked like any save.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { restoreRule, ruleVersions, type RuleVersion } from '../../router/rules-repository.js';
import { present, ruleChecker, RuleOut } from './rule-body.js';

const Change = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const VersionOut = z.object({
  version: z.number(),
  actor: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  snapshot: RuleOut.pick({ name: true, priority: true, active: true, conditions: true, action: true }).extend({ deleted: z.boolean() }),
  /** The fields that differ from the version before (none for the first). */
  changes: z.array(Change),
});

type Snapshot = RuleVersion['snapshot'];

/** The fields of `after` that differ from `before`: top-level ones, and each condition and action by name. */
export function changedFields(before: Snapshot, after: Snapshot): z.infer<typeof Change>[] {
  const changes: z.infer<typeof Change>[] = [];
  for (const field of ['name', 'priority', 'active', 'deleted'] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  for (const part of ['conditions', 'action'] as const) {
    const a = (before[part] ?? {}) as Record<string, unknown>;
    const b = (after[part] ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes.push({ field: `${part}.${key}`, before: a[key] ?? null, after: b[key] ?? null });
    }
  }
  return changes;
}

export const ruleVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog } = app.deps;
  const security = [{ bearer: [] }];
  const checked = ruleChecker(app);

  app.get(
    '/api/v1/rules/:id/versions',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: "A routing rule's versions, newest first: who, when, what changed",
        tags: ['rules'],
        security,
        params: z.object({ id: z.coerce.number().int() }),
        response: { 200: z.object({ items: z.array(VersionOut) }) },
      },
    },
    async (req) => {
      const versions = await ruleVersions(db.pool, req.params.id);
      if (!versions) throw new InputError('id', `no rule ${req.params.id}`, 404, 'not_found');
      return {
        items: versions.map((v, i) => ({
          ...v,
          at: v.at.toISOString(),
          snapshot: { ...v.snapshot, deleted: !!v.snapshot.deleted },
          changes: versions[i + 1] ? changedFields(versions[i + 1]!.snapshot, v.snapshot) : [],
        })),
      };
    },
  );

  app.post(
    '/api/v1/rules/:id/versions/:version/restore',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Make an older version the rule again (a new version; a deleted rule comes back)',
        tags: ['rules'],
        security,
        params: z.object({ id: z.coerce.number().int(), version: z.coerce.number().int() }),
        response: { 200: RuleOut },
      },
    },
    async (req) => {
      const { id, version } = req.params;
      const old = (await ruleVersions(db.pool, id))?.find((v) => v.version === version);
      if (!old) throw new InputError('version', `rule ${id} has no version ${version}`, 404, 'not_found');
      if (old.snapshot.deleted) throw new InputError('version', `version ${version} is the rule's deletion; restore one before it`);
      const { name, priority, active, conditions, action } = old.snapshot;
      // The zones, categories and liaisons it names may have gone since: refused as a save would be.
      await checked({ name, priority, active, conditions, action });
      const rule = await restoreRule(db.pool, id, { name, priority, active, conditions, action }, version, `user:${req.staff!.id}`);
      if (!rule) throw new InputError('id', `no rule ${id}`, 404, 'not_found');
      catalog.invalidate();
      return present(rule);
    },
  );
};
