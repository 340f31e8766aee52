/** A rule's versions, newest first: who, when, each changed field before → after; one click restores an older one. */
import { useEffect, useState } from 'react';
import { App, Button, Drawer, List, Tag, Typography } from 'antd';
import { restoreVersion, ruleVersions, type Rule, type RuleVersion } from '../../api/rules';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../format';
import { WriteProblem } from '../../parts/WriteProblem';
import { fieldLabel, valueText, type Names } from './rule-text';

export function RuleVersions({ rule, names, onRestored, onClose }: { rule: Rule; names: Names; onRestored: (rule: Rule) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [versions, setVersions] = useState<RuleVersion[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<number | null>(null);

  useEffect(() => {
    ruleVersions(rule.id).then(setVersions, setProblem);
  }, [rule.id, rule.version]);

  async function restore(version: number) {
    setBusy(version);
    setProblem(null);
    try {
      const restored = await restoreVersion(rule.id, version);
      message.success(t('rules_restored', { version, now: restored.version }));
      onRestored(restored);
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(null);
    }
  }

  const latest = versions?.[0]?.version;
  return (
    <Drawer open onClose={onClose} size={Math.min(640, window.innerWidth)} title={t('rules_versionsOf', { name: rule.name })}>
      <WriteProblem error={problem} onReload={() => void ruleVersions(rule.id).then(setVersions, setProblem)} />
      <List
        loading={versions === null}
        dataSource={versions ?? []}
        rowKey="version"
        renderItem={(v) => (
          <List.Item
            data-testid={`version-${v.version}`}
            actions={
              v.version !== latest && !v.snapshot.deleted
                ? [
                    <Button key="restore" size="small" loading={busy === v.version} onClick={() => void restore(v.version)}>
                      {t('rules_restore')}
                    </Button>,
                  ]
                : []
            }
          >
            <div className="rule-version">
              <Typography.Text strong>
                {t('rules_versionBy', { version: v.version, who: v.actorName ?? v.actor, at: formatDateTime(v.at, lang) })}
              </Typography.Text>
              {v.version === latest && <Tag color="blue">{t('rules_current')}</Tag>}
              {v.snapshot.deleted && <Tag color="red">{t('rules_deletion')}</Tag>}
              {v.changes.length === 0 ? (
                <Typography.Paragraph type="secondary" className="rule-version-changes">
                  {t('rules_created')}：{v.snapshot.name}
                </Typography.Paragraph>
              ) : (
                <ul className="rule-version-changes">
                  {v.changes.map((c) => {
                    const key = c.field.split('.').at(-1)!;
                    return (
                      <li key={c.field}>
                        <span className="rule-version-field">{fieldLabel(c.field, t)}</span>：<del>{valueText(key, c.before, t, names)}</del> →{' '}
                        <ins>{valueText(key, c.after, t, names)}</ins>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
