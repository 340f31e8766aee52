/** The console: language and antd locale, the session, and the page for the path. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { useRoute } from './router';
import { SignIn } from './screens/SignIn';
import { Inbox } from './screens/Inbox';
import { CaseDetailPage } from './screens/CaseDetail';
import { AppHeader } from './parts/AppHeader';

/** antd's colours, darkened where its defaults fall short of WCAG AA contrast (4.5:1) for small text. */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
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
  const { t } = useI18n();
  if (route.page === 'login') return <SignIn next={route.next} />;
  if (user === undefined || user === null) {
    return (
      <main className="loading" aria-busy="true">
        <Spin />
        <span className="visually-hidden">{t('loading')}</span>
      </main>
    );
  }
  return (
    <div className="shell">
      <AppHeader user={user} />
      {route.page === 'case' ? <CaseDetailPage key={route.caseNo} caseNo={route.caseNo} /> : <Inbox />}
    </div>
  );
}
