/**
 * A reopened case is watched again (全程督办): a dissatisfied return visit, a
 * staff member reopening it, or a resident writing to a closed case. Settling
 * it cancelled its reminders and escalations and its deadline has passed or
 * means nothing now, so it gets a new deadline counted from the reopening on
 * the business calendar, with its own handling time (a routing rule's deadline
 * hours, else its category's 办理时限), and new timers exactly as a new case.
 * The timeline records the new deadline (`deadline_set`).
 */
import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { Queryable } from '../store/db.js';
import type { OfficeHours } from '../catalog/calendar.js';
import { calendarOf } from '../catalog/calendar-of.js';
import { planDeadline, type SupervisionPolicy } from './deadlines.js';
import { cancelDeadlineTimers } from './settle.js';
import { scheduleTimers } from './case-timers.js';
import { eventSql } from '../core/case-event.js';

export interface Watch {
  catalog: CatalogSnapshot;
  office: OfficeHours;
  policy: SupervisionPolicy;
}

const HANDLING = `
  SELECT c.id, c.urgent, c.deadline_at,
         coalesce((c.routing #>> '{rules,action,deadlineHours}')::int, cat.deadline_hours) AS hours
  FROM "case" c JOIN category cat ON cat.code = c.category_code
  WHERE c.id = ANY($1)`;

/**
 * Gives each case a new deadline and timers from now; returns the new deadlines by case id.
 * Run it in the transaction that reopens the cases, so a case is never reopened unwatched.
 */
export async function watchReopened(db: Queryable, caseIds: readonly number[], watch: Watch, actor: string): Promise<Map<number, Date>> {
  const deadlines = new Map<number, Date>();
  if (caseIds.length === 0) return deadlines;
  const calendar = calendarOf(watch.catalog, watch.office);
  const { rows } = await db.query<{ id: number; urgent: boolean; deadline_at: Date; hours: number }>(HANDLING, [caseIds]);
  const now = new Date();
  for (const kase of rows) {
    const { deadline, timers } = planDeadline(calendar, watch.policy, now, kase.hours, kase.urgent);
    await db.query(`UPDATE "case" SET deadline_at = $2, overdue_at = NULL, updated_at = now() WHERE id = $1`, [kase.id, deadline]);
    // Anything still pending from before (a case reopened twice) makes way for the new plan, and the return
    // visit planned for the answer now undone waits for the next one (settleCase plans it again).
    await cancelDeadlineTimers(db, kase.id);
    await db.query(`UPDATE case_timer SET cancelled_at = now() WHERE case_id = $1 AND kind = 'return_visit' AND fired_at IS NULL AND cancelled_at IS NULL`, [
      kase.id,
    ]);
    await scheduleTimers(db, [{ caseId: kase.id, timers }]);
    await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('deadline_set')}, $2, $3)`, [
      kase.id,
      actor,
      { reason: 'reopened', deadline: deadline.toISOString(), previous: kase.deadline_at.toISOString(), hours: kase.hours, urgent: kase.urgent },
    ]);
    deadlines.set(kase.id, deadline);
  }
  return deadlines;
}
