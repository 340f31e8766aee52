/** What a refused write means to the user: a conflict (reload), an opted-out resident (the alternatives), or the API's message. */
import { Alert, Button } from 'antd';
import { CallError } from '../api/client';
import { labelOf, useI18n } from '../i18n';

export function WriteProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof CallError && error.status === 412) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('conflict')}
        action={
          <Button size="small" onClick={onReload}>
            {t('reload')}
          </Button>
        }
      />
    );
  }
  if (error instanceof CallError && error.body.error === 'opted_out') {
    const alternatives = (error.body.alternatives ?? []).map((a) => labelOf(t, 'channel', a)).join('、');
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('optedOut', { reason: error.body.message })}
        description={alternatives ? t('alternatives', { list: alternatives }) : undefined}
      />
    );
  }
  const text = error instanceof CallError ? error.body.message : error instanceof Error ? error.message : JSON.stringify(error);
  return <Alert type="error" showIcon role="alert" title={t('failed', { message: text })} />;
}
