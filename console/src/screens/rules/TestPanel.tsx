/** The router's simulator: a message (and a channel or zone hint) in, where it would go and why out; nothing is created. */
import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Select, Tag, TreeSelect, Typography } from 'antd';
import { CallError } from '../../api/client';
import { CHANNELS, simulate, type Channel, type Simulation } from '../../api/rules';
import { labelOf, useI18n } from '../../i18n';
import type { Pickers } from '../../pickers';
import type { Names } from './rule-text';

interface TestValues {
  text: string;
  channel: Channel;
  zoneCode?: string;
}

interface Matched {
  id: number;
  name: string;
  version: number;
}

interface ZoneEvidence {
  reason?: string;
  places?: string[];
}

export function TestPanel({ pickers, names }: { pickers: Pickers; names: Names }) {
  const { t } = useI18n();
  const [form] = Form.useForm<TestValues>();
  const [result, setResult] = useState<Simulation | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(values: TestValues) {
    setBusy(true);
    try {
      setResult(await simulate({ text: values.text, channel: values.channel, ...(values.zoneCode ? { zoneCode: values.zoneCode } : {}) }));
    } catch (err) {
      const field = err instanceof CallError && err.body.field === 'zoneCode' ? 'zoneCode' : 'text';
      form.setFields([{ name: field, errors: [err instanceof CallError ? err.body.message : String(err)] }]);
    } finally {
      setBusy(false);
    }
  }

  const matched = (result?.matchedRules ?? []) as Matched[];
  const zone = (result?.evidence.zone ?? {}) as ZoneEvidence;
  return (
    <Card
      className="rule-test"
      title={
        <Typography.Title level={2} className="rule-form-section" id="rule-test-title">
          {t('rules_testTitle')}
        </Typography.Title>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'web' }} onFinish={(v: TestValues) => void run(v)} aria-labelledby="rule-test-title">
        <Form.Item label={t('rules_testText')} name="text" rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="test-text" />
        </Form.Item>
        <div className="rule-form-row">
          <Form.Item label={t('rules_testChannel')} name="channel" className="rule-form-grow">
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`rules_channel_${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('rules_testZone')} name="zoneCode" className="rule-form-grow">
            <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeData={pickers.zoneTree} placeholder={t('rules_pickZone')} />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('rules_testRun')}
        </Button>
      </Form>
      {result && (
        <Descriptions column={1} size="small" bordered className="rule-test-result" data-testid="test-result">
          <Descriptions.Item label={t('rules_testZoneResult')}>{result.zone.name}</Descriptions.Item>
          <Descriptions.Item label={t('rules_testLiaison')}>{result.liaisonId === null ? t('rules_none') : names.liaison(result.liaisonId)}</Descriptions.Item>
          <Descriptions.Item label={t('rules_testCategory')}>
            {names.category(result.category)} ({result.confidence.toFixed(2)})
          </Descriptions.Item>
          <Descriptions.Item label={t('rules_testUrgency')}>{result.urgent ? t('rules_yes') : t('rules_no')}</Descriptions.Item>
          <Descriptions.Item label={t('rules_testMatched')}>
            <span data-testid="test-matched">
              {matched.length
                ? matched.map((m) => (
                    <Tag key={m.id}>
                      #{m.id} {m.name}
                    </Tag>
                  ))
                : t('rules_testNoRules')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('rules_testEvidence')}>
            {zone.reason ? labelOf(t, 'rules_reason', zone.reason) : ''}
            {zone.places?.length ? `「${zone.places.join('、')}」` : ''}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
