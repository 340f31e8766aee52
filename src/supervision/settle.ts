/**
 * What answering or closing a case means for its supervision, wherever it
 * happens (a liaison's 办结 in chat, a staff status change): the deadline's
 * watch stops, and the return visit (回访) is scheduled, once per case.
 */
import type { Queryable } from '../store/db.js';
import type { CaseEventType } from '../core/case-event.js';

/** Timeline events that are an answer to the resident (the figures' and the case detail's first response). */
export const RESPONSE_EVENTS: readonly CaseEventType[] = ['replied', 'resolved', 'answered_on_the_spot', 'answered_from_knowledge', 'status_changed_answered'];

/** Cancels the reminders, deadline and escalations still to fire. */
export async function cancelDeadlineTimers(db: Queryable, caseId: number): Promise<void> {
  await db.query(
    `UPDATE case_timer SET cancelled_at = now()
     WHERE case_id = $1 AND kind IN ('reminder', 'deadline', 'escalation') AND fired_at IS NULL AND cancelled_at IS NULL`,
    [caseId],
  );
}

export async function settleCase(db: Queryable, caseId: number, returnVisitAt: Date): Promise<void> {
  await cancelDeadlineTimers(db, caseId);
  await db.query(
    `INSERT INTO case_timer (case_id, kind, due_at)
     SELECT $1, 'return_visit', $2
     WHERE NOT EXISTS (SELECT 1 FROM survey WHERE case_id = $1)
       AND NOT EXISTS (SELECT 1 FROM case_timer WHERE case_id = $1 AND kind = 'return_visit' AND fired_at IS NULL AND cancelled_at IS NULL)`,
    [caseId, returnVisitAt],
  );
}
