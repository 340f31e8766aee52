/** Contact cards per zone: issue, print, rotate, revoke; scans and submissions. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function CardsScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_cards')}</Typography.Title>
    </main>
  );
}
