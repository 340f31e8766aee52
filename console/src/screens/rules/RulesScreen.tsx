/** Routing rules: the form, priority order, versions, the test panel and the impact preview. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function RulesScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_rules')}</Typography.Title>
    </main>
  );
}
