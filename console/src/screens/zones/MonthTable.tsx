/** One month of the year view: weeks from Monday, each day a button showing whether it is a holiday or a make-up working day. */
import { memo } from 'react';
import type { CalendarDay } from '../../api/zones';
import { useI18n } from '../../i18n';

export type Mark = 'holiday' | 'workday';

/** What a click makes of a day: a weekday turns holiday and back; a weekend day a make-up working day, then a holiday, then plain. */
export function nextMark(day: CalendarDay | undefined, weekend: boolean): Mark | null {
  const now: Mark | null = day ? (day.workday ? 'workday' : 'holiday') : null;
  if (!weekend) return now ? null : 'holiday';
  return now === null ? 'workday' : now === 'workday' ? 'holiday' : null;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const MonthTable = memo(function MonthTable({
  year,
  month,
  days,
  onToggle,
}: {
  year: number;
  month: number;
  days: Map<string, CalendarDay>;
  onToggle: (date: string, weekend: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7; // Monday first
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: count }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const title = new Date(Date.UTC(year, month, 1)).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en', { month: 'long', timeZone: 'UTC' });
  const weekdays = t('cal_weekdays').split(',');

  return (
    <table className="calendar-month" data-testid={`calendar-month-${month + 1}`}>
      <caption>{title}</caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (day === null) return <td key={i} />;
              const date = iso(year, month, day);
              const weekend = i >= 5;
              const marked = days.get(date);
              const kind = marked ? (marked.workday ? 'workday' : 'holiday') : weekend ? 'weekend' : 'plain';
              const what = marked
                ? `${marked.name}（${t(marked.workday ? 'cal_legendWorkday' : 'cal_legendHoliday')}）`
                : t(weekend ? 'cal_legendWeekend' : 'cal_plainDay');
              return (
                <td key={i}>
                  <button type="button" className={`calendar-day ${kind}`} title={what} onClick={() => onToggle(date, weekend)} data-date={date}>
                    {day}
                    <span className="visually-hidden">
                      {' '}
                      {date} {what}
                    </span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
