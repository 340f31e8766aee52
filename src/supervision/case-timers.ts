/**
 * Writing a case's planned timers (reminders, the deadline, escalations:
 * src/supervision/deadlines.ts plans them); src/supervision/timers.ts fires them.
 */
import type { Queryable } from '../store/db.js';
import type { PlannedTimer } from './deadlines.js';

export interface CaseTimers {
  caseId: number;
  timers: readonly PlannedTimer[];
}

const INSERT_TIMERS = `
  INSERT INTO case_timer (case_id, kind, due_at, detail)
  SELECT c.case_id, t.kind, t."dueAt", coalesce(t.detail, '{}')
  FROM jsonb_to_recordset($1::jsonb) AS c(case_id int, timers jsonb)
  CROSS JOIN LATERAL jsonb_to_recordset(c.timers) AS t(kind text, "dueAt" timestamptz, detail jsonb)`;

export async function scheduleTimers(db: Queryable, plans: readonly CaseTimers[]): Promise<void> {
  if (plans.length === 0) return;
  await db.query(INSERT_TIMERS, [JSON.stringify(plans.map((p) => ({ case_id: p.caseId, timers: p.timers })))]);
}
