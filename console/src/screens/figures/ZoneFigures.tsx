/**
 * By zone, one level of the tree at a time: the children of the zone in the
 * address (/console/figures/<code>; the district when none), each with its
 * whole subtree, and the zone's own cases apart. A zone's name goes down to
 * its children; the breadcrumb goes back up.
 */
import { useMemo } from 'react';
import { Breadcrumb, Typography } from 'antd';
import type { StatsAnswer, StatsRow } from '../../api/figures';
import type { Zone } from '../../api/types';
import { useI18n, type Translate } from '../../i18n';
import { navigate, screenPath } from '../../router';
import { EChart, type ChartOption } from './EChart';
import { FiguresTable } from './FiguresTable';

export const TOP_ZONE = 'district';

interface Props {
  answer: StatsAnswer | null;
  loading: boolean;
  parentCode: string;
  zones: Zone[];
}

export function zoneRowName(t: Translate, row: StatsRow): string {
  return row.own ? t('fig_own', { zone: row.name }) : row.name;
}

/** The zone and those above it, the district first, from the zones list. */
export function zoneTrail(zones: Zone[], code: string): { code: string; name: string }[] {
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const trail: { code: string; name: string }[] = [];
  for (let z = byCode.get(code); z; z = z.parentCode ? byCode.get(z.parentCode) : undefined) trail.unshift({ code: z.code, name: z.name });
  return trail.length ? trail : [{ code, name: code }];
}

const goTo = (code: string) => (e: React.MouseEvent) => {
  e.preventDefault();
  navigate(screenPath('figures', code === TOP_ZONE ? '' : code));
};

export function ZoneFigures({ answer, loading, parentCode, zones }: Props) {
  const { t } = useI18n();
  const trail = zoneTrail(zones, parentCode);
  const rows = useMemo(() => answer?.rows ?? [], [answer]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => zoneRowName(t, r)), axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('fig_col_received'), data: rows.map((r) => r.received) },
        { type: 'bar', name: t('fig_col_overdue'), data: rows.map((r) => r.overdue) },
      ],
    }),
    [rows, t],
  );

  return (
    <section aria-labelledby="fig-zones-title">
      <Typography.Title level={2} className="section-title" id="fig-zones-title">
        {t('fig_by_zone')}
      </Typography.Title>
      <nav aria-label={t('fig_breadcrumb')} className="fig-breadcrumb" data-testid="fig-breadcrumb">
        <Breadcrumb
          items={trail.map((z, i) =>
            i === trail.length - 1
              ? { title: <span aria-current="page">{z.name}</span> }
              : {
                  title: (
                    <a href={screenPath('figures', z.code === TOP_ZONE ? '' : z.code)} onClick={goTo(z.code)}>
                      {z.name}
                    </a>
                  ),
                },
          )}
        />
      </nav>
      <EChart option={option} label={`${t('fig_chart_zones')}（${trail.at(-1)!.name}）`} testId="fig-chart-zones" />
      <FiguresTable
        testId="fig-table-zones"
        caption={t('fig_chart_zones')}
        rows={rows}
        total={answer?.total ?? EMPTY}
        responseTargetHours={answer?.responseTargetHours ?? 24}
        loading={loading}
        first={{
          key: 'zone',
          title: t('fig_col_zone'),
          render: (_: unknown, row: StatsRow) =>
            row.hasChildren ? (
              <a href={screenPath('figures', row.key)} onClick={goTo(row.key)} title={t('fig_drill', { zone: row.name })} data-drill={row.key}>
                {row.name}
              </a>
            ) : (
              <span title={row.own ? t('fig_own_hint') : undefined}>{zoneRowName(t, row)}</span>
            ),
        }}
      />
    </section>
  );
}

export const EMPTY = {
  received: 0,
  responseRate: null,
  resolutionRate: null,
  satisfactionRate: null,
  surveysAnswered: 0,
  overdue: 0,
  avgHandlingHours: null,
  p90HandlingHours: null,
  reopenRate: null,
};
