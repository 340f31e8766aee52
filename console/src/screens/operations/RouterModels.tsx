/**
 * The router's model versions and the retrain button. A retrain runs in the
 * background on the gateway; this follows it (every 2 s while it runs) until
 * the new model is live.
 */
import { useState } from 'react';
import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import { CallError } from '../../api/client';
import { routerModels, startRetrain, type Retrain, type RouterModel } from '../../api/operations';
import { useI18n, type Translate } from '../../i18n';
import { formatDateTime } from '../../format';
import { usePolled } from './usePolled';
import { LoadProblem } from './LoadProblem';

const RUNNING = new Set(['training', 'stored']);

function RetrainState({ retrain, t }: { retrain: Retrain; t: Translate }) {
  const vars = { version: retrain.version ?? '', corrections: retrain.corrections ?? 0, error: retrain.error ?? '' };
  const type = retrain.state === 'live' ? 'success' : retrain.state === 'failed' ? 'error' : 'info';
  return <Alert type={type} showIcon role="status" className="ops-alert" data-testid="retrain-state" title={t(`ops_retrain_${retrain.state}`, vars)} />;
}

export function RouterModels() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [fast, setFast] = useState(false);
  const { data, error, reload } = usePolled(routerModels, fast ? 2_000 : 30_000);
  const running = data?.retrain ? RUNNING.has(data.retrain.state) : false;
  if (fast && data?.retrain && !running) setFast(false);

  const retrain = async () => {
    try {
      await startRetrain();
    } catch (err) {
      message.error(err instanceof CallError && err.status === 409 ? t('ops_retrainBusy') : err instanceof CallError ? err.body.message : String(err));
    }
    setFast(true);
    await reload();
  };

  return (
    <section aria-labelledby="ops-models">
      <div className="ops-heading">
        <Typography.Title level={2} id="ops-models" className="ops-title">
          {t('ops_models')}
        </Typography.Title>
        <Button type="primary" onClick={() => void retrain()} loading={running} data-testid="retrain">
          {t('ops_retrain')}
        </Button>
      </div>
      <LoadProblem error={error} />
      {data?.retrain && <RetrainState retrain={data.retrain} t={t} />}
      <Table<RouterModel>
        rowKey="id"
        size="small"
        data-testid="router-models"
        loading={data === undefined && !error}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        columns={[
          {
            title: t('ops_modelId'),
            key: 'id',
            render: (_, row) => (
              <>
                {row.id} {row.live && <Tag color="success">{t('ops_modelLive')}</Tag>}
                {!row.compatible && <Tag>{t('ops_modelIncompatible')}</Tag>}
              </>
            ),
          },
          { title: t('ops_modelCreated'), key: 'created', render: (_, row) => formatDateTime(row.createdAt, lang) },
          { title: t('ops_modelExamples'), dataIndex: 'examples', align: 'right' },
          { title: t('ops_modelCorrections'), dataIndex: 'corrections', align: 'right' },
          { title: t('ops_modelBy'), key: 'by', render: (_, row) => row.actorName ?? row.actor },
        ]}
      />
    </section>
  );
}
