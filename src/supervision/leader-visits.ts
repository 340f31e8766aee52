/**
 * Leaders' visits to their zones (领导下访): the seed asks district leaders to
 * visit at least twice a month and street and department leaders at least
 * once. Visits are logged against a zone; a month's figures say who is behind.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';

export const REQUIRED_PER_MONTH = { district: 2, street: 1, department: 1 } as const;
export type LeaderLevel = keyof typeof REQUIRED_PER_MONTH;

export interface NewVisit {
  zoneId: number;
  /** For the audit entry. */
  zoneCode: string;
  leader: string;
  level: LeaderLevel;
  visitedAt: string;
  note?: string | undefined;
}

export interface LeaderMonth {
  leader: string;
  level: LeaderLevel;
  visits: number;
  required: number;
  behind: boolean;
  /** The codes of the zones visited. */
  zones: string[];
}

/** Logs a visit, audited; returns its id. */
export async function logVisit(db: Queryable, v: NewVisit, actor: string): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      'INSERT INTO leader_visit (zone_id, leader, level, visited_at, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [v.zoneId, v.leader, v.level, v.visitedAt, v.note ?? null, actor],
    );
    await audit(tx, { actor, action: 'visit.create', subjectType: 'zone', subjectId: v.zoneCode, detail: { leader: v.leader, level: v.level } });
    return rows[0]!.id;
  });
}

/**
 * Each leader's visits in `month` (YYYY-MM, as the office reckons it in `timeZone`) against what is
 * required. Every leader who ever logged a visit is expected every month: none this month is behind too.
 */
export async function visitsOfMonth(db: Queryable, month: string, timeZone: string): Promise<LeaderMonth[]> {
  const { rows } = await db.query<{ leader: string; level: LeaderLevel; visits: number; zones: string[] }>(
    `SELECT k.leader, k.level, count(z.code)::int AS visits, coalesce(array_agg(DISTINCT z.code) FILTER (WHERE z.code IS NOT NULL), '{}') AS zones
     FROM (SELECT DISTINCT leader, level FROM leader_visit) k
     LEFT JOIN leader_visit v ON v.leader = k.leader AND v.level = k.level AND to_char(v.visited_at AT TIME ZONE $2, 'YYYY-MM') = $1
     LEFT JOIN zone z ON z.id = v.zone_id
     GROUP BY k.leader, k.level ORDER BY k.level, k.leader`,
    [month, timeZone],
  );
  return rows.map((r) => ({ ...r, required: REQUIRED_PER_MONTH[r.level], behind: r.visits < REQUIRED_PER_MONTH[r.level] }));
}
