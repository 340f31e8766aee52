/** Liaisons: create, assign to zones, bind a chat by a one-time code, see and revoke bound chats. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function LiaisonsScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_liaisons')}</Typography.Title>
    </main>
  );
}
