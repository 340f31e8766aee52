/**
 * Staff move a case's handling deadline by hand (an extension agreed with the
 * resident, 信访工作条例 Art. 34, or a shorter one for a pressing case): its
 * pending reminders and deadline timer are cancelled and planned again against
 * the new deadline, as when the case opened (reminders already past are
 * dropped), an overdue mark is lifted, and the timeline records
 * `deadline_changed` with who and why. The admin's override
 * (Supervisor.moveDeadline) and the console's both come here. Runs in the
 * caller's transaction; the new deadline is in the future (the caller checks).
 */
import type { Queryable } from '../store/db.js';
import type { BusinessCalendar } from '../catalog/calendar.js';
import { eventSql } from '../core/case-event.js';
import { timersUntil, type SupervisionPolicy } from './deadlines.js';
import { cancelDeadlineTimers } from './settle.js';
import { scheduleTimers } from './case-timers.js';

const MOVE = `
  UPDATE "case" c SET deadline_at = $2, overdue_at = NULL, updated_at = now() FROM "case" old
  WHERE c.id = old.id AND c.case_no = $1 RETURNING c.id, c.created_at, c.status, old.deadline_at, c.urgent`;

/** Returns false for an unknown case. */
export async function moveCaseDeadline(
  db: Queryable,
  plan: { calendar: BusinessCalendar; policy: SupervisionPolicy },
  change: { caseNo: string; deadlineAt: Date; actor: string; reason?: string; by?: string },
): Promise<boolean> {
  const { rows } = await db.query<{ id: number; created_at: Date; status: string; deadline_at: Date; urgent: boolean }>(MOVE, [
    change.caseNo,
    change.deadlineAt,
  ]);
  const kase = rows[0];
  if (!kase) return false;
  await cancelDeadlineTimers(db, kase.id);
  // An answered or closed case is not watched: its deadline is a record until it is reopened.
  if (!['answered', 'closed'].includes(kase.status)) {
    const now = Date.now();
    const timers = timersUntil(plan.calendar, plan.policy, kase.created_at, change.deadlineAt, kase.urgent).filter(
      (t) => t.kind === 'deadline' || t.dueAt.getTime() > now,
    );
    await scheduleTimers(db, [{ caseId: kase.id, timers }]);
  }
  await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('deadline_changed')}, $2, $3)`, [
    kase.id,
    change.actor,
    { from: kase.deadline_at, to: change.deadlineAt, ...(change.reason ? { reason: change.reason } : {}), ...(change.by ? { by: change.by } : {}) },
  ]);
  return true;
}
