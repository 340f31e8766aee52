/** The case at a glance: status, zone, category, channel, deadline, escalations, why it was routed here, the resident's other cases. */
import { Descriptions, Space, Typography } from 'antd';
import type { CaseDetail } from '../api/types';
import { labelOf, useI18n } from '../i18n';
import { formatDateTime } from '../format';
import { CaseLink } from './CaseLink';
import { ChannelIcon } from './ChannelIcon';
import { DeadlineBadge } from './DeadlineBadge';
import { CaseFlags, StatusTag } from './CaseTags';

/** The deadline an entry set, when its detail names one. */
function deadlineOf(detail: unknown): string | null {
  if (detail && typeof detail === 'object' && 'deadline' in detail && typeof detail.deadline === 'string') return detail.deadline;
  return null;
}

export function CaseFacts({ detail, categoryName }: { detail: CaseDetail; categoryName: (code: string) => string }) {
  const { t, lang } = useI18n();
  return (
    <section aria-label={t('caseNo')}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'status', label: t('status'), children: <StatusTag status={detail.status} /> },
          { key: 'deadline', label: t('deadline'), children: <DeadlineBadge deadlineAt={detail.deadlineAt} closed={detail.status === 'closed'} /> },
          { key: 'zone', label: t('zone'), children: detail.zone.label },
          { key: 'liaison', label: t('liaison'), children: detail.liaison?.name ?? t('none') },
          { key: 'category', label: t('category'), children: `${categoryName(detail.category)} · ${labelOf(t, 'kind', detail.kind)}` },
          { key: 'channel', label: t('channel'), children: <ChannelIcon channel={detail.originChannel} withText /> },
          { key: 'reply', label: t('replyAddress'), children: `${labelOf(t, 'channel', detail.replyChannel)} ${detail.replyAddress ?? ''}` },
          { key: 'created', label: t('createdAt'), children: formatDateTime(detail.createdAt, lang) },
          { key: 'escalations', label: t('escalations'), children: detail.escalations },
          {
            key: 'flags',
            label: t('tag'),
            children: (
              <Space size={[0, 4]} wrap>
                <CaseFlags row={detail} />
                {detail.tags.map((tag) => (
                  <span key={tag} className="plain-tag">
                    #{tag}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {detail.routingSummary[lang] && (
        <div className="routing">
          <Typography.Title level={3} className="subsection-title">
            {t('routing')}
          </Typography.Title>
          <Typography.Paragraph>{detail.routingSummary[lang]}</Typography.Paragraph>
        </div>
      )}
      {detail.deadlineHistory.length > 0 && (
        <div className="other-cases">
          <Typography.Title level={3} className="subsection-title">
            {t('deadlineHistory')}
          </Typography.Title>
          <ul data-testid="deadline-history">
            {detail.deadlineHistory.map((h, i) => {
              const deadline = deadlineOf(h.detail);
              return (
                <li key={i}>
                  {labelOf(t, 'event', h.type)} · {formatDateTime(h.at, lang)}
                  {deadline ? ` → ${formatDateTime(deadline, lang)}` : ''}
                  <span className="timeline-meta">{h.actor}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {detail.otherCases.length > 0 && (
        <div className="other-cases">
          <Typography.Title level={3} className="subsection-title">
            {t('otherCases')}
          </Typography.Title>
          <ul>
            {detail.otherCases.map((c) => (
              <li key={c.caseNo}>
                <CaseLink caseNo={c.caseNo} /> <StatusTag status={c.status} /> {formatDateTime(c.createdAt, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
