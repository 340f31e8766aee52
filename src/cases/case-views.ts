/**
 * The console's sidebar views of the case list, each a condition on case `c`.
 * `mine` depends on who asks: for a liaison, every case of their scope still
 * open (the whole scope is theirs to work); for everyone else (dispatchers,
 * admins, supervisors), the open cases no liaison holds, which nobody else
 * will pick up. "Open" is everything not answered or closed yet.
 */
export const CASE_VIEWS = ['new_unassigned', 'mine', 'overdue', 'due_24h', 'escalated', 'urgent', 'triage', 'awaiting_visit', 'all'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];

const OPEN = `c.status NOT IN ('answered', 'closed')`;

/** The view's condition; the caller's scope is applied beside it, so `mine` for a liaison is their open scope. */
export function viewCondition(view: CaseView, forLiaison: boolean): string {
  switch (view) {
    case 'new_unassigned':
      return `c.status IN ('registered', 'accepted') AND c.liaison_id IS NULL`;
    case 'mine':
      return forLiaison ? OPEN : `${OPEN} AND c.liaison_id IS NULL`;
    case 'overdue':
      return `${OPEN} AND (c.overdue_at IS NOT NULL OR c.deadline_at < now())`;
    case 'due_24h':
      return `${OPEN} AND c.deadline_at >= now() AND c.deadline_at < now() + interval '24 hours'`;
    case 'escalated':
      return `c.status <> 'closed' AND (c.escalations > 0 OR EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = 'escalated'))`;
    case 'urgent':
      return `${OPEN} AND c.urgent`;
    case 'triage':
      return `c.needs_triage AND c.status <> 'closed'`;
    case 'awaiting_visit':
      return `EXISTS (SELECT 1 FROM case_timer t WHERE t.case_id = c.id AND t.kind = 'return_visit' AND t.fired_at IS NULL AND t.cancelled_at IS NULL)`;
    case 'all':
      return 'true';
  }
}
