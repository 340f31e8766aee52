/**
 * What a case's timer does when it fires (全程督办): a reminder to the
 * liaison; at the deadline the case is marked overdue and goes one level up
 * the zone tree (group → community → street → district) to that level's
 * liaison; after a further interval it goes up again. A case answered or
 * closed in the meantime is left alone.
 *
 * Each firing commits with the timer's `fired_at`, so a timer job that runs
 * twice (a redelivered job, a restart, the sweeper and the queue at once)
 * acts once.
 */
import type { ChannelName } from '../core/message.js';
import type pg from 'pg';
import { inTransaction } from '../store/db.js';
import { audit } from '../store/audit.js';
import { maskedSender } from '../core/contact-address.js';
import { formatLocal } from '../core/time.js';
import type { Catalog, CatalogSnapshot } from '../catalog/catalog.js';
import { nearestWithLiaison } from '../catalog/zone-resolver.js';
import { parentOf, zoneLabel } from '../catalog/zone-tree.js';
import { queueNotice, renderNotice } from '../outbox/liaison-notice.js';
import { calendarOf } from '../catalog/calendar-of.js';
import type { OfficeHours } from '../catalog/calendar.js';
import { nextEscalation, type SupervisionPolicy } from './deadlines.js';
import { askSurvey } from './return-visit.js';
import { moveCaseDeadline } from './deadline-override.js';
import { eventSql } from '../core/case-event.js';
import { AWAITING_CONFIRMATION } from '../knowledge/awaiting.js';

const CLAIM = `
  UPDATE case_timer SET fired_at = now()
  WHERE id = $1 AND fired_at IS NULL AND cancelled_at IS NULL AND due_at <= now() + interval '1 second'
  RETURNING id, case_id, kind, detail`;

const CASE = `
  SELECT c.id, c.case_no, c.status, c.urgent, c.confidential, c.zone_id, c.liaison_id, c.deadline_at, cat.name_zh AS category_zh, c.origin_channel, c.reply_channel, c.reply_address,
         coalesce(m.body, '') AS text, coalesce(m.meta #> '{sender,identities}', '[]') AS sender
  FROM "case" c JOIN category cat ON cat.code = c.category_code
  LEFT JOIN LATERAL (SELECT body, meta FROM message WHERE case_id = c.id AND direction = 'in' ORDER BY id LIMIT 1) m ON true
  WHERE c.id = $1 FOR UPDATE OF c`;

interface CaseRow {
  id: number;
  case_no: string;
  status: string;
  urgent: boolean;
  /** A complaint about officials, held by the supervisory body: it never climbs the zone tree. */
  confidential: boolean;
  zone_id: number;
  liaison_id: number | null;
  deadline_at: Date;
  category_zh: string;
  origin_channel: ChannelName;
  reply_channel: ChannelName;
  reply_address: string | null;
  text: string;
  sender: { kind: string; address: string }[];
}

export type FireOutcome = 'not_due' | 'settled' | 'reminded' | 'escalated' | 'at_top' | 'surveyed' | 'no_response' | 'not_surveyed' | 'closed';

export class Supervisor {
  constructor(private readonly deps: { pool: pg.Pool; catalog: Catalog; office: OfficeHours; policy: SupervisionPolicy }) {}

  /** Fires one timer if it is due and not fired yet. */
  async fire(timerId: number): Promise<FireOutcome> {
    return inTransaction(this.deps.pool, async (client) => {
      const { rows } = await client.query<{ id: number; case_id: number; kind: string; detail: { share?: number; reminder?: number } }>(CLAIM, [timerId]);
      const timer = rows[0];
      if (!timer) return 'not_due';
      const kase = (await client.query<CaseRow>(CASE, [timer.case_id])).rows[0]!;
      const done = ['answered', 'closed'].includes(kase.status);
      if (timer.kind === 'return_visit' || timer.kind === 'survey_reminder') return this.returnVisit(client, kase, done, timer.detail.reminder ?? 0);
      if (timer.kind === 'survey_close') return this.closeSurvey(client, kase);
      if (timer.kind === 'knowledge_expiry') return this.closeUnconfirmed(client, kase);
      if (done) return 'settled';
      if (timer.kind === 'reminder') return this.remind(client, kase, timer.id, timer.detail.share ?? 0);
      return this.escalate(client, kase, timer.id, timer.kind === 'deadline');
    });
  }

  /**
   * A new deadline for a case (an admin's override): its pending reminders and deadline timer are
   * cancelled and planned again against the new deadline, and the change is audited, in one
   * transaction. Returns false for an unknown case.
   */
  async moveDeadline(caseNo: string, deadline: Date, actor: string): Promise<boolean> {
    const calendar = calendarOf(await this.deps.catalog.get(), this.deps.office);
    return inTransaction(this.deps.pool, async (client) => {
      if (!(await moveCaseDeadline(client, { calendar, policy: this.deps.policy }, { caseNo, deadlineAt: deadline, actor }))) return false;
      await audit(client, { actor, action: 'case.deadline', subjectType: 'case', subjectId: caseNo, detail: { deadlineAt: deadline.toISOString() } });
      return true;
    });
  }

  /** Asks the resident (reminder 0), or reminds them (1, 2); after the second reminder, a last wait before "no response". */
  private async returnVisit(db: pg.PoolClient, kase: CaseRow, done: boolean, reminder: number): Promise<FireOutcome> {
    if (!done) return 'settled'; // reopened since: the visit waits for the next answer
    const { rows } = await db.query<{ answer: string | null }>('SELECT answer FROM survey WHERE case_id = $1', [kase.id]);
    if (rows[0]?.answer) return 'settled';
    if (!(await askSurvey(db, kase, reminder))) {
      await db.query(
        `INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('return_visit_skipped')}, 'system:return_visit', '{"reason": "no contact address"}')`,
        [kase.id],
      );
      return 'not_surveyed';
    }
    if (reminder === 0)
      await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('return_visit')}, 'system:return_visit', $2)`, [
        kase.id,
        { channel: kase.reply_channel },
      ]);
    const calendar = calendarOf(await this.deps.catalog.get(), this.deps.office);
    const next = calendar.addWorkingMinutes(new Date(), this.deps.policy.surveyReminderHours * 60);
    await db.query('INSERT INTO case_timer (case_id, kind, due_at, detail) VALUES ($1, $2, $3, $4)', [
      kase.id,
      reminder < 2 ? 'survey_reminder' : 'survey_close',
      next,
      { reminder: reminder + 1 },
    ]);
    return 'surveyed';
  }

  private async closeSurvey(db: pg.PoolClient, kase: CaseRow): Promise<FireOutcome> {
    const { rowCount } = await db.query(`UPDATE survey SET answer = 'no_response', answered_at = now() WHERE case_id = $1 AND answer IS NULL`, [kase.id]);
    if (!rowCount) return 'settled';
    await db.query(
      `INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('surveyed')}, 'system:return_visit', '{"answer": "no_response"}')`,
      [kase.id],
    );
    return 'no_response';
  }

  /** No word from the resident on an answer from the knowledge base: the case closes as answered. */
  private async closeUnconfirmed(db: pg.PoolClient, kase: CaseRow): Promise<FireOutcome> {
    const { rowCount } = await db.query(
      `UPDATE "case" c SET status = 'closed', closed_at = now(), updated_at = now() WHERE c.id = $1 AND ${AWAITING_CONFIRMATION}`,
      [kase.id],
    );
    if (!rowCount) return 'settled';
    await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('knowledge_unconfirmed')}, 'system:knowledge', '{}')`, [
      kase.id,
    ]);
    return 'closed';
  }

  private async remind(db: pg.PoolClient, kase: CaseRow, timerId: number, share: number): Promise<FireOutcome> {
    await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('reminded')}, 'system:deadline', $2)`, [kase.id, { share }]);
    if (kase.liaison_id) {
      const body = `【催办】案件${kase.case_no}已用去办理时限的${Math.round(share * 100)}%，请在${formatLocal(kase.deadline_at, this.deps.office.timeZone)}前办结答复。`;
      await queueNotice(db, kase.id, kase.liaison_id, body, `timer:${timerId}`);
    }
    return 'reminded';
  }

  /** Overdue: up one level, to that level's liaison (or the nearest above it), and the next escalation scheduled. */
  private async escalate(db: pg.PoolClient, kase: CaseRow, timerId: number, atDeadline: boolean): Promise<FireOutcome> {
    const catalog = await this.deps.catalog.get();
    if (atDeadline) {
      await db.query(`UPDATE "case" SET overdue_at = now(), updated_at = now() WHERE id = $1`, [kase.id]);
      await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('overdue')}, 'system:deadline', '{}')`, [kase.id]);
    }
    const zone = catalog.zonesById.get(kase.zone_id);
    if (kase.confidential) {
      // 信访工作条例 Art. 30: the zones above are the accused's own chain. The supervisory body's liaison is told again.
      if (kase.liaison_id) await this.notify(db, kase, kase.liaison_id, catalog, '逾期未办结（监督案件，不向责任区上报）', `timer:${timerId}`);
      return 'at_top';
    }
    const parent = zone && parentOf(zone, catalog);
    if (!zone || !parent) {
      // At the top already: the district's liaison hears of it again, and nothing higher is scheduled.
      if (kase.liaison_id) await this.notify(db, kase, kase.liaison_id, catalog, '逾期未办结，已在区级', `timer:${timerId}`);
      return 'at_top';
    }
    const handler = nearestWithLiaison(parent, catalog);
    await db.query(`UPDATE "case" SET zone_id = $2, liaison_id = $3, escalations = escalations + 1, updated_at = now() WHERE id = $1`, [
      kase.id,
      parent.id,
      handler?.liaisonId ?? null,
    ]);
    await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('escalated')}, 'system:deadline', $2)`, [
      kase.id,
      { from: zone.code, to: parent.code, reason: 'overdue' },
    ]);
    const moved = { ...kase, zone_id: parent.id };
    if (handler?.liaisonId)
      await this.notify(db, moved, handler.liaisonId, catalog, `逾期未办结，自动上报（原责任区：${zoneLabel(zone, catalog)}）`, `timer:${timerId}`);
    const calendar = calendarOf(catalog, this.deps.office);
    await db.query(`INSERT INTO case_timer (case_id, kind, due_at) VALUES ($1, 'escalation', $2)`, [
      kase.id,
      nextEscalation(calendar, this.deps.policy, new Date(), kase.urgent),
    ]);
    return 'escalated';
  }

  private async notify(db: pg.PoolClient, kase: CaseRow, liaisonId: number, catalog: CatalogSnapshot, note: string, dedupeKey: string): Promise<void> {
    const zone = catalog.zonesById.get(kase.zone_id);
    const body = renderNotice({
      reason: 'escalated',
      caseNo: kase.case_no,
      categoryZh: kase.category_zh,
      zoneName: zone ? zoneLabel(zone, catalog) : '',
      deadline: kase.deadline_at,
      timeZone: this.deps.office.timeZone,
      text: kase.text,
      from: maskedSender(kase.sender),
      urgent: kase.urgent,
      note,
    });
    await queueNotice(db, kase.id, liaisonId, body, dedupeKey);
  }
}
