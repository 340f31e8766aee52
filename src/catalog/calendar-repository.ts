/**
 * The business calendar's exceptions in PostgreSQL, a year at a time: the
 * public holidays and make-up working days (调休) of the State Council's
 * notice for that year. The calendar itself (calendar.ts) reads them through
 * the catalog's snapshot.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import type { CalendarException } from './calendar.js';

export async function calendarYear(db: Queryable, year: number): Promise<CalendarException[]> {
  const { rows } = await db.query<CalendarException>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, workday, name FROM calendar_day WHERE extract(year FROM date) = $1 ORDER BY date`,
    [year],
  );
  return rows;
}

/** Replaces the year's days with `days` (all in that year, each date once), audited. */
export async function replaceCalendarYear(db: Queryable, year: number, days: readonly CalendarException[], actor: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.query('DELETE FROM calendar_day WHERE extract(year FROM date) = $1', [year]);
    await tx.query('INSERT INTO calendar_day (date, workday, name) SELECT * FROM unnest($1::date[], $2::boolean[], $3::text[])', [
      days.map((d) => d.date),
      days.map((d) => d.workday),
      days.map((d) => d.name),
    ]);
    await audit(tx, { actor, action: 'calendar.update', subjectType: 'calendar', subjectId: String(year), detail: { days: days.length } });
  });
}
