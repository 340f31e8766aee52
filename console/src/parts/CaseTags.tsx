/** What a row must show at a glance besides its deadline: urgent, confidential, to triage, the status. */
import { Tag } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import type { CaseRow } from '../api/types';
import { labelOf, useI18n } from '../i18n';

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const colour = status === 'closed' ? 'default' : status === 'answered' ? 'success' : status === 'reopened' ? 'magenta' : 'processing';
  return <Tag color={colour}>{labelOf(t, 'status', status)}</Tag>;
}

export function CaseFlags({ row }: { row: Pick<CaseRow, 'urgent' | 'confidential' | 'needsTriage'> }) {
  const { t } = useI18n();
  return (
    <>
      {row.urgent && (
        <Tag color="red" icon={<FireOutlined aria-hidden />} data-testid="urgent-tag">
          {t('urgent')}
        </Tag>
      )}
      {row.confidential && <Tag color="purple">{t('confidential')}</Tag>}
      {row.needsTriage && <Tag color="gold">{t('needsTriage')}</Tag>}
    </>
  );
}
