/**
 * The answer to the resident. Typing `/` at the start lists the case's answer
 * templates (rendered for this case by the API); picking one puts its text in.
 * The draft is kept in localStorage per case, so an expired session or a
 * closed tab does not lose a half-written answer; it is cleared once sent.
 */
import { useEffect, useState } from 'react';
import { App, Button, Input, List, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { answerTemplates } from '../api/calls';
import type { AnswerTemplate } from '../api/types';
import { useI18n } from '../i18n';
import { WriteProblem } from './WriteProblem';

const draftKey = (caseNo: string) => `minqing.console.draft.${caseNo}`;

function readDraft(caseNo: string): string {
  try {
    return localStorage.getItem(draftKey(caseNo)) ?? '';
  } catch {
    return '';
  }
}

/** What the answer endpoint says happened to the send, in words for the person who answered. */
export interface SendOutcome {
  delivery?: { message?: string };
}

export function Composer({
  caseNo,
  send,
  onReload,
}: {
  caseNo: string;
  send: (text: string, lookupOnly: boolean) => Promise<SendOutcome>;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(() => readDraft(caseNo));
  const [templates, setTemplates] = useState<AnswerTemplate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    try {
      if (text) localStorage.setItem(draftKey(caseNo), text);
      else localStorage.removeItem(draftKey(caseNo));
    } catch {
      // storage full or private: the draft lives as long as the page
    }
  }, [caseNo, text]);

  const picking = text.startsWith('/') && !text.includes('\n');
  useEffect(() => {
    if (picking && templates === null) answerTemplates(caseNo).then(setTemplates, () => setTemplates([]));
  }, [picking, templates, caseNo]);
  const wanted = text.slice(1).trim().toLowerCase();
  const matches = (templates ?? []).filter((tpl) => !wanted || tpl.shortcode.toLowerCase().startsWith(wanted) || tpl.title.toLowerCase().includes(wanted));

  const submit = async (lookupOnly = false) => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await send(text.trim(), lookupOnly);
      setText('');
      message.success(outcome.delivery?.message ?? t('sent'));
    } catch (err) {
      setProblem(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="composer" aria-labelledby="composer-title">
      <Typography.Title level={2} id="composer-title" className="section-title">
        {t('reply')}
      </Typography.Title>
      <Input.TextArea
        aria-labelledby="composer-title"
        data-testid="composer"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('replyPlaceholder')}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={2000}
      />
      {picking && (
        <List
          className="template-list"
          size="small"
          bordered
          header={t('templates')}
          loading={templates === null}
          locale={{ emptyText: t('noTemplates') }}
          dataSource={matches}
          renderItem={(tpl) => (
            <List.Item>
              <Button type="link" className="template-pick" onClick={() => setText(tpl.rendered)}>
                /{tpl.shortcode} · {tpl.title}
              </Button>
            </List.Item>
          )}
        />
      )}
      <div className="composer-bar">
        <Typography.Text type="secondary">{text ? t('draftKept') : ''}</Typography.Text>
        <Button type="primary" icon={<SendOutlined aria-hidden />} disabled={!text.trim() || picking} loading={busy} onClick={() => void submit()}>
          {t('send')}
        </Button>
      </div>
      <WriteProblem error={problem} onReload={onReload} onKeepForLookup={() => void submit(true)} />
    </section>
  );
}
