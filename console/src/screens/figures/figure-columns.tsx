/**
 * The figure columns shared by the zone, category and liaison tables and the
 * weekly table: each header carries what the figure means (as computed in
 * src/supervision/stats.ts) in a tooltip, and rates read as percentages.
 */
import { Button, Tooltip } from 'antd';
import type { TableColumnType } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { Translate } from '../../i18n';
import type { Figures } from '../../api/figures';

export type FigureKey =
  'received' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'overdue' | 'reopenRate' | 'avgHandlingHours' | 'p90HandlingHours';
export const FIGURE_KEYS: readonly FigureKey[] = [
  'received',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'overdue',
  'reopenRate',
  'avgHandlingHours',
  'p90HandlingHours',
];
const RATES = new Set<FigureKey>(['responseRate', 'resolutionRate', 'satisfactionRate', 'reopenRate']);

/** 0.667 → "66.7%"; no figure (nothing to divide by) → "—". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function figureText(key: FigureKey, value: number | null): string {
  if (value === null) return '—';
  return RATES.has(key) ? percent(value) : String(value);
}

export function figureDefinition(t: Translate, key: FigureKey, responseTargetHours: number): string {
  return t(`fig_def_${key}`, { hours: responseTargetHours });
}

/** A column's title with its definition: hover or focus the sign, or read its name. */
export function FigureTitle({ t, figure, hours }: { t: Translate; figure: FigureKey; hours: number }) {
  const name = t(`fig_col_${figure}`);
  const definition = figureDefinition(t, figure, hours);
  return (
    <span className="fig-col-title">
      {name}
      <Tooltip title={definition}>
        <Button
          type="text"
          size="small"
          className="fig-col-info"
          icon={<InfoCircleOutlined />}
          aria-label={t('fig_about', { name, definition })}
          // The header sorts on click: the sign only explains.
          onClick={(e) => e.stopPropagation()}
        />
      </Tooltip>
    </span>
  );
}

export function figureColumns<T extends Figures>(t: Translate, hours: number): TableColumnType<T>[] {
  return FIGURE_KEYS.map((key) => ({
    key,
    dataIndex: key,
    align: 'right' as const,
    title: <FigureTitle t={t} figure={key} hours={hours} />,
    sorter: (a: T, b: T) => (a[key] ?? -1) - (b[key] ?? -1),
    render: (value: number | null) => figureText(key, value),
  }));
}
