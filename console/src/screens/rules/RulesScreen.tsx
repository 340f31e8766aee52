/** Routing rules: the list in priority order, the form with its impact preview, each rule's versions, and the test panel. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Collapse, List, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { deleteRule, listDeletedRules, listRules, orderRules, replaceRule, type Rule } from '../../api/rules';
import { useI18n } from '../../i18n';
import { usePickers } from '../../pickers';
import { WriteProblem } from '../../parts/WriteProblem';
import type { ScreenProps } from '../screen';
import { RuleList } from './RuleList';
import { RuleForm } from './RuleForm';
import { RuleVersions } from './RuleVersions';
import { TestPanel } from './TestPanel';
import { namesOf } from './rule-text';
import './rules.css';

export default function RulesScreen(_props: ScreenProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const pickers = usePickers();
  const names = useMemo(() => namesOf(pickers, lang), [pickers, lang]);
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [deleted, setDeleted] = useState<Rule[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [history, setHistory] = useState<Rule | null>(null);

  const load = useCallback(() => {
    listRules().then(setRules, setProblem);
    listDeletedRules().then(setDeleted, () => setDeleted([]));
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  /** Runs a change, shows its refusal, and reloads the list either way. */
  async function change(work: () => Promise<unknown>, done?: string) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      if (done) message.success(done);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
      load();
    }
  }

  function move(from: number, to: number) {
    if (!rules) return;
    const next = [...rules];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    setRules(next);
    void change(() => orderRules(next.map((r) => r.id)), t('rules_reordered'));
  }

  const toggle = (rule: Rule, active: boolean) =>
    void change(() => replaceRule(rule.id, { name: rule.name, priority: rule.priority, active, conditions: rule.conditions, action: rule.action }));

  // A new rule goes last, after the highest priority there is.
  const newPriority = Math.min(10_000, Math.max(0, ...(rules ?? []).map((r) => r.priority)) + 10);

  return (
    <main className="screen rules-screen">
      <div className="rules-top">
        <Typography.Title level={1}>{t('nav_rules')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('rules_new')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('rules_intro')}</Typography.Paragraph>
      <WriteProblem error={problem} onReload={load} />
      <section aria-labelledby="rules-list-title">
        <Typography.Title level={2} id="rules-list-title" className="visually-hidden">
          {t('rules_list')}
        </Typography.Title>
        <Typography.Text type="secondary" className="rules-drag-hint">
          {t('rules_dragHint')}
        </Typography.Text>
        <RuleList
          rules={rules ?? []}
          names={names}
          busy={busy || rules === null}
          onMove={move}
          onToggle={toggle}
          onEdit={setEditing}
          onHistory={setHistory}
          onDelete={(rule) => void change(() => deleteRule(rule.id))}
        />
      </section>
      {deleted.length > 0 && (
        <Collapse
          className="rules-deleted"
          items={[
            {
              key: 'deleted',
              label: `${t('rules_deleted')} (${deleted.length})`,
              children: (
                <List
                  size="small"
                  dataSource={deleted}
                  renderItem={(rule) => (
                    <List.Item
                      actions={[
                        <Button key="history" type="link" size="small" onClick={() => setHistory(rule)}>
                          {t('rules_history')}
                        </Button>,
                      ]}
                    >
                      {rule.name}
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
      <TestPanel pickers={pickers} names={names} />
      {editing && (
        <RuleForm
          rule={editing === 'new' ? null : editing}
          newPriority={newPriority}
          pickers={pickers}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {history && (
        <RuleVersions
          rule={history}
          names={names}
          onClose={() => setHistory(null)}
          onRestored={(rule) => {
            setHistory(rule);
            load();
          }}
        />
      )}
    </main>
  );
}
