/**
 * The figures (考核) for a period: by zone with drill-down down the tree (the
 * zone is in the address: /console/figures/<code>), by category, by liaison,
 * the weekly trend of the zone looked at, the exports of what is shown, and
 * leaders' visits for the period's last month.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Segmented, Space, Statistic, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { exportUrl, stats, weeklyFigures, type GroupBy, type StatsAnswer, type StatsQuery, type WeekFigures } from '../../api/figures';
import { useI18n } from '../../i18n';
import { usePickers } from '../../pickers';
import type { ScreenProps } from '../screen';
import { monthOf, periodQuery, PRESETS, presetDays, type Days, type Preset } from './period';
import { TOP_ZONE, ZoneFigures, zoneTrail } from './ZoneFigures';
import { GroupFigures } from './GroupFigures';
import { WeeklyTrend } from './WeeklyTrend';
import { LeaderVisits } from './LeaderVisits';
import { figureText, type FigureKey } from './figure-columns';
import './figures.css';

type Tab = 'zone' | 'category' | 'liaison' | 'visits';
const TABS: readonly Tab[] = ['zone', 'category', 'liaison', 'visits'];
const SUMMARY: readonly FigureKey[] = ['received', 'responseRate', 'resolutionRate', 'satisfactionRate', 'overdue', 'reopenRate', 'avgHandlingHours'];

export default function FiguresScreen({ sub }: ScreenProps) {
  const { t } = useI18n();
  const { zones } = usePickers();
  const parentCode = sub || TOP_ZONE;
  const [preset, setPreset] = useState<Preset | 'custom'>('thisMonth');
  const [days, setDays] = useState<Days>(() => presetDays('thisMonth'));
  const [tab, setTab] = useState<Tab>('zone');
  const [answer, setAnswer] = useState<StatsAnswer | null>(null);
  const [weeks, setWeeks] = useState<WeekFigures[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const period = periodQuery(days);
  const zoneScope = parentCode === TOP_ZONE ? {} : { zone: parentCode };
  const groupBy: GroupBy = tab === 'visits' ? 'zone' : tab;
  const query: StatsQuery = groupBy === 'zone' ? { ...period, groupBy, parentCode } : { ...period, groupBy, ...zoneScope };
  const queryKey = JSON.stringify(query);
  const scope = zoneTrail(zones, parentCode).at(-1)!.name;

  useEffect(() => {
    let live = true;
    setLoading(true);
    stats(JSON.parse(queryKey) as StatsQuery).then(
      (a) => live && (setAnswer(a), setError(null), setLoading(false)),
      (err: Error) => live && (setError(err.message), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [queryKey]);

  const trendKey = JSON.stringify({ ...period, ...zoneScope });
  useEffect(() => {
    let live = true;
    weeklyFigures(JSON.parse(trendKey) as { from: string; to: string; zone?: string }).then(
      (w) => live && setWeeks(w),
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [trendKey]);

  const choosePreset = (value: Preset) => {
    setPreset(value);
    setDays(presetDays(value));
  };
  const shown = answer && !loading ? answer : null;
  const hours = answer?.responseTargetHours ?? 24;

  return (
    <main className="screen figures">
      <Typography.Title level={1} className="fig-title">
        {t('nav_figures')}
      </Typography.Title>
      <div className="fig-toolbar" role="group" aria-label={t('fig_period')}>
        <Segmented<Preset | 'custom'>
          aria-label={t('fig_period')}
          value={preset}
          onChange={(value) => value !== 'custom' && choosePreset(value)}
          options={[...PRESETS.map((p) => ({ value: p, label: t(`fig_preset_${p}`) })), { value: 'custom', label: t('fig_range'), disabled: true }]}
        />
        <DatePicker.RangePicker
          aria-label={t('fig_range')}
          allowClear={false}
          value={[dayjs(days.first), dayjs(days.last)]}
          onChange={(range) => {
            if (!range?.[0] || !range[1]) return;
            setPreset('custom');
            setDays({ first: range[0].format('YYYY-MM-DD'), last: range[1].format('YYYY-MM-DD') });
          }}
        />
        {tab !== 'visits' && (
          <Space wrap className="fig-exports">
            <Button icon={<DownloadOutlined />} href={exportUrl('csv', query)} download data-testid="fig-export-csv">
              {t('fig_export_csv')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('xlsx', query)} download data-testid="fig-export-xlsx">
              {t('fig_export_xlsx')}
            </Button>
          </Space>
        )}
      </div>
      {error && <Alert type="error" showIcon role="alert" className="fig-alert" title={t('fig_failed', { message: error })} />}

      <section className="fig-summary" aria-label={t('fig_summary')} data-testid="fig-summary">
        {SUMMARY.map((key) => (
          <Statistic key={key} title={t(`fig_col_${key}`)} value={answer ? figureText(key, answer.total[key]) : '—'} />
        ))}
      </section>

      <WeeklyTrend weeks={weeks} scope={scope} responseTargetHours={hours} />

      <Tabs
        className="fig-tabs"
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        aria-label={t('fig_groupings')}
        items={TABS.map((key) => ({
          key,
          label: t(key === 'visits' ? 'fig_visits' : `fig_by_${key}`),
          children:
            key === 'visits' ? (
              // A new period starts the visits at its last month.
              <LeaderVisits key={monthOf(days)} initialMonth={monthOf(days)} zones={zones} />
            ) : key === 'zone' ? (
              <ZoneFigures answer={tab === 'zone' ? shown : null} loading={loading} parentCode={parentCode} zones={zones} />
            ) : (
              <GroupFigures groupBy={key} answer={tab === key ? shown : null} loading={loading} scope={scope} />
            ),
        }))}
      />
    </main>
  );
}
