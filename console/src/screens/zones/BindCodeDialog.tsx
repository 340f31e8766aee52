/** A fresh one-time bind code for a liaison: the code, the command to send the bot, and a QR code (the t.me link where a bot is configured). */
import { useEffect, useState } from 'react';
import { Alert, Descriptions, Modal, Spin, Typography } from 'antd';
import { newBindCode } from '../../api/zones';
import type { Liaison } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../format';

type BindCode = Awaited<ReturnType<typeof newBindCode>>;

export function BindCodeDialog({ liaison, onClose }: { liaison: Liaison; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState<BindCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    newBindCode(liaison.id).then(setCode, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [liaison.id]);

  return (
    <Modal open title={t('liaisons_bindTitle', { name: liaison.name })} footer={null} onCancel={onClose} width={560}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {!code && !problem && <Spin />}
      {code && (
        <div className="bind-code" data-testid="bind-code">
          <img src={code.qr} alt={t('liaisons_qrAlt', { what: code.link ?? code.send })} data-testid="bind-code-qr" />
          <div>
            <Typography.Paragraph className="bind-code-text" copyable={{ text: code.code }} data-testid="bind-code-text">
              {code.code}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'send', label: t('liaisons_send'), children: <Typography.Text copyable>{code.send}</Typography.Text> },
                ...(code.link ? [{ key: 'link', label: t('liaisons_link'), children: <Typography.Text copyable>{code.link}</Typography.Text> }] : []),
                { key: 'expires', label: t('liaisons_expires'), children: formatDateTime(code.expiresAt, lang) },
              ]}
            />
            <Typography.Paragraph type="secondary">{code.link ? t('liaisons_bindHelpLink') : t('liaisons_bindHelp')}</Typography.Paragraph>
          </div>
        </div>
      )}
    </Modal>
  );
}
