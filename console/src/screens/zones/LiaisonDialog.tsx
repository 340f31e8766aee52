/**
 * Create or edit a liaison, and choose their zones. A zone has one liaison:
 * assigning a zone sets that zone's liaison (taking it from whoever had it).
 * The private phone is shown masked, so editing leaves it unchanged unless a
 * new number is typed.
 */
import { useState } from 'react';
import { App, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { changeLiaison, changeZone, createLiaison } from '../../api/zones';
import type { Liaison, Zone } from '../../api/types';
import { useI18n } from '../../i18n';
import { WriteProblem } from '../../parts/WriteProblem';
import { withFieldErrors } from './field-errors';
import { pathOf } from './zone-tree';

interface Values {
  name: string;
  phone?: string;
  workPhone?: string;
  email?: string;
  active: boolean;
  zones: string[];
}
const FIELDS = ['name', 'phone', 'workPhone', 'email', 'active'] as const;
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export function LiaisonDialog({
  liaison,
  zones,
  zoneMap,
  onClose,
  onChanged,
}: {
  liaison: Liaison | null;
  zones: Zone[];
  zoneMap: Map<string, Zone>;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const save = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    const outcome = await withFieldErrors(form, FIELDS, async () => {
      if (!liaison) return (await createLiaison({ name: v.name.trim(), phone: v.phone!.trim(), workPhone: blank(v.workPhone), email: blank(v.email) })).id;
      await changeLiaison(liaison.id, {
        name: v.name.trim(),
        phone: blank(v.phone),
        workPhone: blank(v.workPhone) ?? null,
        email: blank(v.email) ?? null,
        active: v.active,
      });
      return liaison.id;
    });
    if (outcome.ok) {
      try {
        await assignZones(outcome.value, liaison?.zones ?? [], v.zones ?? []);
        message.success(t('liaisons_saved'));
        await onChanged();
        onClose();
      } catch (error) {
        setProblem(error);
        await onChanged();
      }
    } else setProblem(outcome.error);
    setBusy(false);
  };

  const zoneOptions = zones
    .filter((z) => z.active || liaison?.zones.includes(z.code))
    .map((z) => ({ value: z.code, label: `${pathOf(z, zoneMap)}${z.liaison && z.liaison.id !== liaison?.id ? ` (${z.liaison.name})` : ''}` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Modal
      open
      title={liaison ? t('liaisons_editTitle', { name: liaison.name }) : t('liaisons_new')}
      okText={t('zones_save')}
      cancelText={t('zones_cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'liaison-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          name: liaison?.name,
          workPhone: liaison?.workPhone ?? undefined,
          email: liaison?.email ?? undefined,
          active: liaison?.active ?? true,
          zones: liaison?.zones ?? [],
        }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item label={t('liaisons_name')} name="name" rules={[{ required: true, whitespace: true, message: t('liaisons_nameRequired') }, { max: 50 }]}>
          <Input data-testid="liaison-name" />
        </Form.Item>
        <Form.Item
          label={t('liaisons_phone')}
          name="phone"
          extra={liaison ? t('liaisons_phoneKeep', { masked: liaison.phone ?? '—' }) : t('liaisons_phoneHelp')}
          rules={liaison ? [] : [{ required: true, whitespace: true, message: t('liaisons_phoneRequired') }]}
        >
          <Input inputMode="tel" autoComplete="off" data-testid="liaison-phone" />
        </Form.Item>
        <Form.Item label={t('liaisons_workPhone')} name="workPhone" extra={t('liaisons_workPhoneHelp')}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('liaisons_email')} name="email" rules={[{ type: 'email', message: t('zones_emailInvalid') }]}>
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
        {liaison && (
          <Form.Item label={t('liaisons_active')} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item label={t('liaisons_zones')} name="zones" extra={t('liaisons_zonesHelp')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={zoneOptions}
            aria-label={t('liaisons_zones')}
            data-testid="liaison-zones"
          />
        </Form.Item>
        <WriteProblem error={problem} onReload={() => void onChanged()} />
      </Form>
      <Typography.Text type="secondary">{t('liaisons_auditNote')}</Typography.Text>
    </Modal>
  );
}

/** A zone's liaison is the zone's own field: set it on the zones added, clear it on those taken away. */
async function assignZones(liaisonId: number, before: readonly string[], after: readonly string[]): Promise<void> {
  for (const code of after.filter((c) => !before.includes(c))) await changeZone(code, { liaisonId });
  for (const code of before.filter((c) => !after.includes(c))) await changeZone(code, { liaisonId: null });
}
