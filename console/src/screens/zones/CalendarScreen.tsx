/**
 * The working calendar as a year of twelve small months: click a day to mark
 * it a holiday, or a weekend day a make-up working day (调休); saving replaces
 * the year (PUT /api/v1/calendar/{year}). The year is the sub-path, this year
 * by default.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Input, InputNumber, Space, Statistic, Typography } from 'antd';
import { calendarYear, replaceCalendarYear, type CalendarDay } from '../../api/zones';
import { useI18n } from '../../i18n';
import { navigate, screenPath } from '../../router';
import { WriteProblem } from '../../parts/WriteProblem';
import type { ScreenProps } from '../screen';
import { MonthTable, nextMark } from './MonthTable';
import './zones.css';

export default function CalendarScreen({ sub }: ScreenProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const year = /^\d{4}$/.test(sub) ? Number(sub) : new Date().getFullYear();
  const [days, setDays] = useState<Map<string, CalendarDay> | null>(null);
  const [saved, setSaved] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setDays(null);
    setProblem(null);
    try {
      const answer = await calendarYear(year);
      setDays(new Map(answer.days.map((d) => [d.date, d])));
      setSaved(JSON.stringify(answer.days));
    } catch (error) {
      setProblem(error);
    }
  }, [year]);
  useEffect(() => void load(), [load]);

  const list = useMemo(() => [...(days?.values() ?? [])].sort((a, b) => a.date.localeCompare(b.date)), [days]);
  const changed = days !== null && JSON.stringify(list) !== saved;

  const toggle = (date: string, weekend: boolean) => {
    setDays((before) => {
      const next = new Map(before);
      const mark = nextMark(before?.get(date), weekend);
      if (mark === null) next.delete(date);
      else next.set(date, { date, workday: mark === 'workday', name: name.trim() || t(mark === 'workday' ? 'cal_defaultWorkday' : 'cal_defaultHoliday') });
      return next;
    });
  };

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await replaceCalendarYear(year, list);
      setSaved(JSON.stringify(answer.days));
      message.success(t('cal_saved', { year }));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_calendar')}</Typography.Title>
      <div className="calendar-toolbar">
        <label>
          {t('cal_year')}{' '}
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            aria-label={t('cal_year')}
            onChange={(value) => value && value >= 2000 && value <= 2100 && navigate(screenPath('calendar', String(value)), { replace: true })}
            data-testid="calendar-year"
          />
        </label>
        <Input
          placeholder={t('cal_namePlaceholder')}
          aria-label={t('cal_name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          style={{ width: 220 }}
        />
        <Button type="primary" disabled={!changed} loading={busy} onClick={() => void save()} data-testid="calendar-save">
          {t('cal_save')}
        </Button>
        <Button disabled={!changed} onClick={() => void load()}>
          {t('cal_undo')}
        </Button>
      </div>
      <Space size="large" wrap className="calendar-counts" data-testid="calendar-counts">
        <Statistic title={t('cal_holidays')} value={list.filter((d) => !d.workday).length} />
        <Statistic title={t('cal_workdays')} value={list.filter((d) => d.workday).length} />
        {changed && <Typography.Text type="warning">{t('cal_unsaved')}</Typography.Text>}
      </Space>
      <div className="calendar-legend" aria-hidden>
        <span className="calendar-day holiday">{t('cal_legendHoliday')}</span>
        <span className="calendar-day workday">{t('cal_legendWorkday')}</span>
        <span className="calendar-day weekend">{t('cal_legendWeekend')}</span>
      </div>
      <Typography.Paragraph type="secondary">{t('cal_help')}</Typography.Paragraph>
      <WriteProblem error={problem} onReload={() => void load()} />
      {days && (
        <div className="calendar-grid">
          {Array.from({ length: 12 }, (_, month) => (
            <MonthTable key={month} year={year} month={month} days={days} onToggle={toggle} />
          ))}
        </div>
      )}
    </main>
  );
}
