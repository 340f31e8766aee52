/** A failed load, said once above what could not be shown. */
import { Alert } from 'antd';
import { CallError } from '../../api/client';
import { useI18n } from '../../i18n';

export function LoadProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof CallError ? error.body.message : error instanceof Error ? error.message : JSON.stringify(error);
  return <Alert type="error" showIcon role="alert" className="ops-alert" title={t('ops_loadFailed', { message })} />;
}
