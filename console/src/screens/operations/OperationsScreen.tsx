/** Operations: queues, failed sends and messages, WeChat login, router models. */
import { useState } from 'react';
import { Col, Row, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';
import { QueueCounts } from './QueueCounts';
import { FailedSends } from './FailedSends';
import { FailedMessages } from './FailedMessages';
import { WechatLogin } from './WechatLogin';
import { RouterModels } from './RouterModels';

export default function OperationsScreen(_props: ScreenProps) {
  const { t } = useI18n();
  // A retry or cancel changes the counts: the queue card is mounted again to show them at once.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <main className="screen ops-screen">
      <Typography.Title level={1}>{t('nav_operations')}</Typography.Title>
      <QueueCounts key={changes} />
      <FailedSends onChange={changed} />
      <FailedMessages onChange={changed} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <RouterModels />
        </Col>
        <Col xs={24} lg={8}>
          <WechatLogin />
        </Col>
      </Row>
    </main>
  );
}
