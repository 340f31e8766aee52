/** The impact preview's answer: how many recent cases would change, in what, with examples (case → before → after). */
import { useEffect, useRef } from 'react';
import { Alert, Table, Typography } from 'antd';
import type { Preview } from '../../api/rules';
import { useI18n } from '../../i18n';
import { usePickers } from '../../pickers';
import { CaseLink } from '../../parts/CaseLink';

const ASPECTS = ['zone', 'liaison', 'category', 'tags', 'answer'] as const;
type Aspect = (typeof ASPECTS)[number];

export function ImpactPreview({ preview, stale }: { preview: Preview; stale: boolean }) {
  const { t, lang } = useI18n();
  const { categories } = usePickers();
  const category = (code: string | null) => {
    const found = categories.find((c) => c.code === code);
    return found ? (lang === 'zh' ? found.nameZh : found.nameEn) : code;
  };
  const shown = (aspect: Aspect, value: string | null) => (value === null ? t('rules_none') : aspect === 'category' ? category(value) : value);
  const rows = ASPECTS.map((aspect) => ({ aspect, ...preview.aspects[aspect] }));
  // The answer comes below a long form: bring it into view when it arrives.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
  }, [preview]);

  return (
    <section ref={section} className="rule-preview" aria-labelledby="rule-preview-title" data-testid="impact-preview">
      <Typography.Title level={2} id="rule-preview-title" className="rule-form-section">
        {t('rules_previewTitle')}
      </Typography.Title>
      {stale && <Alert type="warning" showIcon title={t('rules_previewStale')} className="rule-preview-alert" />}
      <Typography.Paragraph data-testid="impact-summary">
        {t('rules_previewSummary', { days: preview.days, considered: preview.considered, changed: preview.changed, matched: preview.matched })}
      </Typography.Paragraph>
      {preview.sampled && (
        <Alert
          type="info"
          showIcon
          className="rule-preview-alert"
          title={`${t('rules_previewSampled', { total: preview.total, considered: preview.considered })}${preview.timedOut ? ` ${t('rules_previewTimedOut')}` : ''}`}
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="aspect"
        dataSource={rows}
        columns={[
          { title: t('rules_aspect'), dataIndex: 'aspect', render: (a: Aspect) => t(`rules_aspect_${a}`) },
          { title: t('rules_count'), dataIndex: 'count', render: (n: number, row) => <span data-testid={`impact-${row.aspect}`}>{n}</span> },
          {
            title: t('rules_examples'),
            key: 'examples',
            render: (_, row) =>
              row.examples.length ? (
                <ul className="rule-preview-examples">
                  {row.examples.map((e) => (
                    <li key={e.caseNo}>
                      <CaseLink caseNo={e.caseNo} />：{shown(row.aspect, e.before)} → {shown(row.aspect, e.after)}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </section>
  );
}
