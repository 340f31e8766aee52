/** The inbox on a phone: a card per case, with a checkbox for bulk actions. */
import { Card, Checkbox, Empty, Pagination, Spin } from 'antd';
import type { CaseRow } from '../api/types';
import { useI18n } from '../i18n';
import { formatDateTime } from '../format';
import { CaseLink } from './CaseLink';
import { ChannelIcon } from './ChannelIcon';
import { DeadlineBadge } from './DeadlineBadge';
import { CaseFlags, StatusTag } from './CaseTags';

export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

/** What the inbox hands its list, shown as a table on a desk and as cards on a phone. */
export interface CaseListProps {
  rows: CaseRow[];
  loading: boolean;
  selected: string[];
  onSelect: (caseNos: string[]) => void;
  paging: Paging;
  categoryName: (code: string) => string;
}

export function CaseCards({ rows, loading, selected, onSelect, paging, categoryName }: CaseListProps) {
  const { t, lang } = useI18n();
  const toggle = (caseNo: string, on: boolean) => onSelect(on ? [...selected, caseNo] : selected.filter((c) => c !== caseNo));
  return (
    <Spin spinning={loading}>
      {rows.length === 0 && !loading && <Empty description={t('noCases')} />}
      <ul className="case-cards">
        {rows.map((row) => (
          <li key={row.caseNo}>
            <Card size="small" className="case-card" data-case={row.caseNo}>
              <div className="case-card-top">
                <Checkbox checked={selected.includes(row.caseNo)} onChange={(e) => toggle(row.caseNo, e.target.checked)} aria-label={row.caseNo} />
                <CaseLink caseNo={row.caseNo} />
                <ChannelIcon channel={row.originChannel} />
              </div>
              <div className="case-card-line">
                {row.zone.label} · {categoryName(row.category)}
              </div>
              <div className="case-card-line">
                <StatusTag status={row.status} />
                <DeadlineBadge deadlineAt={row.deadlineAt} closed={row.status === 'closed'} />
                <CaseFlags row={row} />
              </div>
              <div className="case-card-meta">{formatDateTime(row.createdAt, lang)}</div>
            </Card>
          </li>
        ))}
      </ul>
      <Pagination simple current={paging.page} pageSize={paging.pageSize} total={paging.total} onChange={paging.onChange} className="case-cards-paging" />
    </Spin>
  );
}
