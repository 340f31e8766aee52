/** Add or edit a category; the deadline is in hours, as the API keeps it (1 hour to 90 days). */
import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { changeCategory, createCategory } from '../../api/zones';
import type { Category } from '../../api/types';
import { useI18n, type Translate } from '../../i18n';
import { WriteProblem } from '../../parts/WriteProblem';
import { withFieldErrors } from './field-errors';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  deadlineHours: number;
  keywords: string[];
}
const FIELDS = ['code', 'nameZh', 'nameEn', 'deadlineHours', 'keywords'] as const;
const MAX_HOURS = 90 * 24;

/** 72 小时（3 天） */
export function deadlineText(t: Translate, hours: number): string {
  return hours % 24 === 0 ? t('cat_hoursDays', { hours, days: hours / 24 }) : t('cat_hours', { hours });
}

export function CategoryDialog({ category, onClose, onChanged }: { category: Category | null; onClose: () => void; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const hours = Form.useWatch('deadlineHours', form);

  const save = async ({ code, ...v }: Values) => {
    setBusy(true);
    setProblem(null);
    const change = { ...v, nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), keywords: v.keywords ?? [] };
    const outcome = await withFieldErrors(form, FIELDS, () => (category ? changeCategory(category.code, change) : createCategory({ code, ...change })));
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error);
    message.success(t('cat_saved'));
    onClose();
    await onChanged();
  };

  return (
    <Modal
      open
      title={category ? t('cat_editTitle', { name: category.nameZh }) : t('cat_new')}
      okText={t('zones_save')}
      cancelText={t('zones_cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'category-save' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={category ?? { deadlineHours: 72, keywords: [] }} onFinish={(v) => void save(v)}>
        <Form.Item
          label={t('cat_code')}
          name="code"
          extra={t('cat_codeHelp')}
          rules={[{ required: true, pattern: /^[a-z][a-z_]{1,39}$/, message: t('cat_codeInvalid') }]}
        >
          <Input disabled={!!category} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('cat_nameZh')} name="nameZh" rules={[{ required: true, whitespace: true, message: t('cat_nameRequired') }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('cat_nameEn')} name="nameEn" rules={[{ required: true, whitespace: true, message: t('cat_nameRequired') }, { max: 100 }]}>
          <Input lang="en" />
        </Form.Item>
        <Form.Item
          label={t('cat_deadlineHours')}
          name="deadlineHours"
          extra={typeof hours === 'number' ? deadlineText(t, hours) : t('cat_deadlineHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: MAX_HOURS, message: t('cat_deadlineInvalid', { max: MAX_HOURS }) }]}
        >
          <InputNumber min={1} max={MAX_HOURS} step={24} suffix={t('cat_hoursUnit')} data-testid="category-deadline" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('cat_keywords')} name="keywords" extra={t('cat_keywordsHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} aria-label={t('cat_keywords')} />
        </Form.Item>
        <WriteProblem error={problem} onReload={() => void onChanged()} />
      </Form>
    </Modal>
  );
}
