/**
 * Admins' routing rules in PostgreSQL. Every change is a new version, kept in
 * routing_rule_version with who made it, and an audit entry: the rule, its
 * version and its audit entry commit together or not at all. A deleted rule
 * is kept (deleted = true) with its versions. Checking a rule before it is
 * saved is the router's (rules.ts, rule-pattern.ts).
 */
import type { RuleAction, RuleConditions } from '../catalog/rule.js';
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';

export interface RuleInput {
  name: string;
  priority: number;
  active: boolean;
  conditions: RuleConditions;
  action: RuleAction;
}

export interface RuleRecord extends RuleInput {
  id: number;
  version: number;
  updatedAt: Date;
}

const COLUMNS = `id, name, priority, active, conditions, action, version, updated_at AS "updatedAt"`;

/** The rules not deleted, in the order they apply. */
export async function listRules(db: Queryable): Promise<RuleRecord[]> {
  return (await db.query<RuleRecord>(`SELECT ${COLUMNS} FROM routing_rule WHERE NOT deleted ORDER BY priority, id`)).rows;
}

export async function createRule(db: Queryable, r: RuleInput, actor: string): Promise<RuleRecord> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<RuleRecord>(
      `INSERT INTO routing_rule (name, priority, active, conditions, action) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [r.name, r.priority, r.active, JSON.stringify(r.conditions), JSON.stringify(r.action)],
    );
    return kept(tx, rows[0]!, actor, 'rule.create');
  });
}

/** The rule replaced by `r` as its next version; null when there is no such rule (or it was deleted). */
export async function replaceRule(db: Queryable, id: number, r: RuleInput, actor: string): Promise<RuleRecord | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<RuleRecord>(
      `UPDATE routing_rule SET name = $2, priority = $3, active = $4, conditions = $5, action = $6, version = version + 1, updated_at = now()
       WHERE id = $1 AND NOT deleted RETURNING ${COLUMNS}`,
      [id, r.name, r.priority, r.active, JSON.stringify(r.conditions), JSON.stringify(r.action)],
    );
    return rows[0] ? kept(tx, rows[0], actor, 'rule.update') : null;
  });
}

/** Deletes the rule (its last version says so); false when there is no such rule. */
export async function deleteRule(db: Queryable, id: number, actor: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<RuleRecord>(
      `UPDATE routing_rule SET deleted = true, version = version + 1, updated_at = now() WHERE id = $1 AND NOT deleted RETURNING ${COLUMNS}`,
      [id],
    );
    if (!rows[0]) return false;
    await kept(tx, rows[0], actor, 'rule.delete', true);
    return true;
  });
}

/**
 * Puts the rules in the order of `ids` (first applies first): priorities 10, 20, …, in one transaction;
 * each rule whose priority changes gets a new version. Null when `ids` is not exactly the rules not deleted.
 */
export async function orderRules(db: Queryable, ids: readonly number[], actor: string): Promise<RuleRecord[] | null> {
  return inTransaction(db, async (tx) => {
    // Locked, so two admins reordering at once end with one order, not a mix of both.
    const { rows: current } = await tx.query<{ id: number }>('SELECT id FROM routing_rule WHERE NOT deleted ORDER BY id FOR UPDATE');
    const wanted = new Set(ids);
    if (wanted.size !== ids.length || current.length !== ids.length || current.some((r) => !wanted.has(r.id))) return null;
    const { rows } = await tx.query<RuleRecord>(
      `UPDATE routing_rule r SET priority = (o.place * 10)::int, version = r.version + 1, updated_at = now()
       FROM unnest($1::int[]) WITH ORDINALITY AS o(id, place)
       WHERE r.id = o.id AND r.priority <> o.place * 10
       RETURNING r.id, r.name, r.priority, r.active, r.conditions, r.action, r.version, r.updated_at AS "updatedAt"`,
      [ids],
    );
    for (const rule of rows) await kept(tx, rule, actor, 'rule.order');
    return listRules(tx);
  });
}

/** A kept version of a rule: its whole state then, who made it and when. */
export interface RuleVersion {
  version: number;
  actor: string;
  /** The actor's name, where the actor is a staff user. */
  actorName: string | null;
  at: Date;
  snapshot: RuleInput & { deleted: boolean };
}

/** Every version of a rule, newest first (a deleted rule's too); null when there never was such a rule. */
export async function ruleVersions(db: Queryable, id: number): Promise<RuleVersion[] | null> {
  const { rows } = await db.query<RuleVersion>(
    `SELECT v.version, v.actor, u.name AS "actorName", v.at, v.snapshot
     FROM routing_rule_version v LEFT JOIN app_user u ON v.actor = 'user:' || u.id
     WHERE v.rule_id = $1 ORDER BY v.version DESC`,
    [id],
  );
  return rows.length ? rows : null;
}

/** The rules deleted, newest change first, so their history can be read and one brought back. */
export async function deletedRules(db: Queryable): Promise<RuleRecord[]> {
  return (await db.query<RuleRecord>(`SELECT ${COLUMNS} FROM routing_rule WHERE deleted ORDER BY updated_at DESC, id DESC LIMIT 200`)).rows;
}

/**
 * Makes the rule equal to `r` (an older version's snapshot) as its next version, undeleting it
 * if it was deleted; null when there is no such rule.
 */
export async function restoreRule(db: Queryable, id: number, r: RuleInput, fromVersion: number, actor: string): Promise<RuleRecord | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<RuleRecord>(
      `UPDATE routing_rule SET name = $2, priority = $3, active = $4, conditions = $5, action = $6, deleted = false, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, r.name, r.priority, r.active, JSON.stringify(r.conditions), JSON.stringify(r.action)],
    );
    return rows[0] ? kept(tx, rows[0], actor, 'rule.restore', false, { fromVersion }) : null;
  });
}

/** Keeps the rule's new version and audits the change, in the caller's transaction. */
async function kept(tx: Queryable, rule: RuleRecord, actor: string, action: string, deleted = false, detail?: Record<string, unknown>): Promise<RuleRecord> {
  await tx.query('INSERT INTO routing_rule_version (rule_id, version, snapshot, actor) VALUES ($1, $2, $3, $4)', [
    rule.id,
    rule.version,
    JSON.stringify({ ...rule, deleted }),
    actor,
  ]);
  await audit(tx, { actor, action, subjectType: 'rule', subjectId: String(rule.id), detail: { version: rule.version, ...detail } });
  return rule;
}
