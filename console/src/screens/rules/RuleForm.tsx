/**
 * The form of one rule: every condition and action the API knows, with
 * pickers instead of codes; "preview impact" replays the draft over recent
 * cases before "save". An error the API gives for a field shows under it.
 */
import { useState } from 'react';
import { Alert, App, Button, Divider, Drawer, Form, Input, InputNumber, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import { CallError } from '../../api/client';
import { CHANNELS, createRule, previewRules, replaceRule, type Preview, type Rule } from '../../api/rules';
import { useI18n } from '../../i18n';
import type { Pickers } from '../../pickers';
import { draftOf, emptyValues, formFieldOf, valuesOf, type RuleFormValues } from './rule-values';
import { ImpactPreview } from './ImpactPreview';

export function RuleForm({
  rule,
  newPriority,
  pickers,
  onSaved,
  onClose,
}: {
  /** The rule edited, or null for a new one. */
  rule: Rule | null;
  newPriority: number;
  pickers: Pickers;
  onSaved: (rule: Rule) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const [initial] = useState(() => (rule ? valuesOf(rule) : emptyValues(newPriority)));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'preview' | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [stale, setStale] = useState(false);
  const [days, setDays] = useState(30);

  /** The API's refusal under the field it names, or above the buttons when it names none of them. */
  function show(err: unknown) {
    const field = err instanceof CallError ? formFieldOf(err.body.field) : null;
    const text = err instanceof CallError ? err.body.message : err instanceof Error ? err.message : String(err);
    if (field) form.setFields([{ name: field as never, errors: [text] }]);
    else setProblem(text);
  }

  async function run(kind: 'save' | 'preview') {
    setProblem(null);
    let values: RuleFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const draft = draftOf(values);
    setBusy(kind);
    try {
      if (kind === 'preview') {
        setPreview(await previewRules({ rule: rule ? { ...draft, id: rule.id } : draft, days }));
        setStale(false);
      } else {
        const saved = rule ? await replaceRule(rule.id, draft) : await createRule(draft);
        message.success(t('rules_saved'));
        onSaved(saved);
      }
    } catch (err) {
      show(err);
    } finally {
      setBusy(null);
    }
  }

  const zonePicker = (
    <TreeSelect
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeData={pickers.zoneTree}
      placeholder={t('rules_pickZone')}
      treeDefaultExpandedKeys={pickers.zoneTree.map((z) => z.value)}
    />
  );
  const anyYesNo = (yes: string, no: string) => [
    { value: 'any', label: t('rules_any') },
    { value: 'yes', label: yes },
    { value: 'no', label: no },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      size={Math.min(720, window.innerWidth)}
      title={rule ? t('rules_formEdit', { name: rule.name }) : t('rules_formNew')}
      destroyOnHidden
      footer={
        <Space wrap>
          <InputNumber
            aria-label={t('rules_previewDays')}
            addonBefore={t('rules_previewDays')}
            min={1}
            max={365}
            value={days}
            onChange={(v) => setDays(v ?? 30)}
          />
          <Button onClick={() => void run('preview')} loading={busy === 'preview'} data-testid="rule-preview">
            {t('rules_preview')}
          </Button>
          <Button type="primary" onClick={() => void run('save')} loading={busy === 'save'} data-testid="rule-save">
            {t('rules_save')}
          </Button>
          <Button onClick={onClose}>{t('rules_cancel')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={() => setStale(preview !== null)} className="rule-form">
        <div className="rule-form-row">
          <Form.Item label={t('rules_name')} name="name" rules={[{ required: true, whitespace: true, max: 100 }]} className="rule-form-grow">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('rules_priority')} name="priority" rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item label={t('rules_active')} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>

        <Divider titlePlacement="start">
          <Typography.Title level={2} className="rule-form-section">
            {t('rules_conditions')}
          </Typography.Title>
        </Divider>
        <Form.Item label={t('rules_c_keywords')} name={['conditions', 'keywords']} extra={t('rules_c_keywordsHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={t('rules_c_pattern')} name={['conditions', 'pattern']} extra={t('rules_c_patternHelp')} rules={[{ max: 500 }]}>
          <Input maxLength={500} className="rule-pattern" />
        </Form.Item>
        <div className="rule-form-row">
          <Form.Item label={t('rules_c_channels')} name={['conditions', 'channels']} className="rule-form-grow">
            <Select mode="multiple" allowClear options={CHANNELS.map((c) => ({ value: c, label: t(`rules_channel_${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('rules_c_categories')} name={['conditions', 'categories']} className="rule-form-grow">
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={pickers.categories.map((c) => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn }))}
            />
          </Form.Item>
        </div>
        <Form.Item label={t('rules_c_zoneCode')} name={['conditions', 'zoneCode']}>
          {zonePicker}
        </Form.Item>
        <div className="rule-form-row">
          <Form.Item label={t('rules_c_urgent')} name={['conditions', 'urgent']} className="rule-form-grow">
            <Select options={anyYesNo(t('rules_urgentYes'), t('rules_urgentNo'))} />
          </Form.Item>
          <Form.Item label={t('rules_c_officeHours')} name={['conditions', 'officeHours']} className="rule-form-grow">
            <Select options={anyYesNo(t('rules_inHours'), t('rules_outHours'))} />
          </Form.Item>
        </div>
        <Form.Item label={t('rules_c_senders')} name={['conditions', 'senders']} extra={t('rules_c_keywordsHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} suffixIcon={null} />
        </Form.Item>

        <Divider titlePlacement="start">
          <Typography.Title level={2} className="rule-form-section">
            {t('rules_actions')}
          </Typography.Title>
        </Divider>
        <Form.Item label={t('rules_a_zoneCode')} name={['action', 'zoneCode']}>
          {zonePicker}
        </Form.Item>
        <div className="rule-form-row">
          <Form.Item label={t('rules_a_liaisonId')} name={['action', 'liaisonId']} className="rule-form-grow">
            <Select allowClear showSearch optionFilterProp="label" options={pickers.liaisons.map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
          <Form.Item label={t('rules_a_deadlineHours')} name={['action', 'deadlineHours']}>
            <InputNumber min={1} max={2160} precision={0} />
          </Form.Item>
          <Form.Item label={t('rules_a_priority')} name={['action', 'priority']}>
            <Select
              allowClear
              className="rule-priority"
              options={[
                { value: 'normal', label: t('rules_normal') },
                { value: 'high', label: t('rules_high') },
              ]}
            />
          </Form.Item>
        </div>
        <div className="rule-form-row">
          <Form.Item label={t('rules_a_tags')} name={['action', 'tags']} extra={t('rules_c_keywordsHelp')} className="rule-form-grow">
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} maxCount={20} />
          </Form.Item>
          <Form.Item label={t('rules_a_jointMeeting')} name={['action', 'jointMeeting']} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item label={t('rules_a_answer')} name={['action', 'answer']} rules={[{ max: 300 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={300} />
        </Form.Item>
        {/* Errors that name no single field: "a rule must do something" names the whole action. */}
        {problem && <Alert type="error" showIcon role="alert" title={problem} data-testid="rule-problem" />}
      </Form>
      {preview && <ImpactPreview preview={preview} stale={stale} />}
    </Drawer>
  );
}
