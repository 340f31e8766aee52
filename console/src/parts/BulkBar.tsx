/** Actions on the selected cases: assign a zone, change the status (with a note), add a tag; then how many worked. */
import { useState } from 'react';
import { App, Button, Input, Select, Space, TreeSelect, Typography } from 'antd';
import { bulkAction } from '../api/calls';
import { CallError } from '../api/client';
import type { CaseStatus } from '../api/types';
import { labelOf, useI18n } from '../i18n';
import type { Pickers } from '../pickers';
import { STATUSES } from './CaseFilters';

type Mode = 'assign' | 'status' | 'tag';

export function BulkBar({ selected, pickers, onDone }: { selected: string[]; pickers: Pickers; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>('assign');
  const [zone, setZone] = useState<string>();
  const [status, setStatus] = useState<CaseStatus>();
  const [note, setNote] = useState('');
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);

  const ready = mode === 'assign' ? !!zone : mode === 'status' ? !!status && note.trim() !== '' : tag.trim() !== '';
  const apply = async () => {
    setBusy(true);
    try {
      const change =
        mode === 'assign'
          ? { action: 'assign' as const, zone: zone! }
          : mode === 'status'
            ? { action: 'status' as const, status: status!, note: note.trim() }
            : { action: 'tag' as const, tag: tag.trim() };
      const outcomes = await bulkAction(selected, change);
      const ok = outcomes.filter((o) => o.ok).length;
      message[ok === outcomes.length ? 'success' : 'warning'](t('bulkDone', { ok, failed: outcomes.length - ok }));
      onDone();
    } catch (err) {
      message.error(t('failed', { message: err instanceof CallError ? err.body.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulk-bar" aria-label={t('actions')}>
      <Typography.Text strong>{t('selected', { n: selected.length })}</Typography.Text>
      <Space wrap>
        <Select<Mode>
          aria-label={t('actions')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'assign', label: t('bulkAssign') },
            { value: 'status', label: t('bulkStatus') },
            { value: 'tag', label: t('bulkTag') },
          ]}
        />
        {mode === 'assign' && (
          <TreeSelect
            className="filter"
            aria-label={t('zone')}
            placeholder={t('zone')}
            value={zone}
            onChange={setZone}
            treeData={pickers.zoneTree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
          />
        )}
        {mode === 'status' && (
          <>
            <Select
              className="filter"
              aria-label={t('status')}
              placeholder={t('status')}
              value={status}
              onChange={setStatus}
              options={STATUSES.map((s) => ({ value: s, label: labelOf(t, 'status', s) }))}
            />
            <Input className="filter" aria-label={t('note')} placeholder={t('note')} value={note} onChange={(e) => setNote(e.target.value)} />
          </>
        )}
        {mode === 'tag' && <Input className="filter" aria-label={t('tag')} placeholder={t('tag')} value={tag} onChange={(e) => setTag(e.target.value)} />}
        <Button type="primary" disabled={!ready} loading={busy} onClick={() => void apply()}>
          {t('apply')}
        </Button>
      </Space>
    </section>
  );
}
