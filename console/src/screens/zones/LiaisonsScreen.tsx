/** Liaisons: who they are, their zones and bound chats; create, edit and assign, make a bind code, revoke a chat. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { listLiaisons, listZones, revokeChat } from '../../api/zones';
import type { Liaison, Zone } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../format';
import type { ScreenProps } from '../screen';
import { byCode, pathOf } from './zone-tree';
import { LiaisonDialog } from './LiaisonDialog';
import { BindCodeDialog } from './BindCodeDialog';
import './zones.css';

export default function LiaisonsScreen(_props: ScreenProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [liaisons, setLiaisons] = useState<Liaison[] | null>(null);
  const [zones, setZones] = useState<Zone[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Liaison | 'new' | null>(null);
  const [binding, setBinding] = useState<Liaison | null>(null);
  const [search, setSearch] = useState('');

  const reload = useCallback(async () => {
    try {
      const [l, z] = await Promise.all([listLiaisons(), listZones()]);
      setLiaisons(l);
      setZones(z);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  const zoneMap = useMemo(() => byCode(zones), [zones]);
  const zoneNames = (l: Liaison) => l.zones.map((code) => (zoneMap.has(code) ? pathOf(zoneMap.get(code)!, zoneMap) : code));
  const needle = search.trim().toLowerCase();
  const shown = (liaisons ?? []).filter((l) => !needle || [l.name, ...l.zones, ...zoneNames(l)].some((text) => text.toLowerCase().includes(needle)));

  const revoke = async (liaison: Liaison, chatId: number) => {
    try {
      await revokeChat(liaison.id, chatId);
      message.success(t('liaisons_revoked'));
      await reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className="screen">
      <Space className="zones-top" wrap>
        <Typography.Title level={1}>{t('nav_liaisons')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="liaison-new">
          {t('liaisons_new')}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Input.Search
        allowClear
        className="zones-filter"
        placeholder={t('liaisons_search')}
        aria-label={t('liaisons_search')}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="liaison-search"
      />
      <Table<Liaison>
        rowKey="id"
        loading={liaisons === null}
        dataSource={shown}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('liaisons_name'), dataIndex: 'name', render: (name: string, l) => <span data-testid={`liaison-${l.id}`}>{name}</span> },
          { key: 'phone', title: t('liaisons_phone'), dataIndex: 'phone' },
          { key: 'workPhone', title: t('liaisons_workPhone'), dataIndex: 'workPhone' },
          {
            key: 'zones',
            title: t('liaisons_zones'),
            render: (_, l) => zoneNames(l).map((name) => <Tag key={name}>{name}</Tag>),
          },
          {
            key: 'chats',
            title: t('liaisons_chats'),
            render: (_, l) =>
              l.chats.length === 0 ? (
                <Typography.Text type="secondary">{t('liaisons_noChats')}</Typography.Text>
              ) : (
                l.chats.map((chat) => (
                  <Space key={chat.id} size={4}>
                    <Tag>
                      {chat.channel} · {formatDateTime(chat.boundAt, lang)}
                    </Tag>
                    <Popconfirm
                      title={t('liaisons_revokeConfirm', { name: l.name, channel: chat.channel })}
                      okText={t('liaisons_revoke')}
                      cancelText={t('zones_cancel')}
                      onConfirm={() => void revoke(l, chat.id)}
                    >
                      <Button size="small" autoInsertSpace={false} danger type="link">
                        {t('liaisons_revoke')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ))
              ),
          },
          {
            key: 'active',
            title: t('liaisons_active'),
            render: (_, l) => (l.active ? <Tag className="zones-active">{t('liaisons_isActive')}</Tag> : <Tag>{t('liaisons_inactive')}</Tag>),
          },
          {
            key: 'actions',
            title: t('liaisons_actions'),
            render: (_, l) => (
              <Space size={4} wrap>
                <Button size="small" autoInsertSpace={false} onClick={() => setEditing(l)} aria-label={`${t('liaisons_edit')} ${l.name}`}>
                  {t('liaisons_edit')}
                </Button>
                <Button
                  size="small"
                  autoInsertSpace={false}
                  disabled={!l.active}
                  onClick={() => setBinding(l)}
                  aria-label={`${t('liaisons_bindCode')} ${l.name}`}
                >
                  {t('liaisons_bindCode')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <LiaisonDialog liaison={editing === 'new' ? null : editing} zones={zones} zoneMap={zoneMap} onClose={() => setEditing(null)} onChanged={reload} />
      )}
      {binding && <BindCodeDialog liaison={binding} onClose={() => setBinding(null)} />}
    </main>
  );
}
