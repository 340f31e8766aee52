/** The inbox on a wide screen: one row per case, selectable for bulk actions. */
import { Table } from 'antd';
import type { CaseRow } from '../api/types';
import { useI18n } from '../i18n';
import { formatDateTime } from '../format';
import { CaseLink } from './CaseLink';
import { ChannelIcon } from './ChannelIcon';
import { DeadlineBadge } from './DeadlineBadge';
import { CaseFlags, StatusTag } from './CaseTags';
import type { CaseListProps } from './CaseCards';

export function CaseTable({ rows, loading, selected, onSelect, paging, categoryName }: CaseListProps) {
  const { t, lang } = useI18n();
  return (
    <Table<CaseRow>
      className="case-table"
      rowKey="caseNo"
      size="middle"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: t('noCases') }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), columnWidth: 48 }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: paging.total,
        onChange: paging.onChange,
        showSizeChanger: true,
        showTotal: (n) => t('total', { n }),
      }}
      columns={[
        { title: t('caseNo'), dataIndex: 'caseNo', render: (caseNo: string) => <CaseLink caseNo={caseNo} /> },
        { title: t('zone'), key: 'zone', render: (_, row) => row.zone.label },
        { title: t('category'), key: 'category', render: (_, row) => categoryName(row.category) },
        { title: t('channel'), key: 'channel', align: 'center', render: (_, row) => <ChannelIcon channel={row.originChannel} /> },
        { title: t('status'), key: 'status', render: (_, row) => <StatusTag status={row.status} /> },
        { title: t('deadline'), key: 'deadline', render: (_, row) => <DeadlineBadge deadlineAt={row.deadlineAt} closed={row.status === 'closed'} /> },
        { title: <span className="visually-hidden">{t('tag')}</span>, key: 'flags', render: (_, row) => <CaseFlags row={row} /> },
        { title: t('createdAt'), key: 'createdAt', render: (_, row) => formatDateTime(row.createdAt, lang) },
      ]}
    />
  );
}
