/**
 * The rules in the order they apply. A row can be dragged to a new place, or
 * moved with its up and down buttons (the keyboard's way); either saves the
 * whole order at once. Each rule has its switch, edit, history and delete.
 */
import { useState } from 'react';
import { Button, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import type { Rule } from '../../api/rules';
import { useI18n } from '../../i18n';
import { thenText, whenText, type Names } from './rule-text';

export function RuleList({
  rules,
  names,
  busy,
  onMove,
  onToggle,
  onEdit,
  onHistory,
  onDelete,
}: {
  rules: Rule[];
  names: Names;
  busy: boolean;
  /** Move the rule at `from` to `to`. */
  onMove: (from: number, to: number) => void;
  onToggle: (rule: Rule, active: boolean) => void;
  onEdit: (rule: Rule) => void;
  onHistory: (rule: Rule) => void;
  onDelete: (rule: Rule) => void;
}) {
  const { t } = useI18n();
  const [dragged, setDragged] = useState<number | null>(null);

  return (
    <Table
      className="rule-list"
      rowKey="id"
      size="middle"
      pagination={false}
      loading={busy}
      dataSource={rules}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('rules_empty')}</Typography.Text> }}
      onRow={(_, index) => ({
        draggable: true,
        'data-testid': 'rule-row',
        onDragStart: (e) => {
          setDragged(index ?? null);
          e.dataTransfer.effectAllowed = 'move';
        },
        onDragOver: (e) => e.preventDefault(),
        onDrop: (e) => {
          e.preventDefault();
          if (dragged !== null && index !== undefined && dragged !== index) onMove(dragged, index);
          setDragged(null);
        },
      })}
      columns={[
        {
          title: t('rules_order'),
          key: 'order',
          width: 130,
          render: (_, rule, index) => (
            <Space size={2}>
              <HolderOutlined className="rule-drag" aria-hidden title={t('rules_dragHint')} />
              <span className="rule-place">{index + 1}</span>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t('rules_moveUp', { name: rule.name })}
                disabled={index === 0}
                onClick={() => onMove(index, index - 1)}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t('rules_moveDown', { name: rule.name })}
                disabled={index === rules.length - 1}
                onClick={() => onMove(index, index + 1)}
              />
            </Space>
          ),
        },
        { title: t('rules_name'), dataIndex: 'name', width: 180, render: (name: string) => <span className="rule-name">{name}</span> },
        { title: t('rules_when'), key: 'when', render: (_, rule) => whenText(rule, t, names) },
        { title: t('rules_then'), key: 'then', render: (_, rule) => thenText(rule, t, names) },
        {
          title: t('rules_active'),
          key: 'active',
          width: 70,
          render: (_, rule) => (
            <Switch size="small" checked={rule.active} aria-label={t('rules_activeOf', { name: rule.name })} onChange={(on) => onToggle(rule, on)} />
          ),
        },
        { title: t('rules_version'), dataIndex: 'version', width: 60 },
        {
          title: <span className="visually-hidden">{t('rules_do')}</span>,
          key: 'do',
          width: 200,
          render: (_, rule) => (
            <Space size={0} wrap>
              <Button type="link" size="small" onClick={() => onEdit(rule)}>
                {t('rules_edit')}
              </Button>
              <Button type="link" size="small" onClick={() => onHistory(rule)}>
                {t('rules_history')}
              </Button>
              <Popconfirm title={t('rules_deleteConfirm', { name: rule.name })} onConfirm={() => onDelete(rule)}>
                <Button type="link" size="small" danger>
                  {t('rules_delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
