/** Sign-in: login and password; a wrong pair gets one generic message, throttling says how long to wait. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { CallError } from '../api/client';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { navigate } from '../router';
import { LanguageSwitch } from '../parts/LanguageSwitch';
import { formatWait } from '../format';

export function SignIn({ next }: { next: string }) {
  const { t } = useI18n();
  const { signIn, expired } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ login, password }: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(login, password);
      // Only a path of this app: a crafted ?next= must not send the user elsewhere.
      navigate(next.startsWith('/console/') ? next : '/console/', { replace: true });
    } catch (err) {
      if (err instanceof CallError && err.status === 401) setError(t('wrongCredentials'));
      else if (err instanceof CallError && err.status === 429) setError(t('throttled', { wait: formatWait(t, Number(err.retryAfter ?? 60)) }));
      else setError(t('signInFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <Card className="sign-in-card">
        <div className="sign-in-top">
          <Typography.Title level={1} className="sign-in-title">
            {t('appName')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Title level={2} className="sign-in-subtitle">
          {t('signInTitle')}
        </Typography.Title>
        {expired && !error && <Alert type="info" showIcon title={t('sessionExpired')} className="sign-in-alert" />}
        {error && <Alert type="error" showIcon title={error} role="alert" className="sign-in-alert" data-testid="sign-in-error" />}
        <Form layout="vertical" onFinish={(values: { login: string; password: string }) => void submit(values)} requiredMark={false}>
          <Form.Item label={t('login')} name="login" rules={[{ required: true, message: t('loginRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
