/**
 * A case's handling deadline (办理时限) and the timers that watch it:
 * reminders to the liaison at shares of the time, the deadline itself, then
 * escalations one level up the zone tree at an interval. Counted in working
 * time; urgent cases run on short wall-clock timers, since danger keeps no
 * office hours.
 */
import type { BusinessCalendar } from '../catalog/calendar.js';

export interface SupervisionPolicy {
  /** Shares of the handling time at which the liaison is reminded, e.g. [0.5, 0.8]. */
  reminderShares: number[];
  /** After the deadline, escalate again every this many hours of working time (24 = one working day). */
  escalateEveryHours: number;
  /** Urgent cases: the longest deadline, in wall-clock hours. */
  urgentDeadlineHours: number;
  /** Urgent cases: escalate again every this many wall-clock minutes. */
  urgentEscalateEveryMinutes: number;
  /** The return visit, this many office hours after the case is answered or closed. */
  returnVisitAfterHours: number;
  /** Between the survey's reminders, in office hours. */
  surveyReminderHours: number;
}

/** The timers planned when a case opens; `knowledge_expiry` closes an answer from the knowledge base nobody confirmed. */
export type TimerKind = 'reminder' | 'deadline' | 'escalation' | 'knowledge_expiry';

export interface PlannedTimer {
  kind: TimerKind;
  dueAt: Date;
  detail: Record<string, unknown>;
}

/** Working minutes for a number of hours: each 24 h is one working day of office time, at every size. */
function workingMinutes(calendar: BusinessCalendar, hours: number): number {
  return (hours / 24) * calendar.dayMinutes;
}

export function planDeadline(
  calendar: BusinessCalendar,
  policy: SupervisionPolicy,
  start: Date,
  hours: number,
  urgent: boolean,
): { deadline: Date; timers: PlannedTimer[] } {
  if (urgent) {
    const deadline = new Date(start.getTime() + Math.min(hours, policy.urgentDeadlineHours) * 3_600_000);
    return { deadline, timers: timersUntil(calendar, policy, start, deadline, true) };
  }
  const minutes = workingMinutes(calendar, hours);
  const deadline = calendar.addWorkingMinutes(start, minutes);
  return { deadline, timers: timersUntil(calendar, policy, start, deadline, false, minutes) };
}

/**
 * The reminders (at the policy's shares of the time from `start` to the
 * deadline) and the deadline timer. Urgent cases run on wall-clock time,
 * the others on office time; both when a case opens and when its deadline moves.
 */
export function timersUntil(
  calendar: BusinessCalendar,
  policy: SupervisionPolicy,
  start: Date,
  deadline: Date,
  urgent: boolean,
  workingTotal = urgent ? 0 : calendar.workingMinutesBetween(start, deadline),
): PlannedTimer[] {
  const span = deadline.getTime() - start.getTime();
  const reminderAt = (share: number) => (urgent ? new Date(start.getTime() + share * span) : calendar.addWorkingMinutes(start, share * workingTotal));
  const reminders = policy.reminderShares.map((share) => ({ kind: 'reminder' as const, dueAt: reminderAt(share), detail: { share } }));
  return [...reminders, { kind: 'deadline', dueAt: deadline, detail: {} }];
}

/** When an overdue case escalates again. */
export function nextEscalation(calendar: BusinessCalendar, policy: SupervisionPolicy, from: Date, urgent: boolean): Date {
  return urgent
    ? new Date(from.getTime() + policy.urgentEscalateEveryMinutes * 60_000)
    : calendar.addWorkingMinutes(from, workingMinutes(calendar, policy.escalateEveryHours));
}

export const DEFAULT_POLICY: SupervisionPolicy = {
  reminderShares: [0.5, 0.8],
  escalateEveryHours: 24,
  urgentDeadlineHours: 4,
  urgentEscalateEveryMinutes: 60,
  returnVisitAfterHours: 8,
  surveyReminderHours: 8,
};

export function policyFrom(config: {
  SUPERVISION_REMINDERS: number[];
  SUPERVISION_ESCALATE_EVERY_HOURS: number;
  SUPERVISION_URGENT_DEADLINE_HOURS: number;
  SUPERVISION_URGENT_ESCALATE_EVERY_MINUTES: number;
  RETURN_VISIT_AFTER_HOURS: number;
  SURVEY_REMINDER_HOURS: number;
}): SupervisionPolicy {
  return {
    reminderShares: config.SUPERVISION_REMINDERS,
    escalateEveryHours: config.SUPERVISION_ESCALATE_EVERY_HOURS,
    urgentDeadlineHours: config.SUPERVISION_URGENT_DEADLINE_HOURS,
    urgentEscalateEveryMinutes: config.SUPERVISION_URGENT_ESCALATE_EVERY_MINUTES,
    returnVisitAfterHours: config.RETURN_VISIT_AFTER_HOURS,
    surveyReminderHours: config.SURVEY_REMINDER_HOURS,
  };
}
