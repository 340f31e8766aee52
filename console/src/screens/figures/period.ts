/**
 * The period the figures cover, as office calendar days (Asia/Shanghai): a preset
 * or a chosen range of days, sent as [from, to) instants with the office's offset.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type Preset = (typeof PRESETS)[number];

/** First and last day (inclusive), YYYY-MM-DD. */
export interface Days {
  first: string;
  last: string;
}

const OFFICE_OFFSET = '+08:00';
const DAY = 'YYYY-MM-DD';

/** Today's date in the office, whatever the browser's own time zone. */
export function officeToday(now = new Date()): Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now));
}

export function presetDays(preset: Preset, today = officeToday()): Days {
  const span = (start: Dayjs, months: number) => ({ first: start.format(DAY), last: start.add(months, 'month').subtract(1, 'day').format(DAY) });
  const month = today.startOf('month');
  if (preset === 'thisMonth') return span(month, 1);
  if (preset === 'lastMonth') return span(month.subtract(1, 'month'), 1);
  if (preset === 'thisQuarter') return span(month.subtract(month.month() % 3, 'month'), 3);
  return span(today.startOf('year'), 12);
}

/** The API's [from, to): midnight of the first day to midnight after the last, office time. */
export function periodQuery(days: Days): { from: string; to: string } {
  return { from: `${days.first}T00:00:00${OFFICE_OFFSET}`, to: `${dayjs(days.last).add(1, 'day').format(DAY)}T00:00:00${OFFICE_OFFSET}` };
}

/** YYYY-MM of the period's last day, for the leaders' visits. */
export function monthOf(days: Days): string {
  return days.last.slice(0, 7);
}
