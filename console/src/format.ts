/** Times as staff read them: in the office's zone (Asia/Shanghai), and "time left" for deadlines. */
import type { Lang, Translate } from './i18n';

const OFFICE_TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: OFFICE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A duration in the largest two units that matter: "2天3小时", "5 h 10 min". */
export function formatDuration(t: Translate, ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return [t('days', { n: days }), hours ? t('hours', { n: hours }) : ''].filter(Boolean).join(' ');
  if (hours > 0) return [t('hours', { n: hours }), rest ? t('minutes', { n: rest }) : ''].filter(Boolean).join(' ');
  return t('minutes', { n: rest });
}

export function formatWait(t: Translate, seconds: number): string {
  return formatDuration(t, seconds * 1000);
}

export type DeadlineState = 'overdue' | 'soon' | 'ok' | 'closed';

/** Overdue past the deadline, "soon" within 24 hours; a closed case has no deadline to watch. */
export function deadlineState(deadlineAt: string, closed: boolean, now = Date.now()): DeadlineState {
  if (closed) return 'closed';
  const left = new Date(deadlineAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left <= 24 * 3_600_000 ? 'soon' : 'ok';
}
