/**
 * Working time on the office's business calendar: office hours on office days
 * (OFFICE_HOURS, OFFICE_DAYS, in OFFICE_TIME_ZONE), minus public holidays,
 * plus the make-up working days (调休) admins enter per year. Handling
 * deadlines and reminders are counted in it, so a case received on Friday
 * evening before a holiday is not overdue on the following Monday.
 */

/** A day that breaks the weekly rule: a public holiday (workday false) or a make-up working day (true). */
export interface CalendarException {
  /** `YYYY-MM-DD`, the office's local date. */
  date: string;
  workday: boolean;
  name: string;
}

export interface OfficeHours {
  /** `HH:MM-HH:MM`. */
  hours: string;
  /** `Mon,Tue,…`. */
  days: string;
  timeZone: string;
}

/** The office hours and days the business calendar counts, from the configuration: built here, and only here. */
export function officeHoursOf(config: { OFFICE_HOURS: string; OFFICE_DAYS: string; OFFICE_TIME_ZONE: string }): OfficeHours {
  return { hours: config.OFFICE_HOURS, days: config.OFFICE_DAYS, timeZone: config.OFFICE_TIME_ZONE };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Ten years of days: a deadline further away than that is a configuration error. */
const MAX_DAYS = 3_660;

export class BusinessCalendar {
  private readonly exceptions: Map<string, boolean>;
  private readonly officeDays: Set<string>;
  private readonly open: [number, number];
  private readonly close: [number, number];
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(
    exceptions: readonly CalendarException[],
    private readonly office: OfficeHours,
  ) {
    this.exceptions = new Map(exceptions.map((e) => [e.date, e.workday]));
    this.officeDays = new Set(office.days.split(','));
    const [open, close] = office.hours.split('-') as [string, string];
    this.open = open.split(':').map(Number) as [number, number];
    this.close = close.split(':').map(Number) as [number, number];
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: office.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** Minutes of office time in one working day. */
  get dayMinutes(): number {
    return (this.close[0] - this.open[0]) * 60 + (this.close[1] - this.open[1]);
  }

  /** Whether the office works on this local date (`YYYY-MM-DD`). */
  isWorkday(date: string): boolean {
    const exception = this.exceptions.get(date);
    if (exception !== undefined) return exception;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return this.officeDays.has(WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!);
  }

  /**
   * Whether the office is open at an instant: a working day (holidays and
   * make-up days counted) within office hours. Routing rules' office-hours
   * condition, the simulator and the IVR's transfer all ask this.
   */
  isOpen(at: Date): boolean {
    const day = this.localDate(at);
    if (!this.isWorkday(day)) return false;
    const t = at.getTime();
    return t >= this.instant(day, this.open) && t < this.instant(day, this.close);
  }

  /** The instant `minutes` of office time after `start` (office time only runs on working days, in office hours). */
  addWorkingMinutes(start: Date, minutes: number): Date {
    let remaining = minutes;
    let day = this.localDate(start);
    for (let n = 0; n < MAX_DAYS; n++, day = nextDate(day)) {
      if (!this.isWorkday(day)) continue;
      const open = Math.max(start.getTime(), this.instant(day, this.open));
      const close = this.instant(day, this.close);
      if (close <= open) continue;
      const available = (close - open) / MINUTE_MS;
      if (remaining <= available) return new Date(open + remaining * MINUTE_MS);
      remaining -= available;
    }
    throw new Error(`no ${minutes} minutes of office time within ten years: check OFFICE_HOURS, OFFICE_DAYS and the calendar`);
  }

  /** Minutes of office time between two instants (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number {
    let total = 0;
    let day = this.localDate(from);
    for (let n = 0; n < MAX_DAYS && this.instant(day, [0, 0]) < to.getTime(); n++, day = nextDate(day)) {
      if (!this.isWorkday(day)) continue;
      const open = Math.max(from.getTime(), this.instant(day, this.open));
      const close = Math.min(to.getTime(), this.instant(day, this.close));
      if (close > open) total += (close - open) / MINUTE_MS;
    }
    return total;
  }

  /** The office's local date of an instant. */
  localDate(at: Date): string {
    return this.dateFormat.format(at);
  }

  /** Instants already worked out: every case opened in a day asks for the same few (Intl is slow). */
  private readonly instants = new Map<string, number>();

  /** The instant of a local date and time in the office's time zone. */
  private instant(date: string, time: [number, number]): number {
    const key = `${date} ${time[0]}:${time[1]}`;
    let at = this.instants.get(key);
    if (at === undefined) {
      if (this.instants.size > 10_000) this.instants.clear();
      this.instants.set(key, (at = this.computeInstant(date, time)));
    }
    return at;
  }

  private computeInstant(date: string, [hour, minute]: [number, number]): number {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const guess = Date.UTC(y, m - 1, d, hour, minute);
    // The zone's offset at that moment (twice, in case the first guess crossed a DST change).
    const first = guess - offsetMs(guess, this.office.timeZone);
    return guess - offsetMs(first, this.office.timeZone);
  }
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `instant`. */
function offsetMs(instant: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(instant / 1000) * 1000;
}
