/**
 * Staff move a case through the five steps (调研 → 沟通 → 分析 → 办理 → 反馈)
 * by hand, with a note: the timeline records who, when and why. Answering or
 * closing it stops its deadline's watch and plans the return visit; taking an
 * answered or closed case back to any other step reopens it with a new
 * deadline and timers, and its liaison hears of it. All in one transaction,
 * with the audit entry.
 */
import type { CaseStatus } from '../core/case-status.js';
import { maskText } from '../core/mask.js';
import { formatLocal } from '../core/time.js';
import type { Catalog } from '../catalog/catalog.js';
import type { OfficeHours } from '../catalog/calendar.js';
import { queueNotice } from '../outbox/liaison-notice.js';
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import type { SupervisionPolicy } from '../supervision/deadlines.js';
import { watchReopened } from '../supervision/reopen.js';
import { returnVisitAt } from '../supervision/return-visit.js';
import { settleCase } from '../supervision/settle.js';
import { eventSql } from '../core/case-event.js';

export interface StatusChangeDeps {
  catalog: Catalog;
  office: OfficeHours;
  policy: SupervisionPolicy;
  /** RETURN_VISIT_AFTER_HOURS. */
  returnVisitAfterHours: number;
}

/** Only a closed case has a closing time; an answer (`answered`) is a response on the timeline. */
const STATUS_CHANGE = `
  WITH old AS (SELECT id, status FROM "case" WHERE case_no = $1 FOR UPDATE),
  changed AS (
    UPDATE "case" c SET status = $2::"CaseStatus", updated_at = now(), closed_at = CASE WHEN $2 = 'closed' THEN now() END
    FROM old WHERE c.id = old.id AND old.status <> $2::"CaseStatus"
    RETURNING c.id, old.status AS from_status
  ),
  noted AS (
    INSERT INTO case_event (case_id, type, actor, detail)
    SELECT id, CASE WHEN $2 = 'answered' THEN ${eventSql('status_changed_answered')} ELSE ${eventSql('status_changed')} END, $3,
           jsonb_build_object('from', from_status, 'to', $2::text, 'note', $4::text) FROM changed
  )
  SELECT (SELECT id FROM old) AS case_id, (SELECT id FROM changed) AS changed_id, (SELECT from_status FROM changed)::text AS from_status`;

/** Answered or closed: the deadline's watch has stopped. Leaving these for any other step reopens the case. */
const SETTLED: readonly CaseStatus[] = ['answered', 'closed'];

export type StatusChangeOutcome = 'changed' | 'unchanged' | 'not_found';

/** `unchanged`: the case has that status already. Handed a client, it runs inside the caller's transaction. */
export async function changeCaseStatus(
  pool: Queryable,
  deps: StatusChangeDeps,
  change: { caseNo: string; status: CaseStatus; note: string; actor: string },
): Promise<StatusChangeOutcome> {
  const { caseNo, status, note, actor } = change;
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ case_id: number | null; changed_id: number | null; from_status: CaseStatus | null }>(STATUS_CHANGE, [
      caseNo,
      status,
      actor,
      note,
    ]);
    const { case_id: found, changed_id: changed, from_status: from } = rows[0] ?? {};
    if (!found) return 'not_found';
    if (!changed) return 'unchanged';
    if (SETTLED.includes(status)) await settleCase(tx, changed, await returnVisitAt(deps.catalog, deps.office, deps.returnVisitAfterHours));
    if (from && SETTLED.includes(from) && !SETTLED.includes(status)) await reopen(tx, deps, changed, actor, note);
    await audit(tx, { actor, action: 'case.status', subjectType: 'case', subjectId: caseNo, detail: { status } });
    return 'changed';
  });
}

/** A reopened case gets a new deadline and timers, and its liaison hears of it with the new deadline. */
async function reopen(db: Queryable, deps: StatusChangeDeps, caseId: number, actor: string, note: string): Promise<void> {
  const catalog = await deps.catalog.get();
  const deadline = (await watchReopened(db, [caseId], { catalog, office: deps.office, policy: deps.policy }, actor)).get(caseId);
  // Counted in the reopen rate like any other reopening (a resident writing again, a dissatisfied visit).
  await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('reopened')}, $2, $3)`, [
    caseId,
    actor,
    { reason: 'staff', note },
  ]);
  const { rows } = await db.query<{ case_no: string; liaison_id: number | null }>('SELECT case_no, liaison_id FROM "case" WHERE id = $1', [caseId]);
  const kase = rows[0];
  if (!kase?.liaison_id || !deadline) return;
  const body = `【重新办理】案件${kase.case_no}已由工作人员重新打开（说明：${maskText(note)}），新的办理期限：${formatLocal(deadline, deps.office.timeZone)}。`;
  await queueNotice(db, caseId, kase.liaison_id, body, `reopened:${caseId}:${deadline.getTime()}`);
}
