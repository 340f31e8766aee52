/** Filters over the current view: status, zone (with the zones below it), category, channel, urgency, tag, dates, text; and the order. */
import dayjs from 'dayjs';
import { Button, Checkbox, DatePicker, Input, Select, TreeSelect } from 'antd';
import type { CaseQuery, Sort } from '../api/types';
import { SORTS } from '../api/types';
import { labelOf, useI18n } from '../i18n';
import type { Pickers } from '../pickers';

export const STATUSES = ['registered', 'accepted', 'in_progress', 'answered', 'closed', 'reopened'] as const;
const CHANNELS = ['web', 'card', 'sms', 'voice', 'telegram', 'wechat', 'email'] as const;

export type Filters = Omit<CaseQuery, 'view' | 'limit' | 'offset'>;

export function CaseFilters({ filters, onChange, pickers }: { filters: Filters; onChange: (next: Filters) => void; pickers: Pickers }) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filters" role="search">
      <Input.Search
        className="filter-search"
        aria-label={t('search')}
        placeholder={t('search')}
        allowClear
        defaultValue={filters.q}
        onSearch={(q) => set({ q: q.trim() || undefined })}
      />
      <Select
        className="filter"
        aria-label={t('status')}
        placeholder={t('status')}
        allowClear
        value={filters.status}
        onChange={(status) => set({ status })}
        options={STATUSES.map((s) => ({ value: s, label: labelOf(t, 'status', s) }))}
      />
      <TreeSelect
        className="filter"
        aria-label={t('zone')}
        placeholder={t('zone')}
        allowClear
        showSearch
        treeDefaultExpandAll
        treeNodeFilterProp="title"
        value={filters.zone}
        onChange={(zone?: string) => set({ zone })}
        treeData={pickers.zoneTree}
      />
      <Select
        className="filter"
        aria-label={t('category')}
        placeholder={t('category')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.category}
        onChange={(category) => set({ category })}
        options={pickers.categories.map((c) => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn }))}
      />
      <Select
        className="filter"
        aria-label={t('channel')}
        placeholder={t('channel')}
        allowClear
        value={filters.channel}
        onChange={(channel) => set({ channel })}
        options={CHANNELS.map((c) => ({ value: c, label: labelOf(t, 'channel', c) }))}
      />
      <Input
        className="filter"
        aria-label={t('tag')}
        placeholder={t('tag')}
        allowClear
        defaultValue={filters.tag}
        onPressEnter={(e) => set({ tag: e.currentTarget.value.trim() || undefined })}
        onClear={() => set({ tag: undefined })}
      />
      <DatePicker.RangePicker
        className="filter-dates"
        aria-label={t('dateRange')}
        value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
        // Office dates, as the API takes them: the days as the office's calendar has them.
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
      <Checkbox checked={!!filters.urgent} onChange={(e) => set({ urgent: e.target.checked || undefined })}>
        {t('urgentOnly')}
      </Checkbox>
      <Select<Sort>
        className="filter"
        aria-label={t('sort')}
        value={filters.sort}
        onChange={(sort) => set({ sort })}
        options={SORTS.map((s) => ({ value: s, label: t(`sort_${s}`) }))}
      />
      <Button onClick={() => onChange({ sort: filters.sort })}>{t('resetFilters')}</Button>
    </div>
  );
}
