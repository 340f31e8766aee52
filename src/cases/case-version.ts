/**
 * A case's version, as the console's ETag: it changes with every write to the
 * case row (updated_at) and every new timeline event (a note changes no row).
 * A write sent with `If-Match` applies only to the version its sender saw.
 */
import type { Queryable } from '../store/db.js';

const VERSION = `
  SELECT (extract(epoch FROM c.updated_at) * 1000)::bigint::text AS updated,
         coalesce((SELECT max(e.id) FROM case_event e WHERE e.case_id = c.id), 0)::text AS event
  FROM "case" c WHERE c.id = $1`;

/** The quoted entity tag, e.g. `"1764620000000-42"`; null when there is no such case. */
export async function caseVersion(db: Queryable, caseId: number): Promise<string | null> {
  const { rows } = await db.query<{ updated: string; event: string }>(VERSION, [caseId]);
  return rows[0] ? `"${rows[0].updated}-${rows[0].event}"` : null;
}

/** Whether an If-Match header names this version (or `*`); weak tags compare as strong ones. */
export function versionMatches(ifMatch: string, version: string): boolean {
  return ifMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === version);
}
