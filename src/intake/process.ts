/**
 * The intake worker's one job: turn a stored inbound message into a case
 * (or join the sender's open case), classify and route it, and queue the
 * receipt in the outbox. Safe to run twice: the case, the message's link to
 * it and the receipt are written by one statement that does nothing when
 * the message already has a case, and the receipt's dedupe key is unique.
 */
import type pg from 'pg';
import type { IntakeJob } from '../workers/queues.js';
import type { Catalog, CategoryInfo } from '../router/catalog.js';
import { classify, FALLBACK_CATEGORY } from '../router/classifier.js';
import { resolveZone } from '../router/zone-resolver.js';
import { caseNoPrefix } from '../core/time.js';
import { casesOpened, timed } from '../core/metrics.js';
import { resolveContact } from './contacts.js';
import { renderReceipt } from './receipt.js';

export interface ProcessDeps {
  pool: pg.Pool;
  catalog: Catalog;
  timeZone: string;
  triageZoneCode: string;
}

export type ProcessOutcome =
  | { kind: 'opened'; caseId: number; caseNo: string }
  | { kind: 'threaded'; caseId: number }
  | { kind: 'already-done' };

/**
 * Opens the case, links the message, records the routing event and writes the
 * receipt (outbound message + outbox row), all or nothing. `pending` is empty
 * when the message already has a case, and then nothing else is written.
 */
const OPEN_CASE = `
  WITH pending AS (
    SELECT id FROM message WHERE id = $1 AND case_id IS NULL FOR UPDATE
  ),
  new_case AS (
    INSERT INTO "case" (case_no, category_code, urgent, zone_id, liaison_id, contact_id, deadline_at,
                        origin_channel, reply_channel, reply_address, routing)
    SELECT coalesce($2, $3 || lpad(nextval('case_no_seq')::text, 4, '0')), $4, false, $5, $6, $7,
           now() + make_interval(hours => $8), $9, $10, $11, $12
    FROM pending
    RETURNING id, case_no
  ),
  linked AS (
    UPDATE message SET case_id = new_case.id, contact_id = $7, status = 'processed', processed_at = now()
    FROM new_case WHERE message.id = $1
  ),
  registered AS (
    INSERT INTO case_event (case_id, type, detail) SELECT id, 'registered', $12 FROM new_case
  ),
  receipt AS (
    INSERT INTO message (direction, channel, case_id, contact_id, body, status)
    SELECT 'out', $10, id, $7, replace($13, '{caseNo}', case_no), 'pending' FROM new_case
    RETURNING id, case_id
  ),
  queued AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT id, case_id, 'receipt', 'receipt:' || case_id, $10, $11 FROM receipt
    ON CONFLICT (dedupe_key) DO NOTHING
  )
  SELECT id, case_no FROM new_case`;

const FIND_OPEN_CASE = `
  SELECT id FROM "case" WHERE contact_id = $1 AND status <> 'closed' ORDER BY id DESC LIMIT 1`;

const JOIN_CASE = `
  WITH linked AS (
    UPDATE message SET case_id = $2, contact_id = $3, status = 'processed', processed_at = now()
    WHERE id = $1 AND case_id IS NULL
    RETURNING case_id
  )
  INSERT INTO case_event (case_id, type, detail)
  SELECT case_id, 'message', jsonb_build_object('messageId', $1::int) FROM linked
  RETURNING case_id`;

export async function processInbound(deps: ProcessDeps, job: IntakeJob): Promise<ProcessOutcome> {
  const { message } = job;
  const contactId = await timed('contact', () =>
    resolveContact(deps.pool, message.sender.identities, message.sender.name),
  );

  if (message.threading === 'open-case' && contactId !== null) {
    const open = await deps.pool.query<{ id: number }>(FIND_OPEN_CASE, [contactId]);
    const caseId = open.rows[0]?.id;
    if (caseId !== undefined) {
      const joined = await deps.pool.query(JOIN_CASE, [job.messageId, caseId, contactId]);
      return joined.rowCount ? { kind: 'threaded', caseId } : { kind: 'already-done' };
    }
  }

  const catalog = await deps.catalog.get();
  const classification = classify(message.text, catalog.categories);
  const category: CategoryInfo =
    catalog.categoriesByCode.get(classification.category) ?? catalog.categoriesByCode.get(FALLBACK_CATEGORY)!;
  const route = resolveZone(message.hints, catalog, deps.triageZoneCode);
  const routing = { zone: route.evidence, category: classification };
  const receipt = renderReceipt({
    caseNo: '{caseNo}',
    categoryZh: category.nameZh,
    categoryEn: category.nameEn,
    zoneName: route.zone.name,
    deadline: new Date(Date.now() + category.deadlineHours * 3_600_000),
    language: message.language,
    timeZone: deps.timeZone,
  });

  const opened = await timed('open_case', () =>
    deps.pool.query<{ id: number; case_no: string }>(OPEN_CASE, [
      job.messageId,
      job.reservedCaseNo,
      caseNoPrefix(new Date(), deps.timeZone),
      category.code,
      route.zone.id,
      route.liaisonId,
      contactId,
      category.deadlineHours,
      message.channel,
      message.replyTo.channel,
      message.replyTo.address ?? null,
      JSON.stringify(routing),
      receipt,
    ]),
  );
  const row = opened.rows[0];
  if (!row) return { kind: 'already-done' };
  casesOpened.inc({ channel: message.channel, category: category.code });
  return { kind: 'opened', caseId: row.id, caseNo: row.case_no };
}
