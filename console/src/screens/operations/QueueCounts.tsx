/** The intake queue's jobs and the outbox's unsent sends, by state, refreshed every few seconds. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { queueCounts } from '../../api/operations';
import { useI18n } from '../../i18n';
import { usePolled } from './usePolled';
import { LoadProblem } from './LoadProblem';

const INTAKE = ['waiting', 'active', 'delayed', 'failed'] as const;
const OUTBOX = ['pending', 'retrying', 'sending', 'failed', 'unknown'] as const;

export function QueueCounts() {
  const { t } = useI18n();
  const { data, error } = usePolled(queueCounts, 5_000);
  return (
    <section aria-labelledby="ops-queues">
      <Typography.Title level={2} id="ops-queues" className="ops-title">
        {t('ops_queues')} <Typography.Text type="secondary">{t('ops_queuesHint')}</Typography.Text>
      </Typography.Title>
      <LoadProblem error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('ops_intakeQueue')} size="small" data-testid="ops-intake">
            <div className="ops-stats">
              {INTAKE.map((state) => (
                <Statistic key={state} title={t(`ops_q_${state}`)} value={data?.intake[state] ?? '–'} data-testid={`intake-${state}`} />
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('ops_outbox')} size="small" data-testid="ops-outbox">
            <div className="ops-stats">
              {OUTBOX.map((state) => (
                <Statistic key={state} title={t(`ops_o_${state}`)} value={data?.outbox[state] ?? '–'} data-testid={`outbox-${state}`} />
              ))}
            </div>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
