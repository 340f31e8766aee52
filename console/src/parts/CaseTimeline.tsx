/** Everything that happened to the case, in order: who, when, what, and the note they left. */
import { Timeline, Typography } from 'antd';
import type { TimelineEntry } from '../api/types';
import { labelOf, useI18n } from '../i18n';
import { formatDateTime } from '../format';

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
                  {e.actor ? ` · ${e.actor}` : ''}
                </span>
              </div>
              {e.note && <div className="timeline-note">{e.note}</div>}
              {e.type === 'message' && e.body && <div className="timeline-note">{e.body.length > 140 ? `${e.body.slice(0, 140)}…` : e.body}</div>}
            </div>
          ),
        }))}
      />
    </section>
  );
}
