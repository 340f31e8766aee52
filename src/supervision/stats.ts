/**
 * The figures zones are assessed on (考核), over the cases received in a
 * period: received; response rate (a first answer within the target);
 * resolution rate (closed within the deadline); satisfaction rate (satisfied
 * and basically satisfied among answered return visits; "no response" does
 * not count either way); overdue count; average and p90 handling time of
 * closed cases; reopen rate. By zone, a case counts for its zone and every
 * zone above it (roll-up), or one level of the tree at a time (drill-down:
 * a zone's children, each with its whole subtree); or by category, or by
 * liaison; and week by week over the period (the trend).
 */
import type pg from 'pg';
import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { ZoneInfo } from '../catalog/catalog.js';
import { descendantZoneIds, zoneChain } from '../catalog/zone-tree.js';
import { RESPONSE_EVENTS } from './settle.js';
import { KIND_LABELS, type RequestKind } from '../core/request-kind.js';
import { eventSql } from '../core/case-event.js';

export type GroupBy = 'zone' | 'category' | 'kind' | 'liaison';

export interface Figures {
  received: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  surveysAnswered: number;
  overdue: number;
  avgHandlingHours: number | null;
  p90HandlingHours: number | null;
  reopenRate: number | null;
}

export interface StatsRow extends Figures {
  key: string;
  name: string;
  level?: string;
  /** Zones: the names from the street down (华山街道/翠湖社区/第一居民小组), the district's own name for it. */
  path?: string;
  /** Zones: whether there are zones below it to drill down to. */
  hasChildren?: boolean;
  /** Drill-down: the cases received by the parent zone itself, not by any zone below it (本级). */
  own?: boolean;
  /** Categories: the English name. */
  nameEn?: string;
}

export interface WeekFigures extends Figures {
  /** The Monday the week starts on, in the office's time zone (YYYY-MM-DD). */
  week: string;
}

interface CaseFacts {
  zone_id: number;
  category_code: string;
  category_name: string;
  category_name_en: string;
  kind: RequestKind;
  liaison_id: number | null;
  liaison_name: string | null;
  created_at: Date;
  closed_at: Date | null;
  deadline_at: Date;
  overdue_at: Date | null;
  first_response_at: Date | null;
  reopened: boolean;
  answer: string | null;
  /** The Monday of the week it was received in, YYYY-MM-DD in the office's time zone. */
  week: string;
}

const CASES = `
  SELECT c.zone_id, c.category_code, cat.name_zh AS category_name, cat.name_en AS category_name_en, c.kind, c.liaison_id, l.name AS liaison_name,
         c.created_at, c.closed_at, c.deadline_at, c.overdue_at,
         (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.type = ANY($4)) AS first_response_at,
         EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = ${eventSql('reopened')}) AS reopened,
         s.answer, to_char(date_trunc('week', c.created_at AT TIME ZONE $5), 'YYYY-MM-DD') AS week
  FROM "case" c
  JOIN category cat ON cat.code = c.category_code
  LEFT JOIN liaison l ON l.id = c.liaison_id
  LEFT JOIN survey s ON s.case_id = c.id
  WHERE c.created_at >= $1 AND c.created_at < $2 AND ($3::int[] IS NULL OR c.zone_id = ANY($3))`;

const HOUR_MS = 3_600_000;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const ratio = (n: number, d: number) => (d ? round(n / d) : null);

export function figuresOf(cases: readonly CaseFacts[], responseTargetHours: number): Figures {
  const closed = cases.filter((c) => c.closed_at !== null);
  const hours = closed.map((c) => (c.closed_at!.getTime() - c.created_at.getTime()) / HOUR_MS).sort((a, b) => a - b);
  const answered = cases.filter((c) => c.answer && c.answer !== 'no_response');
  return {
    received: cases.length,
    responseRate: ratio(
      cases.filter((c) => c.first_response_at && c.first_response_at.getTime() - c.created_at.getTime() <= responseTargetHours * HOUR_MS).length,
      cases.length,
    ),
    resolutionRate: ratio(closed.filter((c) => c.closed_at! <= c.deadline_at).length, cases.length),
    satisfactionRate: ratio(answered.filter((c) => c.answer === 'satisfied' || c.answer === 'basically_satisfied').length, answered.length),
    surveysAnswered: answered.length,
    overdue: cases.filter((c) => c.overdue_at !== null).length,
    avgHandlingHours: hours.length ? round(hours.reduce((a, b) => a + b, 0) / hours.length, 1) : null,
    // Nearest rank: the smallest value with at least 90% of the values at or below it.
    p90HandlingHours: hours.length ? round(hours[Math.ceil(0.9 * hours.length) - 1]!, 1) : null,
    reopenRate: ratio(cases.filter((c) => c.reopened).length, cases.length),
  };
}

export interface StatsQuery {
  from: Date;
  to: Date;
  /** A zone code: only the cases of it and the zones below it. */
  zone?: string;
  /** With groupBy zone: the rows are this zone's children (each with its subtree), and its own cases (本级). */
  parentCode?: string;
  groupBy: GroupBy;
  responseTargetHours: number;
  /** The office's time zone, in which weeks start on Monday. */
  timeZone: string;
}

async function caseFacts(pool: pg.Pool, catalog: CatalogSnapshot, q: Omit<StatsQuery, 'groupBy'>): Promise<CaseFacts[]> {
  const root = q.parentCode ?? q.zone;
  const inZone = root ? descendantZoneIds(catalog, root) : null;
  const { rows } = await pool.query<CaseFacts>(CASES, [q.from, q.to, inZone, RESPONSE_EVENTS, q.timeZone]);
  return rows;
}

/** The names from below the district down to the zone: 华山街道/翠湖社区/第一居民小组. */
export function zonePath(zone: ZoneInfo, catalog: CatalogSnapshot): string {
  const names = zoneChain(zone, catalog)
    .filter((z) => z.level !== 'district')
    .map((z) => z.name)
    .reverse();
  return names.length ? names.join('/') : zone.name;
}

function zoneFields(zone: ZoneInfo, catalog: CatalogSnapshot, children: ReadonlyMap<number, ZoneInfo[]>) {
  return { level: zone.level, path: zonePath(zone, catalog), hasChildren: (children.get(zone.id) ?? []).length > 0 };
}

/** Each zone's active children (a retired one shows only where it still has cases in the period). */
function childrenByParent(catalog: CatalogSnapshot): Map<number, ZoneInfo[]> {
  const children = new Map<number, ZoneInfo[]>();
  for (const z of catalog.zonesById.values()) {
    if (z.parentId !== null && z.active) children.set(z.parentId, [...(children.get(z.parentId) ?? []), z]);
  }
  return children;
}

interface Group {
  row: Omit<StatsRow, keyof Figures>;
  cases: CaseFacts[];
}

export async function computeStats(pool: pg.Pool, catalog: CatalogSnapshot, q: StatsQuery): Promise<{ total: Figures; rows: StatsRow[] }> {
  const cases = await caseFacts(pool, catalog, q);
  const children = childrenByParent(catalog);
  const groups = new Map<string, Group>();
  const add = (key: string, row: () => Group['row'], c?: CaseFacts) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { row: row(), cases: [] }));
    if (c) g.cases.push(c);
  };
  const zoneRow = (z: ZoneInfo) => () => ({ key: z.code, name: z.name, ...zoneFields(z, catalog, children) });
  const parent = q.parentCode ? catalog.zonesByCode.get(q.parentCode) : undefined;
  // Drill-down: every child shows, with or without cases, so a quiet community is seen as quiet.
  for (const child of parent ? (children.get(parent.id) ?? []) : []) add(child.code, zoneRow(child));

  const allowed = q.zone ? new Set(descendantZoneIds(catalog, q.zone)) : null;
  for (const c of cases) {
    if (q.groupBy === 'category') add(c.category_code, () => ({ key: c.category_code, name: c.category_name, nameEn: c.category_name_en }), c);
    else if (q.groupBy === 'kind') add(c.kind, () => ({ key: c.kind, name: KIND_LABELS[c.kind].zh }), c);
    else if (q.groupBy === 'liaison') {
      const key = c.liaison_id === null ? 'none' : String(c.liaison_id);
      add(key, () => ({ key, name: c.liaison_name ?? '（无联络员）' }), c);
    } else {
      const zone = catalog.zonesById.get(c.zone_id);
      const chain = zone ? zoneChain(zone, catalog) : [];
      if (parent) {
        // The child of the parent this case lies under, or the parent itself for its own cases.
        const at = chain.findIndex((z) => z.id === parent.id);
        const child = at > 0 ? chain[at - 1]! : undefined;
        if (child) add(child.code, zoneRow(child), c);
        else if (at === 0) add(`${parent.code}:own`, () => ({ ...zoneRow(parent)(), key: `${parent.code}:own`, hasChildren: false, own: true }), c);
      } else {
        // The case's zone and every zone above it, within the zone asked about.
        for (const z of chain) if (!allowed || allowed.has(z.id)) add(z.code, zoneRow(z), c);
      }
    }
  }
  const rows = [...groups.values()].map((g) => ({ ...g.row, ...figuresOf(g.cases, q.responseTargetHours) }));
  rows.sort((a, b) => Number(a.own ?? false) - Number(b.own ?? false) || b.received - a.received || a.key.localeCompare(b.key));
  return { total: figuresOf(cases, q.responseTargetHours), rows };
}

/** The longest period the weekly trend covers: about two years of weeks. */
export const MAX_TREND_WEEKS = 106;

/** The figures week by week (Monday to Sunday, in the office's time zone) over the period; weeks without cases too. */
export async function weeklyFigures(pool: pg.Pool, catalog: CatalogSnapshot, q: Omit<StatsQuery, 'groupBy' | 'parentCode'>): Promise<WeekFigures[]> {
  const { rows: weeks } = await pool.query<{ week: string }>(
    `SELECT to_char(w, 'YYYY-MM-DD') AS week
     FROM generate_series(date_trunc('week', $1::timestamptz AT TIME ZONE $3), date_trunc('week', ($2::timestamptz - interval '1 millisecond') AT TIME ZONE $3), interval '1 week') AS w
     LIMIT ${MAX_TREND_WEEKS + 1}`,
    [q.from, q.to, q.timeZone],
  );
  const cases = await caseFacts(pool, catalog, q);
  const byWeek = new Map<string, CaseFacts[]>(weeks.map((w) => [w.week, []]));
  for (const c of cases) byWeek.get(c.week)?.push(c);
  return [...byWeek].map(([week, list]) => ({ week, ...figuresOf(list, q.responseTargetHours) }));
}
