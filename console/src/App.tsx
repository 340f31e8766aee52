/** The console: language and antd locale, the session, and the page for the path. */
import { Suspense } from 'react';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { useRoute, type Route } from './router';
import { mayUse } from './nav';
import { SCREEN_COMPONENTS } from './screens/screen';
import type { SessionUser } from './api/types';
import { SignIn } from './screens/SignIn';
import { Inbox } from './screens/Inbox';
import { CaseDetailPage } from './screens/CaseDetail';
import { AppHeader } from './parts/AppHeader';

/** antd's colours, darkened where its defaults fall short of WCAG AA contrast (4.5:1) for small text. */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    // A hovered primary button (the mouse stays on it after a click) keeps white text readable.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    colorTextDescription: 'rgba(0,0,0,0.65)',
    colorTextPlaceholder: 'rgba(0,0,0,0.6)',
  },
};

export function App() {
  return (
    <I18nProvider>
      <Localized>
        <SessionProvider>
          <Pages />
        </SessionProvider>
      </Localized>
    </I18nProvider>
  );
}

function Localized({ children }: { children: React.ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function Pages() {
  const route = useRoute();
  const { user } = useSession();
  if (route.page === 'login') return <SignIn next={route.next} />;
  if (user === undefined || user === null) return <Loading />;
  return (
    <div className="shell">
      <AppHeader user={user} route={route} />
      <Page route={route} user={user} />
    </div>
  );
}

function Page({ route, user }: { route: Exclude<Route, { page: 'login' }>; user: SessionUser }) {
  const { t } = useI18n();
  if (route.page === 'case') return <CaseDetailPage key={route.caseNo} caseNo={route.caseNo} />;
  if (route.page === 'inbox') return <Inbox />;
  if (!mayUse(user.role, route.screen)) {
    return (
      <main className="screen">
        <Result status="403" title={t('forbiddenScreen')} />
      </main>
    );
  }
  const Screen = SCREEN_COMPONENTS[route.screen];
  return (
    <Suspense fallback={<Loading />}>
      <Screen sub={route.sub} />
    </Suspense>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <main className="loading" aria-busy="true">
      <Spin />
      <span className="visually-hidden">{t('loading')}</span>
    </main>
  );
}
