/** The figures (考核) by zone, category and liaison, as tables, charts and exports. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function FiguresScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_figures')}</Typography.Title>
    </main>
  );
}
