/**
 * A case's handling deadline (办理时限) and the timers that watch it:
 * reminders to the liaison at shares of the time, the deadline itself, then
 * escalations one level up the zone tree at an interval. Counted in working
 * time; urgent cases run on short wall-clock timers, since danger keeps no
 * office hours.
 */
import type { BusinessCalendar, OfficeHours } from '../catalog/calendar.js';

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

export type TimerKind = 'reminder' | 'deadline' | 'escalation';

export interface PlannedTimer {
  kind: TimerKind;
  dueAt: Date;
  detail: Record<string, unknown>;
}

/** Working minutes for a number of hours: each 24 h is one working day of office time, at every size. */
function workingMinutes(calendar: BusinessCalendar, hours: number): number {
  return (hours / 24) * calendar.dayMinutes;
}

export function planDeadline(calendar: BusinessCalendar, policy: SupervisionPolicy, start: Date, hours: number, urgent: boolean): { deadline: Date; timers: PlannedTimer[] } {
  if (urgent) {
    const span = Math.min(hours, policy.urgentDeadlineHours) * 3_600_000;
    const deadline = new Date(start.getTime() + span);
    const reminders = policy.reminderShares.map((share) => ({ kind: 'reminder' as const, dueAt: new Date(start.getTime() + share * span), detail: { share } }));
    return { deadline, timers: [...reminders, { kind: 'deadline', dueAt: deadline, detail: {} }] };
  }
  const minutes = workingMinutes(calendar, hours);
  const deadline = calendar.addWorkingMinutes(start, minutes);
  const reminders = policy.reminderShares.map((share) => ({ kind: 'reminder' as const, dueAt: calendar.addWorkingMinutes(start, share * minutes), detail: { share } }));
  return { deadline, timers: [...reminders, { kind: 'deadline', dueAt: deadline, detail: {} }] };
}

/** When an overdue case escalates again. */
export function nextEscalation(calendar: BusinessCalendar, policy: SupervisionPolicy, from: Date, urgent: boolean): Date {
  return urgent ? new Date(from.getTime() + policy.urgentEscalateEveryMinutes * 60_000) : calendar.addWorkingMinutes(from, workingMinutes(calendar, policy.escalateEveryHours));
}

/** The office hours and days the business calendar counts, from the configuration. */
export function officeFrom(config: { OFFICE_HOURS: string; OFFICE_DAYS: string; OFFICE_TIME_ZONE: string }): OfficeHours {
  return { hours: config.OFFICE_HOURS, days: config.OFFICE_DAYS, timeZone: config.OFFICE_TIME_ZONE };
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
