/** The business calendar of a catalog snapshot, built once per snapshot (the calendar is admin data, cached with it). */
import type { CatalogSnapshot } from './catalog.js';
import { BusinessCalendar, type OfficeHours } from './calendar.js';

const cache = new WeakMap<CatalogSnapshot, Map<string, BusinessCalendar>>();

export function calendarOf(catalog: CatalogSnapshot, office: OfficeHours): BusinessCalendar {
  let byOffice = cache.get(catalog);
  if (!byOffice) cache.set(catalog, (byOffice = new Map<string, BusinessCalendar>()));
  const key = `${office.hours}|${office.days}|${office.timeZone}`;
  let calendar = byOffice.get(key);
  if (!calendar) byOffice.set(key, (calendar = new BusinessCalendar(catalog.calendar, office)));
  return calendar;
}
