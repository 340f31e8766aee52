/** By category (the mix as a pie) or by liaison (bars), within the zone being looked at. */
import { useMemo } from 'react';
import { Typography } from 'antd';
import type { StatsAnswer, StatsRow } from '../../api/figures';
import { useI18n } from '../../i18n';
import { EChart, type ChartOption } from './EChart';
import { FiguresTable } from './FiguresTable';
import { EMPTY } from './ZoneFigures';

interface Props {
  groupBy: 'category' | 'liaison';
  answer: StatsAnswer | null;
  loading: boolean;
  scope: string;
}

export function GroupFigures({ groupBy, answer, loading, scope }: Props) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => answer?.rows ?? [], [answer]);
  const nameOf = (row: StatsRow) => (groupBy === 'liaison' && row.key === 'none' ? t('fig_no_liaison') : lang === 'en' && row.nameEn ? row.nameEn : row.name);
  const chartLabel = t(groupBy === 'category' ? 'fig_chart_categories' : 'fig_chart_liaisons');
  const option = useMemo<ChartOption>(() => {
    const names = rows.map(nameOf);
    if (groupBy === 'category') {
      return {
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            type: 'pie',
            name: t('fig_col_received'),
            radius: ['35%', '65%'],
            label: { formatter: '{b}\n{c}', color: '#262626' },
            data: rows.map((r, i) => ({ name: names[i]!, value: r.received })),
          },
        ],
      };
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('fig_col_received'), data: rows.map((r) => r.received) },
        { type: 'bar', name: t('fig_col_overdue'), data: rows.map((r) => r.overdue) },
      ],
    };
    // nameOf reads t and lang, both listed.
  }, [rows, groupBy, t, lang]);

  const title = t(groupBy === 'category' ? 'fig_by_category' : 'fig_by_liaison');
  return (
    <section aria-labelledby={`fig-${groupBy}-title`}>
      <Typography.Title level={2} className="section-title" id={`fig-${groupBy}-title`}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('fig_scope', { zone: scope })}</Typography.Paragraph>
      <EChart option={option} label={`${chartLabel}（${scope}）`} testId={`fig-chart-${groupBy}`} />
      <FiguresTable
        testId={`fig-table-${groupBy}`}
        caption={chartLabel}
        rows={rows}
        total={answer?.total ?? EMPTY}
        responseTargetHours={answer?.responseTargetHours ?? 24}
        loading={loading}
        first={{ key: 'name', title: t(groupBy === 'category' ? 'fig_col_category' : 'fig_col_liaison'), render: (_: unknown, row: StatsRow) => nameOf(row) }}
      />
    </section>
  );
}
