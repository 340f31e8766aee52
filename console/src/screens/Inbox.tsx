/**
 * The inbox: saved views with counts, filters, the cases as a table (cards on a
 * phone), bulk actions on a selection. It polls the updates endpoint every
 * 10 s and reloads the list and counts when something changed, without a reload.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Grid, Layout } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { caseUpdates, listCases, viewCounts } from '../api/calls';
import type { CaseRow, View } from '../api/types';
import { useI18n } from '../i18n';
import { usePickers } from '../pickers';
import { ViewMenu } from '../parts/ViewMenu';
import { CaseFilters, type Filters } from '../parts/CaseFilters';
import { CaseTable } from '../parts/CaseTable';
import { CaseCards } from '../parts/CaseCards';
import { BulkBar } from '../parts/BulkBar';

const POLL_MS = 10_000;
const STATE_KEY = 'minqing.console.inbox';

interface InboxState {
  view: View;
  filters: Filters;
  page: number;
  pageSize: number;
}

function savedState(): InboxState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null') as InboxState | null;
    if (saved?.view) return saved;
  } catch {
    // a damaged entry: start afresh
  }
  return { view: 'all', filters: { sort: 'created_desc' }, page: 1, pageSize: 20 };
}

export function Inbox() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const pickers = usePickers();
  // Kept for the visit: back from a case returns to the same view, filters and page.
  const [state, setState] = useState<InboxState>(savedState);
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<Partial<Record<View, number>>>({});
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<string[]>([]);
  const [resets, setResets] = useState(0);
  // On a phone the filters fold away: the cases come first.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const cursor = useRef<string | null>(null);

  useEffect(() => sessionStorage.setItem(STATE_KEY, JSON.stringify(state)), [state]);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoading(true);
      try {
        const offset = (state.page - 1) * state.pageSize;
        const list = await listCases({ view: state.view, ...state.filters, limit: state.pageSize, offset });
        setRows(list.items);
        setTotal(list.total);
      } catch (err) {
        if (!quiet) message.error(t('failed', { message: (err as Error).message }));
      } finally {
        setLoading(false);
      }
      viewCounts().then(setCounts, () => undefined);
    },
    [state, message, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // New and changed cases appear without a reload; the first answer only sets where to start from.
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const update = await caseUpdates(cursor.current);
        const first = cursor.current === null;
        cursor.current = update.cursor;
        if (!first && update.changed > 0) {
          if (update.newCaseNos.length > 0) message.info(t('newCases', { n: update.newCaseNos.length }));
          await load(true);
        }
      } catch {
        // the next poll tries again
      }
    };
    void poll();
    const timer = setInterval(() => void (stopped || poll()), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [load, message, t]);

  const categoryName = useMemo(() => {
    const names = new Map(pickers.categories.map((c) => [c.code, lang === 'zh' ? c.nameZh : c.nameEn]));
    return (code: string) => names.get(code) ?? code;
  }, [pickers.categories, lang]);

  const paging = {
    page: state.page,
    pageSize: state.pageSize,
    total,
    onChange: (page: number, pageSize: number) => setState((s) => ({ ...s, page, pageSize })),
  };
  const changeView = (view: View) => {
    setSelected([]);
    setState((s) => ({ ...s, view, page: 1 }));
  };
  const changeFilters = (filters: Filters) => {
    setSelected([]);
    if (Object.keys(filters).length === 1) setResets((n) => n + 1);
    setState((s) => ({ ...s, filters, page: 1 }));
  };
  const activeFilters = Object.entries(state.filters).filter(([key, value]) => key !== 'sort' && value !== undefined).length;
  const list = { rows, loading, selected, onSelect: setSelected, paging, categoryName };

  return (
    <Layout className="inbox" hasSider={!phone}>
      {!phone && (
        <Layout.Sider width={220} theme="light" className="inbox-sider">
          <ViewMenu view={state.view} counts={counts} onChange={changeView} compact={false} />
        </Layout.Sider>
      )}
      <Layout.Content className="inbox-main">
        <h1 className="visually-hidden">{t(`view_${state.view}`)}</h1>
        {phone && <ViewMenu view={state.view} counts={counts} onChange={changeView} compact />}
        {phone && (
          <Button className="filters-toggle" icon={<FilterOutlined aria-hidden />} aria-expanded={filtersOpen} onClick={() => setFiltersOpen((o) => !o)} block>
            {t('filters')}
            {activeFilters > 0 ? ` (${activeFilters})` : ''}
          </Button>
        )}
        {(!phone || filtersOpen) && <CaseFilters key={resets} filters={state.filters} onChange={changeFilters} pickers={pickers} />}
        {selected.length > 0 && (
          <BulkBar
            selected={selected}
            pickers={pickers}
            onDone={() => {
              setSelected([]);
              void load();
            }}
          />
        )}
        {phone ? <CaseCards {...list} /> : <CaseTable {...list} />}
      </Layout.Content>
    </Layout>
  );
}
