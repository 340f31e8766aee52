/** Sends that finally failed or whose outcome is unknown, with their errors: retry, or cancel for good (confirmed first). */
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CallError } from '../../api/client';
import { cancelSend, failedSends, retrySend, type FailedSend } from '../../api/operations';
import { labelOf, useI18n } from '../../i18n';
import { formatDateTime } from '../../format';
import { CaseLink } from '../../parts/CaseLink';
import { usePolled } from './usePolled';
import { LoadProblem } from './LoadProblem';

export function FailedSends({ onChange }: { onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = usePolled(failedSends, 15_000);

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      message.success(done);
    } catch (err) {
      message.error(err instanceof CallError ? err.body.message : String(err));
    }
    await reload();
    onChange();
  };

  return (
    <section aria-labelledby="ops-failed-sends">
      <Typography.Title level={2} id="ops-failed-sends" className="ops-title">
        {t('ops_failedSends')}
      </Typography.Title>
      <LoadProblem error={error} />
      <Table<FailedSend>
        rowKey="id"
        size="small"
        data-testid="failed-sends"
        loading={data === undefined && !error}
        dataSource={data ?? []}
        locale={{ emptyText: <span className="ops-empty">{t('ops_failedSendsNone')}</span> }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('ops_case'), key: 'case', render: (_, row) => (row.caseNo ? <CaseLink caseNo={row.caseNo} /> : '–') },
          { title: t('ops_channel'), key: 'channel', render: (_, row) => labelOf(t, 'channel', row.channel) },
          { title: t('ops_kind'), dataIndex: 'kind' },
          { title: t('ops_to'), key: 'to', render: (_, row) => row.to ?? '–' },
          {
            title: t('ops_status'),
            key: 'status',
            render: (_, row) => <Tag color={row.status === 'failed' ? 'error' : 'warning'}>{t(`ops_send_${row.status}`)}</Tag>,
          },
          { title: t('ops_attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('ops_error'), key: 'error', render: (_, row) => <span className="ops-error">{row.lastError ?? '–'}</span> },
          { title: t('ops_updated'), key: 'updated', render: (_, row) => formatDateTime(row.updatedAt, lang) },
          {
            title: t('ops_actions'),
            key: 'actions',
            render: (_, row) => (
              <Space size="small">
                {row.status === 'unknown' ? (
                  <Popconfirm title={t('ops_retryUnknown')} onConfirm={() => void act(() => retrySend(row.id), t('ops_retried'))}>
                    <Button size="small">{t('ops_retry')}</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => void act(() => retrySend(row.id), t('ops_retried'))}>
                    {t('ops_retry')}
                  </Button>
                )}
                <Popconfirm title={t('ops_cancelConfirm')} onConfirm={() => void act(() => cancelSend(row.id), t('ops_cancelled'))}>
                  <Button size="small" danger>
                    {t('ops_cancel')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
