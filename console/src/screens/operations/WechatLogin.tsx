/** The WeChat account's login state; while it waits for a scan, its QR code, refreshed every few seconds. */
import { Card, QRCode, Tag, Typography } from 'antd';
import { wechatLogin } from '../../api/operations';
import { labelOf, useI18n } from '../../i18n';
import { usePolled } from './usePolled';
import { LoadProblem } from './LoadProblem';

const COLORS: Record<string, string> = { logged_in: 'success', scan: 'warning', logged_out: 'error', starting: 'processing' };

export function WechatLogin() {
  const { t } = useI18n();
  const { data, error } = usePolled(wechatLogin, 3_000);
  return (
    <Card title={<h2 className="ops-card-title">{t('ops_wechat')}</h2>} size="small" data-testid="wechat-login">
      <LoadProblem error={error} />
      {data && (
        <>
          <Tag color={COLORS[data.status]}>{labelOf(t, 'ops_wechat', data.status)}</Tag>
          {data.user && <Typography.Text>{t('ops_wechatUser', { user: data.user })}</Typography.Text>}
          {data.status === 'scan' && data.qrcodeUrl && (
            <div className="ops-qr">
              <QRCode value={data.qrcodeUrl} size={180} aria-label={t('ops_wechatScan')} />
              <Typography.Text>{t('ops_wechatScan')}</Typography.Text>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
