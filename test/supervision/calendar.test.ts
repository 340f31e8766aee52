import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/catalog/calendar.js';
import { DEFAULT_POLICY, planDeadline, nextEscalation, timersUntil, type SupervisionPolicy } from '../../src/supervision/deadlines.js';

// 2026: 国庆节 Oct 1–7 off, Sat Oct 10 a make-up working day (调休); Mon–Fri 09:00–17:30 in Kunming (UTC+8).
const office = { hours: '09:00-17:30', days: 'Mon,Tue,Wed,Thu,Fri', timeZone: 'Asia/Shanghai' };
const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, workday: false, name: '国庆节' }));
const calendar = new BusinessCalendar([...holidays, { date: '2026-10-10', workday: true, name: '国庆节调休' }], office);
const at = (local: string) => new Date(`${local}+08:00`);
const policy: SupervisionPolicy = {
  ...DEFAULT_POLICY,
  reminderShares: [0.5, 0.8],
  escalateEveryHours: 24,
  urgentDeadlineHours: 4,
  urgentEscalateEveryMinutes: 60,
};

describe('the business calendar', () => {
  it('should know when the office is open, in its time zone, holidays and make-up days counted', () => {
    expect(calendar.isOpen(at('2026-09-30T09:30:00'))).toBe(true); // Wednesday morning
    expect(calendar.isOpen(new Date('2026-09-30T09:30:00Z'))).toBe(false); // 17:30 in Kunming: just closed
    expect(calendar.isOpen(at('2026-09-30T08:59:00'))).toBe(false);
    expect(calendar.isOpen(at('2026-10-03T10:00:00'))).toBe(false); // Saturday
    expect(calendar.isOpen(at('2026-10-01T10:00:00'))).toBe(false); // National Day, a Thursday
    expect(calendar.isOpen(at('2026-10-10T10:00:00'))).toBe(true); // the make-up Saturday
    const always = new BusinessCalendar([], { hours: '00:00-24:00', days: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun', timeZone: 'Asia/Shanghai' });
    expect(always.isOpen(at('2026-10-03T23:59:00'))).toBe(true);
  });

  it('should know weekends, holidays and make-up working days', () => {
    expect(calendar.isWorkday('2026-09-30')).toBe(true); // Wednesday
    expect(calendar.isWorkday('2026-10-01')).toBe(false); // National Day, a Thursday
    expect(calendar.isWorkday('2026-10-03')).toBe(false); // Saturday
    expect(calendar.isWorkday('2026-10-10')).toBe(true); // Saturday, worked instead
    expect(calendar.dayMinutes).toBe(510);
  });

  it('should count working time across a weekend', () => {
    // Friday 16:00 + one working day = Monday 16:00.
    expect(calendar.addWorkingMinutes(at('2026-11-27T16:00:00'), 510)).toEqual(at('2026-11-30T16:00:00'));
    // Saturday: the clock starts on Monday morning.
    expect(calendar.addWorkingMinutes(at('2026-11-28T10:00:00'), 60)).toEqual(at('2026-11-30T10:00:00'));
    // After hours on a working day: tomorrow morning.
    expect(calendar.addWorkingMinutes(at('2026-11-30T20:00:00'), 30)).toEqual(at('2026-12-01T09:30:00'));
  });

  it('should skip a holiday and use its make-up Saturday', () => {
    // Wednesday Sep 30 17:00 + 1 hour: 30 min that day, then Oct 1–7 are off (with the weekend): Thursday Oct 8 09:30.
    expect(calendar.addWorkingMinutes(at('2026-09-30T17:00:00'), 60)).toEqual(at('2026-10-08T09:30:00'));
    // Friday Oct 9 17:00 + 1 hour: Saturday Oct 10 is worked, so 09:30 that Saturday.
    expect(calendar.addWorkingMinutes(at('2026-10-09T17:00:00'), 60)).toEqual(at('2026-10-10T09:30:00'));
    expect(calendar.workingMinutesBetween(at('2026-09-30T17:00:00'), at('2026-10-08T09:30:00'))).toBe(60);
  });
});

describe('deadlines and their timers', () => {
  it('should put a 3-day deadline three working days on, with reminders at 50% and 80% of the working time', () => {
    // Received Wednesday Sep 30 at 09:00, 72 hours = 3 working days: Sep 30, Oct 8, Oct 9.
    const { deadline, timers } = planDeadline(calendar, policy, at('2026-09-30T09:00:00'), 72, false);
    expect(deadline).toEqual(at('2026-10-09T17:30:00'));
    expect(timers.map((t) => [t.kind, t.dueAt])).toEqual([
      ['reminder', at('2026-10-08T13:15:00')], // 765 of 1530 minutes
      ['reminder', at('2026-10-09T12:24:00')], // 1224 minutes: 510 + 510 + 204
      ['deadline', at('2026-10-09T17:30:00')],
    ]);
    // Overdue: escalate again one working day later (the make-up Saturday counts).
    expect(nextEscalation(calendar, policy, deadline, false)).toEqual(at('2026-10-10T17:30:00'));
  });

  it('should run urgent cases on short wall-clock timers, holidays or not', () => {
    const start = at('2026-10-01T22:00:00');
    const { deadline, timers } = planDeadline(calendar, policy, start, 72, true);
    expect(deadline).toEqual(at('2026-10-02T02:00:00'));
    expect(timers[0]!.dueAt).toEqual(at('2026-10-02T00:00:00'));
    expect(nextEscalation(calendar, policy, deadline, true)).toEqual(at('2026-10-02T03:00:00'));
  });

  it('should plan a moved deadline as the opening did: office time for ordinary cases, wall-clock time for urgent ones', () => {
    const opened = at('2026-09-30T17:00:00');
    const ordinary = timersUntil(calendar, policy, opened, at('2026-10-09T17:00:00'), false);
    // 1,020 working minutes (30 on Sep 30, 510 on Oct 8, 480 on Oct 9): 50% and 80% of them.
    expect(ordinary.map((t) => t.kind)).toEqual(['reminder', 'reminder', 'deadline']);
    expect(ordinary[0]!.dueAt).toEqual(at('2026-10-08T17:00:00'));
    expect(ordinary[1]!.dueAt).toEqual(at('2026-10-09T13:36:00'));
    const urgent = timersUntil(calendar, policy, at('2026-10-01T22:00:00'), at('2026-10-02T08:00:00'), true);
    expect(urgent[0]!.dueAt).toEqual(at('2026-10-02T03:00:00'));
    expect(urgent[1]!.dueAt).toEqual(at('2026-10-02T06:00:00'));
    expect(urgent[2]).toMatchObject({ kind: 'deadline', dueAt: at('2026-10-02T08:00:00') });
  });
});
