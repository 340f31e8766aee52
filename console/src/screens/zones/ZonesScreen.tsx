/** The zone pyramid as a tree: add, rename, move, retire; aliases, numbers, mailboxes, boundary. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function ZonesScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_zones')}</Typography.Title>
    </main>
  );
}
