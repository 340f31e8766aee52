/**
 * Opening the planned cases: the case rows, each message's link to its case,
 * and the case's first events, in one statement over a jsonb record set. The
 * messages are locked and re-checked, so a message that another run already
 * gave a case opens nothing here. What follows (receipt, alert, notice,
 * timers) is written by the modules that own it, in the same transaction,
 * keyed by the case ids this returns (src/intake/process.ts).
 */
import type { ChannelName } from '../core/message.js';
import type { Queryable } from '../store/db.js';
import type { RequestKind } from '../core/request-kind.js';
import { eventSql } from '../core/case-event.js';

export interface CaseToOpen {
  messageId: number;
  /** The web form's case number, given when the message was accepted; else one is drawn. */
  reservedCaseNo: string | null;
  category: string;
  zoneId: number;
  liaisonId: number | null;
  contactId: number | null;
  deadlineAt: Date;
  origin: ChannelName;
  replyChannel: ChannelName;
  replyAddress: string | null;
  /** The routing evidence: why it went where it went. */
  routing: object;
  urgent: boolean;
  needsTriage: boolean;
  kind: RequestKind;
  confidential: boolean;
  /** A rule's canned answer closed it on the spot. */
  answered: boolean;
  /** The `answered_from_knowledge` event's detail, when the knowledge base answered. */
  knowledge: object | null;
  /** Why no receipt is sent (an automatic mail), or null. */
  receiptWithheld: string | null;
}

export interface OpenedCase {
  messageId: number;
  caseId: number;
  caseNo: string;
}

const OPEN_CASES = `
  WITH input AS MATERIALIZED (
    SELECT t.*, coalesce(t.reserved_case_no, next_case_no($2)) AS case_no
    FROM jsonb_to_recordset($1::jsonb) AS t(
      message_id int, reserved_case_no text, category text, zone_id int, liaison_id int, contact_id int, deadline_at timestamptz,
      origin text, reply_channel text, reply_address text, routing jsonb, urgent bool, needs_triage bool,
      kind "RequestKind", confidential bool, answered bool, knowledge jsonb, receipt_withheld text)
  ),
  pending AS (
    SELECT input.* FROM input JOIN message m ON m.id = input.message_id
    WHERE m.case_id IS NULL FOR UPDATE OF m
  ),
  new_case AS (
    INSERT INTO "case" (case_no, category_code, zone_id, liaison_id, contact_id, deadline_at,
                        origin_channel, reply_channel, reply_address, routing, urgent, needs_triage, kind, confidential,
                        tags, joint_meeting, status, closed_at)
    SELECT case_no, category, zone_id, liaison_id, contact_id, deadline_at,
           origin, reply_channel, reply_address, routing, urgent, needs_triage, kind, confidential,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(routing #> '{rules,action,tags}', '[]'))),
           coalesce((routing #>> '{rules,action,jointMeeting}')::bool, false),
           -- A rule's canned answer closes the case; one from the knowledge base waits for the resident's 1 or 2.
           CASE WHEN answered THEN 'closed' WHEN knowledge IS NOT NULL THEN 'answered' ELSE 'registered' END::"CaseStatus",
           CASE WHEN answered THEN now() END
    FROM pending
    RETURNING id, case_no
  ),
  opened AS (SELECT new_case.id AS case_id, pending.* FROM new_case JOIN pending USING (case_no)),
  linked AS (
    UPDATE message m SET case_id = opened.case_id, contact_id = opened.contact_id, status = 'processed', processed_at = now()
    FROM opened WHERE m.id = opened.message_id
  ),
  registered AS (
    INSERT INTO case_event (case_id, type, detail) SELECT case_id, ${eventSql('registered')}, routing FROM opened
    UNION ALL
    SELECT case_id, ${eventSql('answered_on_the_spot')}, jsonb_build_object('answer', routing #>> '{rules,action,answer}') FROM opened WHERE answered
    UNION ALL
    SELECT case_id, ${eventSql('answered_from_knowledge')}, knowledge FROM opened WHERE knowledge IS NOT NULL
    UNION ALL
    SELECT case_id, ${eventSql('sent_to_joint_meeting')}, routing #> '{rules,matched}' FROM opened
    WHERE (routing #>> '{rules,action,jointMeeting}')::bool
    UNION ALL
    SELECT case_id, ${eventSql('receipt_withheld')}, jsonb_build_object('reason', receipt_withheld) FROM opened WHERE receipt_withheld IS NOT NULL
  )
  SELECT message_id, case_id, case_no FROM opened`;

/** Opens a case for each message that has none yet; `prefix` numbers them (e.g. WH20261201). */
export async function openCases(db: Queryable, cases: readonly CaseToOpen[], prefix: string): Promise<OpenedCase[]> {
  if (cases.length === 0) return [];
  const rows = cases.map((c) => ({
    message_id: c.messageId,
    reserved_case_no: c.reservedCaseNo,
    category: c.category,
    zone_id: c.zoneId,
    liaison_id: c.liaisonId,
    contact_id: c.contactId,
    deadline_at: c.deadlineAt,
    origin: c.origin,
    reply_channel: c.replyChannel,
    reply_address: c.replyAddress,
    routing: c.routing,
    urgent: c.urgent,
    needs_triage: c.needsTriage,
    kind: c.kind,
    confidential: c.confidential,
    answered: c.answered,
    knowledge: c.knowledge,
    receipt_withheld: c.receiptWithheld,
  }));
  const { rows: opened } = await db.query<{ message_id: number; case_id: number; case_no: string }>(OPEN_CASES, [JSON.stringify(rows), prefix]);
  return opened.map((r) => ({ messageId: r.message_id, caseId: r.case_id, caseNo: r.case_no }));
}
