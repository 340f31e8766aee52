/**
 * One case: what the resident wrote, what was sent back and how it went, the
 * timeline, files, the facts and routing evidence, and every action. Writes
 * carry the ETag of the version on screen; after each the case is read again.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, Grid, Result, Row, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { caseDetail } from '../api/calls';
import { CallError } from '../api/client';
import type { CaseDetail } from '../api/types';
import { useI18n } from '../i18n';
import { usePickers } from '../pickers';
import { useSession } from '../session';
import { BASE, navigate } from '../router';
import { CaseFacts } from '../parts/CaseFacts';
import { MessagesOut, ResidentMessages } from '../parts/CaseMessages';
import { CaseTimeline } from '../parts/CaseTimeline';
import { CaseAttachments } from '../parts/CaseAttachments';
import { Composer, type SendOutcome } from '../parts/Composer';
import { CaseActions } from '../parts/CaseActions';
import { useCaseWrite } from '../parts/useCaseWrite';

export function CaseDetailPage({ caseNo }: { caseNo: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  // Supervisors read; every other role works cases (the API has the last word).
  const works = user?.role !== 'supervisor';
  const pickers = usePickers();
  // One column on a phone: the facts first (status, deadline), the actions after the messages.
  const narrow = Grid.useBreakpoint().lg === false;
  const [state, setState] = useState<{ detail: CaseDetail; etag: string | null } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setState(await caseDetail(caseNo));
      setFailure(null);
    } catch (err) {
      setFailure(err);
    }
  }, [caseNo]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const write = useCaseWrite(caseNo, state?.etag ?? null);
  const categoryName = useMemo(() => {
    const names = new Map(pickers.categories.map((c) => [c.code, lang === 'zh' ? c.nameZh : c.nameEn]));
    return (code: string) => names.get(code) ?? code;
  }, [pickers.categories, lang]);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => (history.length > 1 ? history.back() : navigate(`${BASE}/`))} className="back">
      {t('back')}
    </Button>
  );

  if (failure) {
    const status = failure instanceof CallError ? failure.status : 0;
    const title = status === 403 ? t('forbidden') : status === 404 ? t('notFound') : t('failed', { message: (failure as Error).message });
    return (
      <main className="case-page">
        {back}
        <Result
          status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
          title={<h1 className="result-title">{title}</h1>}
          subTitle={failure instanceof CallError ? failure.body.message : undefined}
          data-testid="case-refused"
        />
      </main>
    );
  }
  if (!state) {
    return (
      <main className="case-page loading" aria-busy="true">
        <Spin />
      </main>
    );
  }

  const { detail } = state;
  const facts = <CaseFacts detail={detail} categoryName={categoryName} />;
  const actions = works && <CaseActions detail={detail} pickers={pickers} write={write} onDone={() => void reload()} onReload={() => void reload()} />;
  return (
    <main className="case-page">
      {back}
      <Typography.Title level={1} className="case-title">
        {t('caseNo')} {detail.caseNo}
      </Typography.Title>
      {detail.confidential && <Alert type="info" showIcon title={t('confidential')} className="case-alert" />}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={15} className="case-story">
          {narrow && facts}
          <ResidentMessages entries={detail.timeline} />
          <CaseAttachments attachments={detail.attachments ?? []} />
          <MessagesOut entries={detail.timeline} />
          {works && (
            <Composer
              caseNo={caseNo}
              send={async (text, lookupOnly) => {
                const outcome = (await write('replies', lookupOnly ? { text, ifUndeliverable: 'lookup' } : { text })) as SendOutcome;
                await reload();
                return outcome;
              }}
              onReload={() => void reload()}
            />
          )}
          {narrow && actions}
          <CaseTimeline entries={detail.timeline} />
        </Col>
        {!narrow && (
          <Col lg={9} className="case-side">
            {facts}
            {actions}
          </Col>
        )}
      </Row>
    </main>
  );
}
