/** Everything that happened to the case, in order: who, when, what, and the note they left. */
import { Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../api/types';
import { labelOf, useI18n } from '../i18n';
import { formatDateTime } from '../format';

/** A string field of an event's detail, if it has one. */
function field(detail: unknown, name: string): string | undefined {
  if (!detail || typeof detail !== 'object' || !(name in detail)) return undefined;
  const value = (detail as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Who acted, in words: the staff member's name when the event kept it, else the actor as recorded. */
function who(e: TimelineEntry): string | undefined {
  return field(e.detail, 'by') ?? e.actor;
}

/** What was said with the event: a note, the text of a reply, a reason, a summary. */
function words(e: TimelineEntry): string | undefined {
  return e.note ?? field(e.detail, 'text') ?? field(e.detail, 'reason') ?? field(e.detail, 'summary') ?? field(e.detail, 'note') ?? undefined;
}

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="timeline-title">
      <Typography.Title level={2} id="timeline-title" className="section-title">
        {t('timeline')}
      </Typography.Title>
      <Timeline
        className="case-timeline"
        items={entries.map((e) => ({
          color: e.type === 'message' ? (e.direction === 'in' ? 'blue' : 'green') : e.event === 'escalated' || e.event === 'overdue' ? 'red' : 'gray',
          content: (
            <div className="timeline-entry">
              <div className="timeline-head">
                <strong>
                  {e.type === 'event'
                    ? labelOf(t, 'event', e.event ?? '')
                    : `${labelOf(t, 'channel', e.channel ?? '')} · ${e.direction === 'in' ? t('residentMessages') : t('messagesOut')}`}
                </strong>
                <span className="timeline-meta">
                  {formatDateTime(e.at, lang)}
                  {who(e) ? ` · ${who(e)}` : ''}
                </span>
              </div>
              {e.type === 'event' && words(e) && <div className="timeline-note">{words(e)}</div>}
              {e.type === 'message' && e.body && <div className="timeline-note">{e.body.length > 140 ? `${e.body.slice(0, 140)}…` : e.body}</div>}
            </div>
          ),
        }))}
      />
    </section>
  );
}
