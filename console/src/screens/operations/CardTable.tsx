/** A zone's cards: who holds each, its status, scans and submissions; print, rotate and revoke (confirmed first). */
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { CallError } from '../../api/client';
import { cardPrintUrl, revokeCard, rotateCard, type Card } from '../../api/operations';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../format';

const STATUS_COLORS = { live: 'success', rotated: 'default', revoked: 'error' } as const;

interface Props {
  cards: Card[];
  zoneCode: string;
  liaisonNames: Map<number, string>;
  onPrint: (url: string) => void;
  onChanged: () => Promise<void>;
}

export function CardTable({ cards, zoneCode, liaisonNames, onPrint, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();

  const act = async (call: () => Promise<Card>, done: (card: Card) => string) => {
    try {
      message.success(done(await call()));
    } catch (err) {
      message.error(err instanceof CallError ? err.body.message : String(err));
    }
    await onChanged();
  };

  return (
    <Table<Card>
      rowKey="id"
      size="middle"
      data-testid="cards"
      dataSource={cards}
      locale={{ emptyText: <span className="ops-empty">{t('cards_none')}</span> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 880 }}
      columns={[
        { title: t('cards_id'), dataIndex: 'id' },
        {
          title: t('cards_holder'),
          key: 'holder',
          render: (_, card) =>
            card.liaisonId ? t('cards_liaisonCard', { name: liaisonNames.get(card.liaisonId) ?? `#${card.liaisonId}` }) : t('cards_zoneCard'),
        },
        { title: t('cards_status'), key: 'status', render: (_, card) => <Tag color={STATUS_COLORS[card.status]}>{t(`cards_status_${card.status}`)}</Tag> },
        { title: t('cards_scans'), dataIndex: 'scans', align: 'right' },
        { title: t('cards_submissions'), dataIndex: 'submissions', align: 'right' },
        { title: t('cards_created'), key: 'created', render: (_, card) => formatDateTime(card.createdAt, lang) },
        {
          title: t('ops_actions'),
          key: 'actions',
          render: (_, card) =>
            card.status === 'live' && (
              <Space size="small" wrap>
                {(['png', 'pdf', 'svg'] as const).map((format) => (
                  <Button
                    key={format}
                    size="small"
                    onClick={() => onPrint(cardPrintUrl(zoneCode, format, card.id))}
                    aria-label={`${t('cards_print')} ${format.toUpperCase()} · ${card.id}`}
                  >
                    {t('cards_print')} {format.toUpperCase()}
                  </Button>
                ))}
                <Popconfirm
                  title={t('cards_rotateConfirm')}
                  onConfirm={() =>
                    void act(
                      () => rotateCard(card.id),
                      (c) => t('cards_rotated', { id: c.id }),
                    )
                  }
                >
                  <Button size="small">{t('cards_rotate')}</Button>
                </Popconfirm>
                <Popconfirm
                  title={t('cards_revokeConfirm')}
                  onConfirm={() =>
                    void act(
                      () => revokeCard(card.id),
                      () => t('cards_revoked', { id: card.id }),
                    )
                  }
                >
                  <Button size="small" danger>
                    {t('cards_revoke')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
