/**
 * The figures zones are assessed on (考核), over the cases received in a
 * period: received; response rate (a first answer within the target);
 * resolution rate (closed within the deadline); satisfaction rate (satisfied
 * and basically satisfied among answered return visits; "no response" does
 * not count either way); overdue count; average and p90 handling time of
 * closed cases; reopen rate. By zone, a case counts for its zone and every
 * zone above it (roll-up); or by category, or by liaison.
 */
import type pg from 'pg';
import type { CatalogSnapshot } from '../catalog/catalog.js';
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
}

interface CaseFacts {
  zone_id: number;
  category_code: string;
  category_name: string;
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
}

const CASES = `
  SELECT c.zone_id, c.category_code, cat.name_zh AS category_name, c.kind, c.liaison_id, l.name AS liaison_name,
         c.created_at, c.closed_at, c.deadline_at, c.overdue_at,
         (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.type = ANY($4)) AS first_response_at,
         EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = ${eventSql('reopened')}) AS reopened,
         s.answer
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

export async function computeStats(
  pool: pg.Pool,
  catalog: CatalogSnapshot,
  q: { from: Date; to: Date; zone?: string; groupBy: GroupBy; responseTargetHours: number },
): Promise<{ total: Figures; rows: StatsRow[] }> {
  const inZone = q.zone ? descendantZoneIds(catalog, q.zone) : null;
  const { rows: cases } = await pool.query<CaseFacts>(CASES, [q.from, q.to, inZone, RESPONSE_EVENTS]);
  const groups = new Map<string, { name: string; level?: string; cases: CaseFacts[] }>();
  const add = (key: string, name: string, c: CaseFacts, level?: string) => {
    const g = groups.get(key) ?? { name, ...(level ? { level } : {}), cases: [] };
    g.cases.push(c);
    groups.set(key, g);
  };
  const allowed = inZone ? new Set(inZone) : null;
  for (const c of cases) {
    if (q.groupBy === 'category') add(c.category_code, c.category_name, c);
    else if (q.groupBy === 'kind') add(c.kind, KIND_LABELS[c.kind].zh, c);
    else if (q.groupBy === 'liaison') add(c.liaison_id === null ? 'none' : String(c.liaison_id), c.liaison_name ?? '（无联络员）', c);
    else {
      // The case's zone and every zone above it, within the zone asked about.
      const zone = catalog.zonesById.get(c.zone_id);
      for (const z of zone ? zoneChain(zone, catalog) : []) {
        if (!allowed || allowed.has(z.id)) add(z.code, z.name, c, z.level);
      }
    }
  }
  const rows = [...groups].map(([key, g]) => ({ key, name: g.name, ...(g.level ? { level: g.level } : {}), ...figuresOf(g.cases, q.responseTargetHours) }));
  rows.sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
  return { total: figuresOf(cases, q.responseTargetHours), rows };
}

const COLUMNS: (keyof StatsRow)[] = [
  'key',
  'name',
  'level',
  'received',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'surveysAnswered',
  'overdue',
  'avgHandlingHours',
  'p90HandlingHours',
  'reopenRate',
];

export function toCsv(rows: readonly StatsRow[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    // Quote what needs it, and defuse spreadsheet formulas in names.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
