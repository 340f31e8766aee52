/** The audit log, searchable by person, case, action and period; paged, newest first. */
import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { CallError } from '../../api/client';
import { auditActors, auditSearch, type AuditActor, type AuditFilter, type AuditPage, type AuditRow } from '../../api/operations';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../format';
import { CaseLink } from '../../parts/CaseLink';
import type { ScreenProps } from '../screen';
import { LoadProblem } from './LoadProblem';

interface Filters {
  actor?: string;
  action?: string;
  caseNo?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** The API's field → the form's. */
const FORM_FIELD: Record<string, keyof Filters> = { actor: 'actor', action: 'action', caseNo: 'caseNo', subjectId: 'caseNo', from: 'period', to: 'period' };
const PAGE_SIZE = 20;

function queryOf(f: Filters, page: number): AuditFilter {
  const [from, to] = f.period ?? [null, null];
  return {
    actor: f.actor || undefined,
    action: f.action?.trim() || undefined,
    caseNo: f.caseNo?.trim() || undefined,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

export default function AuditScreen(_props: ScreenProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [actors, setActors] = useState<AuditActor[]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    auditActors().then(setActors, setError);
  }, []);

  const search = useCallback(async () => {
    setLoading(true);
    try {
      setResult(await auditSearch(queryOf(filters, page)));
      setError(null);
    } catch (err) {
      const field = err instanceof CallError && err.body.field ? FORM_FIELD[err.body.field] : undefined;
      if (field) form.setFields([{ name: field, errors: [(err as CallError).body.message] }]);
      else setError(err);
    } finally {
      setLoading(false);
    }
  }, [filters, page, form]);
  useEffect(() => void search(), [search]);

  const submit = (values: Filters) => {
    setFilters(values);
    setPage(1);
  };

  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_audit')}</Typography.Title>
      <Form form={form} layout="vertical" className="ops-toolbar" onFinish={submit} aria-label={t('audit_filters')}>
        <Form.Item label={t('audit_actor')} name="actor">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit_anyActor')}
            style={{ minWidth: 200 }}
            options={actors.map((a) => ({ value: a.actor, label: a.name }))}
            data-testid="audit-actor"
          />
        </Form.Item>
        <Form.Item label={t('audit_action')} name="action" tooltip={t('audit_actionHint')}>
          <Input placeholder="card.rotate" allowClear data-testid="audit-action" />
        </Form.Item>
        <Form.Item label={t('audit_caseNo')} name="caseNo" rules={[{ pattern: /^\d{10,16}$/, message: t('audit_caseNo') + ': 10–16' }]}>
          <Input allowClear inputMode="numeric" data-testid="audit-case" />
        </Form.Item>
        <Form.Item label={t('audit_period')} name="period">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('audit_search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              submit({});
            }}
          >
            {t('audit_reset')}
          </Button>
        </Form.Item>
      </Form>
      <LoadProblem error={error} />
      <Table<AuditRow>
        rowKey="id"
        size="small"
        data-testid="audit-rows"
        loading={loading}
        dataSource={result?.items ?? []}
        locale={{ emptyText: <span className="ops-empty">{t('audit_none')}</span> }}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('audit_total', { total }),
        }}
        columns={[
          { title: t('audit_at'), key: 'at', render: (_, row) => formatDateTime(row.at, lang) },
          { title: t('audit_actor'), key: 'actor', render: (_, row) => row.actorName ?? row.actor },
          { title: t('audit_action'), dataIndex: 'action', render: (action: string) => <code>{action}</code> },
          {
            title: t('audit_subject'),
            key: 'subject',
            render: (_, row) =>
              row.subjectType === 'case' && row.subjectId ? (
                <CaseLink caseNo={row.subjectId} />
              ) : (
                `${row.subjectType}${row.subjectId ? ` ${row.subjectId}` : ''}`
              ),
          },
          { title: t('audit_detail'), key: 'detail', render: (_, row) => <span className="ops-error">{JSON.stringify(row.detail)}</span> },
        ]}
      />
    </main>
  );
}
