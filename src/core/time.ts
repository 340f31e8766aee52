/** Dates as the office reads them: in its own time zone, not the server's. */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

function parts(date: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
}

/** `YYMMDD` of the office's local date: the first six digits of a case number. */
export function caseNoPrefix(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year!.slice(2)}${p.month}${p.day}`;
}

/** `2026-12-07 17:30`, local to the office. */
export function formatLocal(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * `caseNoPrefix` for "now", recomputed at most once a second: the hot path
 * asks for it for every message and Intl formatting is not free.
 */
export class CaseNoPrefix {
  private value = '';
  private validUntil = 0;

  constructor(private readonly timeZone: string) {}

  now(): string {
    const t = Date.now();
    if (t >= this.validUntil) {
      this.value = caseNoPrefix(new Date(t), this.timeZone);
      this.validUntil = t - (t % 1000) + 1000;
    }
    return this.value;
  }
}

/** The instant the office's local day `YYYY-MM-DD` (plus `addDays`) begins. */
export function localDayStart(day: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + addDays);
  // The zone's offset at that moment (twice: a day that starts just after a change of offset).
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    guess = utcMidnight - (asUtc - guess);
  }
  return new Date(guess);
}

/** `2026年12月7日 17:30`, local to the office: how a resident reads a date in a text. */
export function formatLocalZh(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}
