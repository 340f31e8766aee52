/** Inbound messages set aside after their processing kept failing: the error, and processing them again. */
import { App, Button, Table, Typography } from 'antd';
import { CallError } from '../../api/client';
import { failedMessages, retryMessage, type FailedMessage } from '../../api/operations';
import { labelOf, useI18n } from '../../i18n';
import { formatDateTime } from '../../format';
import { usePolled } from './usePolled';
import { LoadProblem } from './LoadProblem';

export function FailedMessages({ onChange }: { onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = usePolled(failedMessages, 15_000);

  const retry = async (id: number) => {
    try {
      await retryMessage(id);
      message.success(t('ops_messageRetried'));
    } catch (err) {
      message.error(err instanceof CallError ? err.body.message : String(err));
    }
    await reload();
    onChange();
  };

  return (
    <section aria-labelledby="ops-failed-messages">
      <Typography.Title level={2} id="ops-failed-messages" className="ops-title">
        {t('ops_failedMessages')}
      </Typography.Title>
      <LoadProblem error={error} />
      <Table<FailedMessage>
        rowKey="id"
        size="small"
        data-testid="failed-messages"
        loading={data === undefined && !error}
        dataSource={data ?? []}
        locale={{ emptyText: <span className="ops-empty">{t('ops_failedMessagesNone')}</span> }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: 'ID', dataIndex: 'id' },
          { title: t('ops_channel'), key: 'channel', render: (_, row) => labelOf(t, 'channel', row.channel) },
          { title: t('ops_attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('ops_error'), key: 'error', render: (_, row) => <span className="ops-error">{row.lastError ?? '–'}</span> },
          { title: t('audit_at'), key: 'at', render: (_, row) => formatDateTime(row.createdAt, lang) },
          {
            title: t('ops_actions'),
            key: 'actions',
            render: (_, row) => (
              <Button size="small" onClick={() => void retry(row.id)}>
                {t('ops_retry')}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
