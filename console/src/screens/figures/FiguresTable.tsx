/** A table of figures, one row per zone, category or liaison, with the period's total as its summary row. */
import { Table, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import type { Figures, StatsRow } from '../../api/figures';
import { useI18n } from '../../i18n';
import { figureColumns, figureText, FIGURE_KEYS } from './figure-columns';

interface Props {
  rows: StatsRow[];
  total: Figures;
  responseTargetHours: number;
  /** The first column: what a row is (zone, category, liaison). */
  first: TableColumnType<StatsRow>;
  loading: boolean;
  testId: string;
  caption: string;
}

export function FiguresTable({ rows, total, responseTargetHours, first, loading, testId, caption }: Props) {
  const { t } = useI18n();
  return (
    // A narrow screen scrolls the table inside this box (not antd's scroll.x, whose hidden measuring row copies the headers' buttons).
    <div className="fig-table-wrap">
      <Table<StatsRow>
        className="fig-table"
        data-testid={testId}
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        columns={[first, ...figureColumns<StatsRow>(t, responseTargetHours)]}
        pagination={false}
        caption={<span className="visually-hidden">{caption}</span>}
        locale={{ emptyText: t('fig_empty') }}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row className="fig-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('fig_summary')}</Typography.Text>
              </Table.Summary.Cell>
              {FIGURE_KEYS.map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 1} align="right">
                  <Typography.Text strong>{figureText(key, total[key])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </div>
  );
}
