/**
 * Where a zone sits: add a child one level below, move it under another
 * parent, retire or reactivate it. The API decides what is allowed (a level
 * one below the parent's, never under its own descendant, no retiring with
 * active children or open cases) and its reason shows here.
 */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { changeZone, createZone } from '../../api/zones';
import type { Zone } from '../../api/types';
import { labelOf, useI18n } from '../../i18n';
import { navigate, screenPath } from '../../router';
import { WriteProblem } from '../../parts/WriteProblem';
import { withFieldErrors } from './field-errors';
import { childLevel, parentLevel, pathOf, type Level } from './zone-tree';

export function ZoneStructure({ zone, zones, onChanged }: { zone: Zone; zones: Map<string, Zone>; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [moveForm] = Form.useForm<{ parentCode: string }>();
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const wantedParent = parentLevel(zone.level);
  const below = childLevel(zone.level);
  const parents = [...zones.values()]
    .filter((z) => z.code !== zone.code && z.code !== zone.parentCode)
    // The fitting level first; the others stay listed so the API can say why not.
    .sort((a, b) => Number(b.level === wantedParent) - Number(a.level === wantedParent) || pathOf(a, zones).localeCompare(pathOf(b, zones)))
    .map((z) => ({ value: z.code, label: `${pathOf(z, zones)} (${labelOf(t, 'zones_level', z.level)})` }));

  const move = async ({ parentCode }: { parentCode: string }) => {
    setBusy(true);
    setProblem(null);
    const outcome = await withFieldErrors(moveForm, ['parentCode'], () => changeZone(zone.code, { parentCode }));
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error);
    message.success(t('zones_moved'));
    moveForm.resetFields();
    await onChanged();
  };

  const setActive = async (active: boolean) => {
    setProblem(null);
    try {
      await changeZone(zone.code, { active });
      message.success(active ? t('zones_reactivated') : t('zones_retiredDone'));
      await onChanged();
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Card size="small" title={t('zones_structure')} className="zone-card">
      {wantedParent && (
        <Form form={moveForm} layout="vertical" requiredMark={false} onFinish={(v) => void move(v)}>
          <Form.Item
            label={t('zones_moveTo')}
            name="parentCode"
            extra={t('zones_moveHelp', { level: labelOf(t, 'zones_level', wantedParent) })}
            rules={[{ required: true, message: t('zones_parentRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={parents} aria-label={t('zones_moveTo')} data-testid="zone-move-parent" />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="zone-move">
            {t('zones_move')}
          </Button>
        </Form>
      )}
      <Space wrap className="zone-structure-actions">
        {below && (
          <Button onClick={() => setAdding(true)} data-testid="zone-add-child">
            {t('zones_addChild', { level: labelOf(t, 'zones_level', below) })}
          </Button>
        )}
        {zone.level !== 'district' &&
          (zone.active ? (
            <Popconfirm
              title={t('zones_retireConfirm', { name: zone.name })}
              okText={t('zones_retire')}
              cancelText={t('zones_cancel')}
              onConfirm={() => void setActive(false)}
            >
              <Button danger data-testid="zone-retire">
                {t('zones_retire')}
              </Button>
            </Popconfirm>
          ) : (
            <Button onClick={() => void setActive(true)}>{t('zones_reactivate')}</Button>
          ))}
      </Space>
      <WriteProblem error={problem} onReload={() => void onChanged()} />
      {below && <AddChild open={adding} parent={zone} level={below} onClose={() => setAdding(false)} onChanged={onChanged} />}
    </Card>
  );
}

function AddChild({
  open,
  parent,
  level,
  onClose,
  onChanged,
}: {
  open: boolean;
  parent: Zone;
  level: Level;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async ({ code, name }: { code: string; name: string }) => {
    setBusy(true);
    setProblem(null);
    const outcome = await withFieldErrors(form, ['code', 'name'], () => createZone({ code, name: name.trim(), level, parentCode: parent.code }));
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.error);
    form.resetFields();
    onClose();
    await onChanged();
    navigate(screenPath('zones', code));
  };

  return (
    <Modal
      open={open}
      title={t('zones_addChildTitle', { level: labelOf(t, 'zones_level', level), parent: parent.name })}
      okText={t('zones_create')}
      cancelText={t('zones_cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void create(v)} initialValues={{ code: `${parent.code}-` }}>
        <Form.Item
          label={t('zones_code')}
          name="code"
          extra={t('zones_codeHelp')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: t('zones_codeInvalid') }]}
        >
          <Input autoComplete="off" data-testid="zone-new-code" />
        </Form.Item>
        <Form.Item label={t('zones_name')} name="name" rules={[{ required: true, whitespace: true, message: t('zones_nameRequired') }, { max: 100 }]}>
          <Input data-testid="zone-new-name" />
        </Form.Item>
        <WriteProblem error={problem} onReload={() => void onChanged()} />
      </Form>
      <Typography.Text type="secondary">{t('zones_addChildHelp')}</Typography.Text>
    </Modal>
  );
}
