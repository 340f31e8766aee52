/**
 * What the console polls for: how many cases changed since its last look and
 * which new ones arrived, within the caller's scope. The cursor is a
 * watermark `<updated_at in ms>_<highest case id>`; both are indexed. A write
 * committing late with an older updated_at can be missed by one poll: this is a
 * hint to refresh, not a log of changes.
 */
import type { Queryable } from '../store/db.js';
import { scopeCondition, type CaseScope } from './scope.js';

export interface FeedCursor {
  updatedAt: Date;
  id: number;
}

export const formatCursor = (c: FeedCursor): string => `${c.updatedAt.getTime()}_${c.id}`;

export function parseCursor(text: string): FeedCursor | null {
  const m = /^(\d{1,15})_(\d{1,10})$/.exec(text);
  return m ? { updatedAt: new Date(Number(m[1])), id: Number(m[2]) } : null;
}

export async function currentCursor(db: Queryable): Promise<FeedCursor> {
  const { rows } = await db.query<{ updated_at: Date | null; id: number | null }>('SELECT max(updated_at) AS updated_at, max(id) AS id FROM "case"');
  return { updatedAt: rows[0]?.updated_at ?? new Date(0), id: rows[0]?.id ?? 0 };
}

export async function changesSince(db: Queryable, after: FeedCursor, scope: CaseScope): Promise<{ changed: number; newCaseNos: string[] }> {
  const since = (column: string, value: unknown) => {
    const values: unknown[] = [value];
    return { where: `${column} > $1 AND ${scopeCondition(scope, 'c', values)}`, values };
  };
  const changed = since('c.updated_at', after.updatedAt);
  const fresh = since('c.id', after.id);
  const [count, rows] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "case" c WHERE ${changed.where}`, changed.values),
    db.query<{ case_no: string }>(`SELECT c.case_no FROM "case" c WHERE ${fresh.where} ORDER BY c.id LIMIT 100`, fresh.values),
  ]);
  return { changed: count.rows[0]!.n, newCaseNos: rows.rows.map((r) => r.case_no) };
}
