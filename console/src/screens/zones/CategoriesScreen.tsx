/** Categories: names, handling deadline, keywords, retire. */
import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { ScreenProps } from '../screen';

export default function CategoriesScreen(_props: ScreenProps) {
  const { t } = useI18n();
  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_categories')}</Typography.Title>
    </main>
  );
}
