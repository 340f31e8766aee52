/**
 * The case's other actions, each a small form in a dialog: internal note,
 * status with a note, resolve, transfer (zone or liaison), category, joint
 * meeting, deadline, escalation. Every one needs its reason or note.
 */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CaseDetail, CaseStatus } from '../api/types';
import type { CaseWrite } from './useCaseWrite';
import { labelOf, useI18n, type Translate } from '../i18n';
import type { Pickers } from '../pickers';
import { STATUSES } from './CaseFilters';
import { WriteProblem } from './WriteProblem';

const KINDS = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
type Kind = (typeof KINDS)[number];

type ActionName = 'notes' | 'status' | 'resolve' | 'transfer' | 'category' | 'joint-meeting' | 'deadline' | 'escalate';

const LABELS: Record<ActionName, Parameters<Translate>[0]> = {
  notes: 'addNote',
  status: 'changeStatus',
  resolve: 'resolve',
  transfer: 'transfer',
  category: 'correctCategory',
  'joint-meeting': 'jointMeeting',
  deadline: 'overrideDeadline',
  escalate: 'escalate',
};

/** What the dialogs' fields hold (antd forms give them untyped; the rules make the required ones present). */
interface Values {
  text?: string;
  status?: CaseStatus;
  note?: string;
  summary?: string;
  target?: 'zone' | 'liaison';
  zone?: string;
  liaisonId?: number;
  category?: string;
  kind?: Kind;
  reason?: string;
  deadlineAt?: Dayjs;
}

/** The form's values as the API's body for the action, typed by the gateway's schema. */
function send(write: CaseWrite, action: ActionName, v: Values): Promise<unknown> {
  const reason = v.reason ?? '';
  switch (action) {
    case 'notes':
      return write('notes', { text: v.text ?? '' });
    case 'status':
      return write('status', { status: v.status!, note: v.note ?? '' });
    case 'resolve':
      return write('resolve', { summary: v.summary ?? '' });
    case 'transfer':
      return write('transfer', v.target === 'liaison' ? { liaisonId: v.liaisonId, reason } : { zone: v.zone, reason });
    case 'category':
      return write('category', v.kind ? { category: v.category!, kind: v.kind } : { category: v.category! });
    case 'joint-meeting':
      return write('joint-meeting', { reason });
    case 'deadline':
      return write('deadline', { deadlineAt: v.deadlineAt!.toISOString(), reason });
    case 'escalate':
      return write('escalate', { reason });
  }
}

export function CaseActions({
  detail,
  pickers,
  write,
  onDone,
  onReload,
}: {
  detail: CaseDetail;
  pickers: Pickers;
  write: CaseWrite;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ActionName | null>(null);
  const closed = detail.status === 'closed';
  const actions: ActionName[] = closed ? ['notes', 'status'] : ['notes', 'status', 'resolve', 'transfer', 'category', 'joint-meeting', 'deadline', 'escalate'];
  return (
    <section className="case-actions" aria-labelledby="actions-title">
      <h2 id="actions-title" className="section-title">
        {t('actions')}
      </h2>
      <Space wrap>
        {actions.map((a) => (
          <Button key={a} onClick={() => setOpen(a)} danger={a === 'escalate'} data-action={a}>
            {t(LABELS[a])}
          </Button>
        ))}
      </Space>
      {open && <ActionDialog action={open} detail={detail} pickers={pickers} write={write} onClose={() => setOpen(null)} onDone={onDone} onReload={onReload} />}
    </section>
  );
}

function ActionDialog({
  action,
  detail,
  pickers,
  write,
  onClose,
  onDone,
  onReload,
}: {
  action: ActionName;
  detail: CaseDetail;
  pickers: Pickers;
  write: CaseWrite;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const required = [{ required: true, message: t('required') }];

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      await send(write, action, values);
      message.success(t('done'));
      onClose();
      onDone();
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(LABELS[action])}
      onCancel={onClose}
      okText={t('apply')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ target: 'zone', category: detail.category, status: undefined }}>
        {action === 'notes' && (
          <Form.Item name="text" label={t('note')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3 }} placeholder={t('notePlaceholder')} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'status' && (
          <>
            <Form.Item name="status" label={t('status')} rules={required}>
              <Select options={STATUSES.filter((s) => s !== detail.status).map((s) => ({ value: s, label: labelOf(t, 'status', s) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('note')} rules={required}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'resolve' && (
          <Form.Item name="summary" label={t('resolveSummary')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <>
            <Form.Item name="target" label={t('transferTo')}>
              <Radio.Group
                options={[
                  { value: 'zone', label: t('zone') },
                  { value: 'liaison', label: t('liaison') },
                ]}
              />
            </Form.Item>
            {target === 'liaison' ? (
              <Form.Item name="liaisonId" label={t('liaison')} rules={required}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={pickers.liaisons.map((l) => ({ value: l.id, label: l.name }))} />
              </Form.Item>
            ) : (
              <Form.Item name="zone" label={t('zone')} rules={required}>
                <TreeSelect treeData={pickers.zoneTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
              </Form.Item>
            )}
          </>
        )}
        {action === 'category' && (
          <>
            <Form.Item name="category" label={t('category')} rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={pickers.categories.map((c) => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t('kind')}>
              <Select allowClear options={KINDS.map((k) => ({ value: k, label: labelOf(t, 'kind', k) }))} />
            </Form.Item>
          </>
        )}
        {action === 'deadline' && (
          <Form.Item name="deadlineAt" label={t('newDeadline')} rules={required}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        )}
        {['transfer', 'joint-meeting', 'deadline', 'escalate'].includes(action) && (
          <Form.Item name="reason" label={t('reason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
      <WriteProblem error={problem} onReload={onReload} />
    </Modal>
  );
}
