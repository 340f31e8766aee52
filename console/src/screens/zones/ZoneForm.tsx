/** A zone's name, aliases, own hotline numbers and mailboxes, and its liaison; the API's refusal shows under the field it names. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { changeZone } from '../../api/zones';
import type { Liaison, Zone } from '../../api/types';
import { useI18n } from '../../i18n';
import { WriteProblem } from '../../parts/WriteProblem';
import { withFieldErrors } from './field-errors';

interface Values {
  name: string;
  aliases: string[];
  phoneNumbers: string[];
  emailAddresses: string[];
  liaisonId: number | null;
}
const FIELDS = ['name', 'aliases', 'phoneNumbers', 'emailAddresses', 'liaisonId'] as const;

export function ZoneForm({ zone, liaisons, onChanged }: { zone: Zone; liaisons: Liaison[]; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const tags = (label: string) => ({ mode: 'tags' as const, open: false, tokenSeparators: [',', '，', ' '], 'aria-label': label });

  const save = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    const outcome = await withFieldErrors(form, FIELDS, () =>
      changeZone(zone.code, { ...values, name: values.name.trim(), liaisonId: values.liaisonId ?? null }),
    );
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error);
    message.success(t('zones_saved'));
    await onChanged();
  };

  return (
    <Card size="small" title={t('zones_details')} className="zone-card">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          name: zone.name,
          aliases: zone.aliases,
          phoneNumbers: zone.phoneNumbers,
          emailAddresses: zone.emailAddresses,
          liaisonId: zone.liaison?.id ?? null,
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item label={t('zones_name')} name="name" rules={[{ required: true, whitespace: true, message: t('zones_nameRequired') }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('zones_aliases')} name="aliases" extra={t('zones_aliasesHelp')}>
          <Select {...tags(t('zones_aliases'))} />
        </Form.Item>
        <Form.Item label={t('zones_phoneNumbers')} name="phoneNumbers" extra={t('zones_phoneNumbersHelp')}>
          <Select {...tags(t('zones_phoneNumbers'))} />
        </Form.Item>
        <Form.Item
          label={t('zones_emailAddresses')}
          name="emailAddresses"
          rules={[{ type: 'array', defaultField: { type: 'email', message: t('zones_emailInvalid') } }]}
        >
          <Select {...tags(t('zones_emailAddresses'))} />
        </Form.Item>
        <Form.Item label={t('zones_liaison')} name="liaisonId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('zones_liaison')}
            placeholder={t('zones_noLiaison')}
            options={liaisons.filter((l) => l.active || l.id === zone.liaison?.id).map((l) => ({ value: l.id, label: l.name }))}
            onClear={() => form.setFieldValue('liaisonId', null)}
          />
        </Form.Item>
        <WriteProblem error={problem} onReload={() => void onChanged()} />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="zone-save">
          {t('zones_save')}
        </Button>
      </Form>
    </Card>
  );
}
