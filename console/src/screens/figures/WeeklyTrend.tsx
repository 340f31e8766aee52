/** The trend week by week over the period: received on the left axis, the three rates on the right; a table as its text alternative. */
import { useMemo } from 'react';
import { Collapse, Table, Typography } from 'antd';
import type { WeekFigures } from '../../api/figures';
import { useI18n } from '../../i18n';
import { EChart, type ChartOption } from './EChart';
import { figureColumns } from './figure-columns';

const RATE_SERIES = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;

export function WeeklyTrend({ weeks, scope, responseTargetHours }: { weeks: WeekFigures[]; scope: string; responseTargetHours: number }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: weeks.map((w) => w.week.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { type: 'line', name: t('fig_col_received'), data: weeks.map((w) => w.received) },
        ...RATE_SERIES.map((key) => ({
          type: 'line' as const,
          name: t(`fig_col_${key}`),
          yAxisIndex: 1,
          connectNulls: true,
          data: weeks.map((w) => (w[key] === null ? null : Math.round(w[key] * 1000) / 10)),
        })),
      ],
    }),
    [weeks, t],
  );
  return (
    <section aria-labelledby="fig-trend-title">
      <Typography.Title level={2} className="section-title" id="fig-trend-title">
        {t('fig_trend')}
      </Typography.Title>
      <EChart option={option} label={`${t('fig_chart_trend')}（${scope}）`} testId="fig-chart-trend" />
      <Collapse
        size="small"
        items={[
          {
            key: 'table',
            label: t('fig_trend_table'),
            children: (
              <div className="fig-table-wrap">
                <Table<WeekFigures>
                  rowKey="week"
                  size="small"
                  dataSource={weeks}
                  pagination={false}
                  columns={[{ key: 'week', dataIndex: 'week', title: t('fig_col_week') }, ...figureColumns<WeekFigures>(t, responseTargetHours)]}
                />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
