/** Categories: code, names in Chinese and English, handling deadline (办理时限, in hours as the API keeps it), keywords; add, edit, retire. */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { changeCategory, listCategories } from '../../api/zones';
import type { Category } from '../../api/types';
import { useI18n } from '../../i18n';
import { WriteProblem } from '../../parts/WriteProblem';
import type { ScreenProps } from '../screen';
import { CategoryDialog, deadlineText } from './CategoryDialog';
import './zones.css';

export default function CategoriesScreen(_props: ScreenProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const reload = useCallback(async () => {
    try {
      setCategories(await listCategories());
    } catch (error) {
      setProblem(error);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const setActive = async (category: Category, active: boolean) => {
    setProblem(null);
    try {
      await changeCategory(category.code, { active });
      message.success(active ? t('cat_reactivated') : t('cat_retired'));
      await reload();
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <main className="screen">
      <Space className="zones-top" wrap>
        <Typography.Title level={1}>{t('nav_categories')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('cat_new')}
        </Button>
      </Space>
      <div data-testid="category-problem">
        <WriteProblem error={problem} onReload={() => void reload()} />
      </div>
      {categories?.length === 0 && <Alert type="info" title={t('cat_none')} />}
      <Table<Category>
        rowKey="code"
        loading={categories === null}
        dataSource={categories ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'code', title: t('cat_code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
          { key: 'nameZh', title: t('cat_nameZh'), dataIndex: 'nameZh', width: 120 },
          { key: 'nameEn', title: t('cat_nameEn'), dataIndex: 'nameEn' },
          {
            key: 'deadline',
            title: t('cat_deadline'),
            render: (_, c) => <span data-testid={`cat-deadline-${c.code}`}>{deadlineText(t, c.deadlineHours)}</span>,
          },
          { key: 'keywords', title: t('cat_keywords'), render: (_, c) => c.keywords.map((k) => <Tag key={k}>{k}</Tag>) },
          {
            key: 'active',
            title: t('cat_active'),
            render: (_, c) => (c.active ? <Tag className="zones-active">{t('cat_isActive')}</Tag> : <Tag>{t('cat_isRetired')}</Tag>),
          },
          {
            key: 'actions',
            title: t('cat_actions'),
            render: (_, c) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  autoInsertSpace={false}
                  onClick={() => setEditing(c)}
                  aria-label={`${t('cat_edit')} ${c.nameZh}`}
                  data-testid={`cat-edit-${c.code}`}
                >
                  {t('cat_edit')}
                </Button>
                {c.active ? (
                  <Popconfirm
                    title={t('cat_retireConfirm', { name: c.nameZh })}
                    okText={t('cat_retire')}
                    cancelText={t('zones_cancel')}
                    onConfirm={() => void setActive(c, false)}
                  >
                    <Button size="small" autoInsertSpace={false} danger aria-label={`${t('cat_retire')} ${c.nameZh}`} data-testid={`cat-retire-${c.code}`}>
                      {t('cat_retire')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" autoInsertSpace={false} onClick={() => void setActive(c, true)} aria-label={`${t('cat_reactivate')} ${c.nameZh}`}>
                    {t('cat_reactivate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <CategoryDialog category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onChanged={reload} />}
    </main>
  );
}
