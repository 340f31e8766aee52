/** The working calendar: holidays and make-up working days (调休) in a year view. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function CalendarScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_calendar')}</Typography.Title>
    </main>
  );
}
