/** What a refused write means to the user: a conflict (reload), an opted-out resident (the alternatives), or the API's message. */
import { Alert, Button } from 'antd';
import { CallError } from '../api/client';
import { labelOf, useI18n } from '../i18n';

/** An answer the resident cannot receive (opted out of texts, a landline, no address): 409 with the alternatives. */
export function undeliverable(error: unknown): error is CallError {
  return error instanceof CallError && error.status === 409 && (error.body.error === 'opted_out' || error.body.error === 'undeliverable');
}

export function WriteProblem({ error, onReload, onKeepForLookup }: { error: unknown; onReload: () => void; onKeepForLookup?: () => void }) {
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
  if (undeliverable(error)) {
    const alternatives = error.body.alternatives ?? [];
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        data-testid="undeliverable"
        title={t('optedOut', { reason: error.body.reason ? labelOf(t, 'why', error.body.reason) : error.body.message })}
        description={alternatives.length ? t('alternatives', { list: alternatives.map((a) => labelOf(t, 'alt', a)).join('、') }) : undefined}
        action={
          onKeepForLookup && alternatives.includes('lookup') ? (
            <Button size="small" onClick={onKeepForLookup}>
              {t('keepForLookup')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  const text = error instanceof CallError ? error.body.message : error instanceof Error ? error.message : JSON.stringify(error);
  return <Alert type="error" showIcon role="alert" title={t('failed', { message: text })} />;
}
