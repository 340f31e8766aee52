/** Contact cards per zone: issue, print, rotate, revoke; scans and submissions; the street's A4 sheets. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Select, Space, Typography } from 'antd';
import { CallError } from '../../api/client';
import { zones as loadZones } from '../../api/calls';
import { cardSheetsUrl, issueCard, opsSettings, zoneCards, type Card, type OpsSettings } from '../../api/operations';
import type { Zone } from '../../api/types';
import { useI18n } from '../../i18n';
import { navigate, screenPath } from '../../router';
import type { ScreenProps } from '../screen';
import { ZonePicker } from './ZonePicker';
import { CardTable } from './CardTable';
import { LoadProblem } from './LoadProblem';

/** The liaisons who may hold their own card of a zone: those of the zone and of the zones below it. */
function liaisonsUnder(zones: Zone[], code: string): { id: number; name: string }[] {
  const below = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const z of zones) {
      if (z.parentCode && below.has(z.parentCode) && !below.has(z.code)) {
        below.add(z.code);
        grew = true;
      }
    }
  }
  const seen = new Map<number, string>();
  for (const z of zones) if (below.has(z.code) && z.liaison) seen.set(z.liaison.id, z.liaison.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export default function CardsScreen({ sub }: ScreenProps) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [zones, setZones] = useState<Zone[]>([]);
  const [settings, setSettings] = useState<OpsSettings | null>(null);
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [holder, setHolder] = useState<number>(0);
  const [issueError, setIssueError] = useState<string | null>(null);
  const code = sub || undefined;

  useEffect(() => {
    loadZones().then(setZones, setError);
    opsSettings().then(setSettings, setError);
  }, []);
  const reload = useCallback(async () => {
    if (!code) return setCards(null);
    try {
      setCards(await zoneCards(code));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [code]);
  useEffect(() => {
    setHolder(0);
    setIssueError(null);
    void reload();
  }, [reload]);

  const liaisons = useMemo(() => (code ? liaisonsUnder(zones, code) : []), [zones, code]);
  const liaisonNames = useMemo(() => new Map(zones.flatMap((z) => (z.liaison ? [[z.liaison.id, z.liaison.name] as const] : []))), [zones]);

  /** Opens what prints in a new tab; on a localhost PUBLIC_BASE_URL only after a warning and a confirmation. */
  const print = (url: string) => {
    if (!settings?.publicBaseUrlIsLocal) return void window.open(url, '_blank', 'noopener');
    modal.confirm({
      title: t('cards_printConfirmTitle'),
      content: t('cards_localWarningText'),
      okText: t('cards_printAnyway'),
      okButtonProps: { danger: true },
      onOk: () => void window.open(url, '_blank', 'noopener'),
    });
  };

  const issue = async () => {
    if (!code) return;
    setIssueError(null);
    try {
      const card = await issueCard(code, holder || undefined);
      message.success(t('cards_issued', { id: card.id }));
    } catch (err) {
      setIssueError(err instanceof CallError ? err.body.message : String(err));
    }
    await reload();
  };

  return (
    <main className="screen">
      <Typography.Title level={1}>{t('nav_cards')}</Typography.Title>
      {settings?.publicBaseUrlIsLocal && (
        <Alert
          type="warning"
          showIcon
          className="ops-alert"
          data-testid="local-warning"
          title={t('cards_localWarning', { url: settings.publicBaseUrl })}
          description={t('cards_localWarningText')}
        />
      )}
      <LoadProblem error={error} />
      <div className="ops-toolbar">
        <Form.Item label={t('cards_zone')} layout="vertical">
          <ZonePicker zones={zones} value={code} onChange={(next) => navigate(screenPath('cards', next))} label={t('cards_pickZone')} />
        </Form.Item>
        {code && (
          <Form.Item label={t('cards_issueFor')} layout="vertical" validateStatus={issueError ? 'error' : undefined} help={issueError}>
            <Space.Compact>
              <Select
                aria-label={t('cards_issueFor')}
                value={holder}
                onChange={setHolder}
                style={{ minWidth: 200 }}
                options={[{ value: 0, label: t('cards_zoneCard') }, ...liaisons.map((l) => ({ value: l.id, label: t('cards_liaisonCard', { name: l.name }) }))]}
                data-testid="issue-for"
              />
              <Button type="primary" onClick={() => void issue()} data-testid="issue-card">
                {t('cards_issue')}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
        {code && (
          <Button onClick={() => print(cardSheetsUrl(code))} data-testid="print-sheets">
            {t('cards_sheets')}
          </Button>
        )}
      </div>
      {code && cards && <CardTable cards={cards} zoneCode={code} liaisonNames={liaisonNames} onPrint={print} onChanged={reload} />}
    </main>
  );
}
