/** Operations: queues, failed sends and messages, WeChat login, router models. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function OperationsScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_operations')}</Typography.Title>
    </main>
  );
}
