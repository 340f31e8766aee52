/**
 * The intake worker's one job: turn stored inbound messages into cases (or
 * join each sender's open case), as named steps: answers to return visits,
 * replies to answers from the knowledge base, threads, open cases, then new
 * cases (src/intake/open-cases.ts), each followed by what the modules that
 * own them write. A job carries message ids, usually many.
 *
 * Safe to run twice, or twice at once: only messages without a case are
 * read, and opening locks and re-checks them, writing the case, the
 * message's link, its events, receipt, alert, notice and timers all or
 * nothing, in one transaction.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import { kindSql, type InboundMessage } from '../core/message.js';
import { CaseNoPrefix } from '../core/time.js';
import { casesOpened, timed } from '../core/metrics.js';
import { inTransaction } from '../store/db.js';
import type { Catalog, CatalogSnapshot } from '../catalog/catalog.js';
import { calendarOf } from '../catalog/calendar-of.js';
import { queueSends } from '../outbox/queue.js';
import { queueNotices } from '../outbox/liaison-notice.js';
import type { TextClassifier } from '../router/classifier.js';
import { DEFAULT_KNOWLEDGE_MIN_SCORE } from '../knowledge/matcher.js';
import { DEFAULT_POLICY, type SupervisionPolicy } from '../supervision/deadlines.js';
import { scheduleTimers } from '../supervision/case-timers.js';
import { parseSurveyAnswer, recordSurveyAnswer } from '../supervision/return-visit.js';
import { watchReopened } from '../supervision/reopen.js';
import { resolveContacts } from './contacts.js';
import { queueUrgentAlerts } from './urgent-alert.js';
import { openCases } from './open-cases.js';
import { planCase, type PlanContext } from './plan-case.js';
import { awaitingConfirmation, handOver, parseKnowledgeReply, takeKnowledgeReplies } from './knowledge-reply.js';
import { eventSql } from '../core/case-event.js';

export interface ProcessDeps {
  pool: pg.Pool;
  catalog: Catalog;
  classifier: TextClassifier;
  /** Where skipped routing rules are reported. */
  log?: Logger;
  /** Office hours on the business calendar (OFFICE_HOURS, OFFICE_DAYS): deadlines and rules' office-hours condition. */
  officeHours?: { hours: string; days: string };
  timeZone: string;
  triageZoneCode: string;
  /** Reminder shares and escalation intervals for the deadline's timers (default: DEFAULT_POLICY). */
  supervision?: SupervisionPolicy;
  /** Where complaints about officials go (default: the zone flagged supervisory). */
  supervisoryZoneCode?: string;
  /** How close a consultation must come to a knowledge-base question to get its answer (KNOWLEDGE_MIN_SCORE). */
  knowledgeMinScore?: number;
  /** How long an answer from the knowledge base waits for the resident's 1 or 2 (KNOWLEDGE_CONFIRM_HOURS). */
  knowledgeConfirmHours?: number;
}

/** Office hours when none are given (tests that drive the processor by hand). */
const DEFAULT_OFFICE = { hours: '09:00-17:30', days: 'Mon,Tue,Wed,Thu,Fri' };

export interface ProcessResult {
  opened: number;
  threaded: number;
  /** Already had a case (a rerun), or not an unprocessed inbound message. */
  skipped: number;
}

interface Row {
  id: number;
  reserved_case_no: string | null;
  message: InboundMessage;
}

interface Item {
  row: Row;
  contactId: number | null;
}

const PENDING = `
  SELECT id, reserved_case_no, body, attachments, meta FROM message
  WHERE id = ANY($1) AND direction = 'in' AND case_id IS NULL AND status <> 'poisoned' ORDER BY id`;

/** Each contact's latest return visit still waiting for an answer. */
const PENDING_SURVEYS = `
  SELECT DISTINCT ON (c.contact_id) c.contact_id, s.id AS survey_id, s.case_id FROM survey s JOIN "case" c ON c.id = s.case_id
  WHERE c.contact_id = ANY($1) AND s.answer IS NULL ORDER BY c.contact_id, s.asked_at DESC`;

/** A resident's open case, or one answered on the spot in the last three days (writing again reopens it). */
const OPEN_CASE_OF = `
  SELECT DISTINCT ON (contact_id) contact_id, id FROM "case"
  WHERE contact_id = ANY($1)
    AND (status <> 'closed' OR (closed_at > now() - interval '3 days' AND routing #>> '{rules,action,answer}' IS NOT NULL))
  ORDER BY contact_id, id DESC`;

/** Joins messages to cases; a closed case reopens only for a message a person wrote (`reopen`), not an auto-reply. */
const JOIN_CASES = `
  WITH input AS (SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::bool[]) AS t(message_id, case_id, contact_id, reopen)),
  linked AS (
    UPDATE message m SET case_id = input.case_id, contact_id = input.contact_id, status = 'processed', processed_at = now()
    FROM input WHERE m.id = input.message_id AND m.case_id IS NULL
    RETURNING m.id, m.case_id, input.reopen
  ),
  reopened AS (
    UPDATE "case" c SET status = 'reopened', closed_at = NULL, updated_at = now()
    FROM (SELECT DISTINCT case_id FROM linked WHERE reopen) l WHERE c.id = l.case_id AND c.status = 'closed'
    RETURNING c.id
  ),
  noted AS (
    INSERT INTO case_event (case_id, type, detail) SELECT id, ${eventSql('reopened')}, '{"reason": "the resident wrote again"}' FROM reopened
  ),
  joined AS (
    INSERT INTO case_event (case_id, type, detail)
    SELECT case_id, ${eventSql('message')}, jsonb_build_object('messageId', id) FROM linked
    RETURNING case_id
  )
  SELECT (SELECT count(*) FROM joined)::int AS joined, coalesce((SELECT array_agg(id) FROM reopened), '{}') AS reopened`;

/**
 * The case a message says it belongs to: that of our mail it references, when
 * the sender is that case's own contact or the address the mail went to (a
 * receipt forwarded to someone else is no key to the case: the other person
 * opens a case of their own); or that of the sender's own earlier mail, found
 * by the sender-scoped keys, or by the bare id under which mail was stored
 * before keys were scoped, and only on the sender's own contact; else the
 * case whose number it quotes, if that case is the sender's own.
 */
const THREADED_CASES = `
  SELECT t.message_id, coalesce(
    (SELECT o.case_id FROM outbox o JOIN "case" c ON c.id = o.case_id
     WHERE o.channel = t.channel AND o.provider_id = ANY(t.refs) AND o.kind <> ${kindSql('liaison_note')}
       AND (c.contact_id = t.contact_id
            OR EXISTS (SELECT 1 FROM channel_identity ci WHERE ci.contact_id = t.contact_id AND ci.address = o.to_address))
     ORDER BY o.id DESC LIMIT 1),
    (SELECT m.case_id FROM message m
     WHERE m.channel = t.channel AND m.provider_message_id = ANY(t.own_keys || t.refs) AND m.contact_id = t.contact_id
       AND m.direction = 'in' AND m.case_id IS NOT NULL
     ORDER BY m.id DESC LIMIT 1),
    (SELECT c.id FROM "case" c WHERE c.case_no = t.case_no AND c.contact_id = t.contact_id)
  ) AS case_id
  FROM (
    SELECT u.message_id, u.channel, ARRAY(SELECT jsonb_array_elements_text(u.refs::jsonb)) AS refs,
           ARRAY(SELECT jsonb_array_elements_text(u.own_keys::jsonb)) AS own_keys, u.case_no, u.contact_id
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS u(message_id, channel, refs, case_no, contact_id, own_keys)
  ) t`;

const KNOWN_ZONES = `
  SELECT DISTINCT ON (contact_id) contact_id, zone_id FROM "case"
  WHERE contact_id = ANY($1) AND zone_id IS DISTINCT FROM $2
  ORDER BY contact_id, id DESC`;

const threadOf = (i: Item) => (i.row.message.threading === 'open-case' ? i.contactId : null);

/**
 * Of several threaded messages from one contact with no open case, the first
 * opens a case now and the others wait for the next round, where they join it.
 */
function firstPerThread(items: Item[]): { now: Item[]; later: Item[] } {
  const opening = new Set<number>();
  const now: Item[] = [];
  const later: Item[] = [];
  for (const item of items) {
    const thread = threadOf(item);
    if (thread !== null && opening.has(thread)) later.push(item);
    else now.push(item);
    if (thread !== null) opening.add(thread);
  }
  return { now, later };
}

export class InboundProcessor {
  private readonly prefix: CaseNoPrefix;

  constructor(private readonly deps: ProcessDeps) {
    this.prefix = new CaseNoPrefix(deps.timeZone);
  }

  async process(messageIds: readonly number[]): Promise<ProcessResult> {
    const pending = await this.loadPending(messageIds);
    const result: ProcessResult = { opened: 0, threaded: 0, skipped: messageIds.length - pending.length };
    if (pending.length === 0) return result;

    const contacts = await timed('contact', () =>
      resolveContacts(
        this.deps.pool,
        pending.map((r) => r.message.sender),
      ),
    );
    let remaining: Item[] = pending.map((row, n) => ({ row, contactId: contacts[n] ?? null }));
    const surveys = await this.answerSurveys(remaining);
    result.threaded += surveys.answered;
    const confirmations = await this.answerKnowledge(surveys.rest);
    result.threaded += confirmations.answered;
    remaining = confirmations.rest;
    while (remaining.length > 0) {
      const threads = await this.joinThreads(remaining);
      result.threaded += threads.joined;
      const { joined, rest } = await this.joinOpenCases(threads.rest);
      const { now, later } = firstPerThread(rest);
      const opened = await this.openCases(now);
      result.threaded += joined;
      result.opened += opened;
      result.skipped += now.length - opened;
      remaining = later;
    }
    return result;
  }

  private async loadPending(messageIds: readonly number[]): Promise<Row[]> {
    const { rows } = await this.deps.pool.query<{
      id: number;
      reserved_case_no: string | null;
      body: string;
      attachments: InboundMessage['attachments'];
      meta: Omit<InboundMessage, 'text' | 'attachments'>;
    }>(PENDING, [messageIds]);
    return rows.map((r) => ({ id: r.id, reserved_case_no: r.reserved_case_no, message: { ...r.meta, text: r.body, attachments: r.attachments } }));
  }

  /** Replies to a return visit (1/2/3, 满意…) from a resident with an unanswered survey are recorded as its answer. */
  private async answerSurveys(items: Item[]): Promise<{ answered: number; rest: Item[] }> {
    const candidates = items.filter((i) => i.contactId !== null && parseSurveyAnswer(i.row.message.text) !== null);
    if (candidates.length === 0) return { answered: 0, rest: items };
    const { rows } = await this.deps.pool.query<{ contact_id: number; survey_id: number; case_id: number }>(PENDING_SURVEYS, [
      candidates.map((i) => i.contactId),
    ]);
    const surveyOf = new Map(rows.map((r) => [r.contact_id, r]));
    const taken = new Set<number>();
    for (const item of candidates) {
      const survey = surveyOf.get(item.contactId!);
      if (!survey) continue;
      const answer = parseSurveyAnswer(item.row.message.text)!;
      const input = { surveyId: survey.survey_id, caseId: survey.case_id, messageId: item.row.id, contactId: item.contactId!, answer };
      if (await recordSurveyAnswer(this.deps.pool, this.deps.catalog, this.watch(), input)) taken.add(item.row.id);
    }
    return { answered: taken.size, rest: items.filter((i) => !taken.has(i.row.id)) };
  }

  /** Replies (1/2, 转人工) to an answer from the knowledge base that no return visit took. */
  private async answerKnowledge(items: Item[]): Promise<{ answered: number; rest: Item[] }> {
    const candidates = items.filter((i) => i.contactId !== null && parseKnowledgeReply(i.row.message.text) !== null);
    if (candidates.length === 0) return { answered: 0, rest: items };
    const replies = candidates.map((i) => ({ messageId: i.row.id, contactId: i.contactId!, text: i.row.message.text, language: i.row.message.language }));
    const taken = await takeKnowledgeReplies(this.deps.pool, replies, this.handover());
    return { answered: taken.size, rest: items.filter((i) => !taken.has(i.row.id)) };
  }

  private handover() {
    return { catalog: this.deps.catalog, watch: this.watch(), timeZone: this.deps.timeZone };
  }

  /** Messages that name their case (an email's references, a quoted case number) join it; the rest are returned. */
  private async joinThreads(items: Item[]) {
    const naming = items.filter((i) => i.row.message.thread && (i.row.message.thread.references.length > 0 || i.row.message.thread.caseNo));
    if (naming.length === 0) return { joined: 0, rest: items };
    const found = await this.deps.pool.query<{ message_id: number; case_id: number | null }>(THREADED_CASES, [
      naming.map((i) => i.row.id),
      naming.map((i) => i.row.message.channel),
      naming.map((i) => JSON.stringify(i.row.message.thread!.references)),
      naming.map((i) => i.row.message.thread!.caseNo ?? null),
      naming.map((i) => i.contactId),
      naming.map((i) => JSON.stringify(i.row.message.thread!.ownKeys ?? [])),
    ]);
    const caseOf = new Map(found.rows.filter((r) => r.case_id !== null).map((r) => [r.message_id, r.case_id!]));
    return this.join(
      items,
      naming.filter((i) => caseOf.has(i.row.id)),
      (i) => caseOf.get(i.row.id)!,
    );
  }

  /** Links `joining` to their cases (timeline, reopening); returns how many joined and the items left. */
  private async join(items: Item[], joining: Item[], caseOf: (i: Item) => number) {
    if (joining.length === 0) return { joined: 0, rest: items };
    const catalog = await this.deps.catalog.get();
    // A closed case the resident writes to again is reopened and watched again, in one transaction.
    const joined = await inTransaction(this.deps.pool, async (db) => {
      const { rows } = await db.query<{ joined: number; reopened: number[] }>(JOIN_CASES, [
        joining.map((i) => i.row.id),
        joining.map(caseOf),
        joining.map((i) => i.contactId),
        // An out-of-office answer to our mail is not the resident writing again.
        joining.map((i) => !i.row.message.automatic),
      ]);
      await watchReopened(db, rows[0]!.reopened, { catalog, ...this.watch() }, 'system:reopened');
      // A case still waiting for the resident's 1 or 2 on an answer from the knowledge base goes to its zone.
      const writing = joining.filter((i) => !i.row.message.automatic);
      const awaiting = new Set(await awaitingConfirmation(db, [...new Set(writing.map(caseOf))]));
      const languageOf = new Map(writing.map((i) => [caseOf(i), i.row.message.language]));
      const handed = [...awaiting].map((caseId) => ({ caseId, language: languageOf.get(caseId)! }));
      await handOver(db, handed, this.handover(), { reason: 'the resident wrote again' });
      return rows[0]!.joined;
    });
    const joiningIds = new Set(joining.map((i) => i.row.id));
    return { joined, rest: items.filter((i) => !joiningIds.has(i.row.id)) };
  }

  /** Messages that thread into their sender's open case join it; the rest are returned. */
  private async joinOpenCases(items: Item[]) {
    const threading = items.filter((i) => threadOf(i) !== null);
    if (threading.length === 0) return { joined: 0, rest: items };
    const open = await this.deps.pool.query<{ contact_id: number; id: number }>(OPEN_CASE_OF, [[...new Set(threading.map((i) => i.contactId))]]);
    const caseOf = new Map(open.rows.map((r) => [r.contact_id, r.id]));
    return this.join(
      items,
      threading.filter((i) => caseOf.has(i.contactId!)),
      (i) => caseOf.get(i.contactId!)!,
    );
  }

  /**
   * Opens the cases, then each module writes its part for them in the same
   * transaction: the receipt (outbox), the urgent alert, the liaison's
   * notice, the deadline's timers. A batch stays a batch: one statement a step.
   */
  private async openCases(items: Item[]): Promise<number> {
    if (items.length === 0) return 0;
    const catalog = await this.deps.catalog.get();
    const knownZones = await this.knownZones(items, catalog);
    const context = this.planContext(catalog);
    const plans = new Map(
      items.map((i) => {
        const ids = {
          messageId: i.row.id,
          reservedCaseNo: i.row.reserved_case_no,
          contactId: i.contactId,
          knownZoneId: i.contactId === null ? null : (knownZones.get(i.contactId) ?? null),
        };
        return [i.row.id, planCase(i.row.message, ids, context)] as const;
      }),
    );
    const opened = await timed('open_cases', () =>
      inTransaction(this.deps.pool, async (db) => {
        const opened = await openCases(
          db,
          [...plans.values()].map((p) => p.case),
          this.prefix.now(),
        );
        const steps = opened.map((o) => ({ ...o, plan: plans.get(o.messageId)!, fill: (text: string) => text.replaceAll('{caseNo}', o.caseNo) }));
        await queueSends(
          db,
          steps.flatMap(({ caseId, plan, fill }) =>
            plan.receipt === null
              ? []
              : [
                  {
                    channel: plan.case.replyChannel,
                    to: plan.case.replyAddress,
                    body: fill(plan.receipt),
                    kind: 'receipt',
                    dedupeKey: `receipt:${caseId}`,
                    caseId,
                    contactId: plan.case.contactId,
                  },
                ],
          ),
        );
        await queueUrgentAlerts(
          db,
          steps.flatMap(({ caseId, plan, fill }) =>
            plan.alert === null
              ? []
              : [{ caseId, zoneId: plan.case.zoneId, liaisonId: plan.case.liaisonId, confidential: plan.case.confidential, body: fill(plan.alert) }],
          ),
        );
        await queueNotices(
          db,
          steps.flatMap(({ caseId, plan, fill }) =>
            plan.notice === null || plan.case.liaisonId === null
              ? []
              : [{ caseId, liaisonId: plan.case.liaisonId, body: fill(plan.notice), dedupeKey: `liaison_notice:${caseId}` }],
          ),
        );
        await scheduleTimers(
          db,
          steps.map(({ caseId, plan }) => ({ caseId, timers: plan.timers })),
        );
        return opened;
      }),
    );
    for (const o of opened) {
      const { origin, category } = plans.get(o.messageId)!.case;
      casesOpened.inc({ channel: origin, category });
    }
    return opened.length;
  }

  /** Each known resident's zone: that of their latest case that left triage. */
  private async knownZones(items: Item[], catalog: CatalogSnapshot): Promise<Map<number, number>> {
    const contacts = [...new Set(items.map((i) => i.contactId).filter((c): c is number => c !== null))];
    const triage = catalog.zonesByCode.get(this.deps.triageZoneCode)?.id ?? null;
    if (contacts.length === 0) return new Map();
    const { rows } = await this.deps.pool.query<{ contact_id: number; zone_id: number }>(KNOWN_ZONES, [contacts, triage]);
    return new Map(rows.map((r) => [r.contact_id, r.zone_id]));
  }

  private planContext(catalog: CatalogSnapshot): PlanContext {
    const d = this.deps;
    return {
      catalog,
      calendar: calendarOf(catalog, this.watch().office),
      classifier: d.classifier,
      policy: d.supervision ?? DEFAULT_POLICY,
      triageZoneCode: d.triageZoneCode,
      timeZone: d.timeZone,
      supervisoryZoneCode: d.supervisoryZoneCode,
      knowledgeMinScore: d.knowledgeMinScore ?? DEFAULT_KNOWLEDGE_MIN_SCORE,
      knowledgeConfirmHours: d.knowledgeConfirmHours ?? 72,
      log: d.log,
    };
  }

  /** The office calendar and policy a reopened case's new deadline is counted on. */
  private watch() {
    const office = this.deps.officeHours ?? DEFAULT_OFFICE;
    return { office: { ...office, timeZone: this.deps.timeZone }, policy: this.deps.supervision ?? DEFAULT_POLICY };
  }
}
