/** Leaders' visits (领导下访) in a month against what is required of each level, those behind first. */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { leaderVisits, type LeaderMonth } from '../../api/figures';
import type { Zone } from '../../api/types';
import { labelOf, useI18n } from '../../i18n';
import { zoneTrail } from './ZoneFigures';

export function LeaderVisits({ initialMonth, zones }: { initialMonth: string; zones: Zone[] }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(initialMonth);
  const [leaders, setLeaders] = useState<LeaderMonth[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLeaders(null);
    leaderVisits(month).then(
      (list) => live && (setLeaders([...list].sort((a, b) => Number(b.behind) - Number(a.behind))), setError(null)),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [month]);

  const zonePath = (code: string) =>
    zoneTrail(zones, code)
      .filter((z) => z.code !== 'district')
      .map((z) => z.name)
      .join('/') || code;
  const behind = leaders?.filter((l) => l.behind).length ?? 0;

  return (
    <section aria-labelledby="fig-visits-title">
      <Typography.Title level={2} className="section-title" id="fig-visits-title">
        {t('fig_visits')}
      </Typography.Title>
      <div className="fig-toolbar">
        <label htmlFor="fig-visits-month">{t('fig_visits_month')}</label>
        <DatePicker
          id="fig-visits-month"
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
        />
      </div>
      {error && <Alert type="error" showIcon title={t('fig_failed', { message: error })} />}
      {leaders && (
        <Typography.Paragraph data-testid="fig-visits-summary">
          {leaders.length ? t('fig_visits_summary', { month, total: leaders.length, behind }) : t('fig_visits_none')}
        </Typography.Paragraph>
      )}
      <Table<LeaderMonth>
        data-testid="fig-table-visits"
        rowKey={(l) => `${l.level}:${l.leader}`}
        size="small"
        loading={leaders === null && !error}
        dataSource={leaders ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('fig_visits_none') }}
        columns={[
          { key: 'leader', dataIndex: 'leader', title: t('fig_visits_leader'), fixed: 'left' },
          { key: 'level', dataIndex: 'level', title: t('fig_visits_level'), render: (level: string) => labelOf(t, 'fig_level', level) },
          { key: 'visits', dataIndex: 'visits', title: t('fig_visits_count'), align: 'right' },
          { key: 'required', dataIndex: 'required', title: t('fig_visits_required'), align: 'right' },
          {
            key: 'state',
            title: t('fig_visits_state'),
            render: (_: unknown, l: LeaderMonth) =>
              l.behind ? <Tag color="error">{t('fig_visits_behind')}</Tag> : <Tag color="success">{t('fig_visits_done')}</Tag>,
          },
          { key: 'zones', dataIndex: 'zones', title: t('fig_visits_zones'), render: (codes: string[]) => codes.map(zonePath).join('，') },
        ]}
      />
    </section>
  );
}
