/** The resident's messages, and the messages sent to them with where each delivery stands. */
import { Card, Empty, Tag, Typography } from 'antd';
import type { TimelineEntry } from '../api/types';
import { labelOf, useI18n } from '../i18n';
import { formatDateTime } from '../format';
import { ChannelIcon } from './ChannelIcon';

const DELIVERY_COLOURS: Record<string, string> = {
  delivered: 'success',
  sent: 'success',
  failed: 'error',
  pending: 'processing',
  sending: 'processing',
  queued: 'processing',
};

export function ResidentMessages({ entries }: { entries: TimelineEntry[] }) {
  const { t, lang } = useI18n();
  const messages = entries.filter((e) => e.type === 'message' && e.direction === 'in');
  return (
    <section aria-labelledby="in-title">
      <Typography.Title level={2} id="in-title" className="section-title">
        {t('residentMessages')}
      </Typography.Title>
      {messages.length === 0 && <Empty description={t('none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {messages.map((m, i) => (
        <Card key={i} size="small" className="message message-in">
          <div className="message-meta">
            <ChannelIcon channel={m.channel ?? ''} withText /> · {formatDateTime(m.at, lang)}
          </div>
          <Typography.Paragraph className="message-body">{m.body}</Typography.Paragraph>
        </Card>
      ))}
    </section>
  );
}

export function MessagesOut({ entries }: { entries: TimelineEntry[] }) {
  const { t, lang } = useI18n();
  const messages = entries.filter((e) => e.type === 'message' && e.direction === 'out');
  return (
    <section aria-labelledby="out-title">
      <Typography.Title level={2} id="out-title" className="section-title">
        {t('messagesOut')}
      </Typography.Title>
      {messages.length === 0 && <Empty description={t('none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {messages.map((m, i) => (
        <Card key={i} size="small" className="message message-out" data-testid="message-out">
          <div className="message-meta">
            <ChannelIcon channel={m.channel ?? ''} withText /> · {formatDateTime(m.at, lang)}
            {m.delivery && (
              <>
                {' '}
                <Tag color={DELIVERY_COLOURS[m.delivery.status] ?? 'default'} data-delivery={m.delivery.status}>
                  {labelOf(t, 'delivery', m.delivery.status)}
                </Tag>
                {m.delivery.attempts > 1 && <span>{t('attempts', { n: m.delivery.attempts })}</span>}
                {m.delivery.lastError && <Typography.Text type="danger"> {m.delivery.lastError}</Typography.Text>}
              </>
            )}
          </div>
          <Typography.Paragraph className="message-body">{m.body}</Typography.Paragraph>
        </Card>
      ))}
    </section>
  );
}
