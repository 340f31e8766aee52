/**
 * The types of a case's timeline events (case_event.type). Statements that
 * write or match one name it through this union (eventSql for SQL text), so
 * a misspelt type is a compile error, not a timeline that silently lacks it.
 */
export const CASE_EVENT_TYPES = [
  // Intake.
  'registered',
  'message',
  'receipt_withheld',
  'answered_on_the_spot',
  'answered_from_knowledge',
  'knowledge_confirmed',
  'knowledge_declined',
  'knowledge_unconfirmed',
  'reopened',
  // Staff and liaisons.
  'reclassified',
  'status_changed',
  'status_changed_answered',
  'note',
  'replied',
  'resolved',
  'transferred',
  'escalated',
  'sent_to_joint_meeting',
  'tagged',
  // Supervision.
  'deadline_set',
  'deadline_changed',
  'reminded',
  'overdue',
  'return_visit',
  'return_visit_skipped',
  'surveyed',
  // Sends.
  'send_failed',
  'send_retried',
  'send_cancelled',
  'delivery_failed',
  'receipt_fallback',
  'liaison_notified',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** The type as an SQL string literal, for statements that write or match it. */
export const eventSql = (type: CaseEventType): string => `'${type}'`;
