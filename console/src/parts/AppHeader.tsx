/** The bar on every page: the console's name (a link to the inbox), the screens of this role, who is signed in and as what, sign-out, language. */
import { Button, Space, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionUser } from '../api/types';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { BASE, navigate, type Route } from '../router';
import { AppNav } from './AppNav';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader({ user, route }: { user: SessionUser; route: Route }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  return (
    <header className="app-header">
      <a
        className="app-name"
        href={`${BASE}/`}
        onClick={(e) => {
          e.preventDefault();
          navigate(`${BASE}/`);
        }}
      >
        {t('appName')}
      </a>
      <AppNav role={user.role} route={route} />
      <Space size="small" className="app-user">
        <Typography.Text className="user-name" data-testid="user-name">
          <UserOutlined aria-hidden /> {user.name}
        </Typography.Text>
        <Typography.Text className="user-role">{t(`role_${user.role}`)}</Typography.Text>
        <LanguageSwitch />
        <Button type="text" aria-label={t('logout')} icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut()}>
          <span className="hide-narrow">{t('logout')}</span>
        </Button>
      </Space>
    </header>
  );
}
