/**
 * The work done on a case by the people who handle it: a note, an answer to
 * the resident, resolving it, transferring or escalating it, sending it to the
 * joint meeting. One service for every way in: a liaison's chat command
 * (src/liaisons/desk.ts) and, later, the staff console call the same methods,
 * so the same act has the same effects, events and notices whichever way it came.
 *
 * Each method runs in the caller's transaction (with the case locked by
 * `caseForLiaison`/`lockCase`) and returns what happened, not words: the
 * caller says it in its own medium. `key` makes a repeated request (a
 * redelivered chat update, a double click) queue nothing twice.
 */
import type pg from 'pg';
import { maskedSender } from '../core/contact-address.js';
import type { CaseStatus } from '../core/case-status.js';
import type { CaseEventType } from '../core/case-event.js';
import type { ChannelName } from '../core/message.js';
import type { Catalog, ZoneInfo } from '../catalog/catalog.js';
import type { OfficeHours } from '../catalog/calendar.js';
import { nearestWithLiaison } from '../catalog/zone-resolver.js';
import { parentOf, zoneLabel } from '../catalog/zone-tree.js';
import { queueNotice, renderNotice, type NoticeReason } from '../outbox/liaison-notice.js';
import { settleCase } from '../supervision/settle.js';
import { returnVisitAt } from '../supervision/return-visit.js';
import { scopeCondition, type CaseScope } from '../cases/scope.js';
import { deliverReply, routeReply, type ReplyKind, type ReplyRoute } from './reply-delivery.js';

export interface CaseRow {
  id: number;
  case_no: string;
  status: CaseStatus;
  urgent: boolean;
  zone_id: number;
  liaison_id: number | null;
  category_zh: string;
  deadline_at: Date;
  reply_channel: ChannelName;
  reply_address: string | null;
  contact_id: number | null;
  text: string;
  sender: { kind: string; address: string }[];
  /** Whether the one asking may act on it (see caseForLiaison). */
  allowed: boolean;
}

/** Who acts, as the timeline records them, and the request's key. */
export interface Act {
  /** `liaison:<id>` or `user:<id>`. */
  actor: string;
  /** The name shown to other liaisons in notices and in the timeline. */
  name: string;
  /** Unique per request, e.g. `telegram:<update id>`. */
  key: string;
}

export type MoveOutcome = { done: true; zone: ZoneInfo; label: string } | { done: false; why: 'unknown_zone' | 'same_zone' | 'at_top'; label?: string };

/**
 * The case, and whether the one asking may act on it (src/cases/scope.ts: a liaison's zones and below, or
 * assigned to them; a confidential case only to the liaison it is assigned to). Locked for the transaction.
 */
const LOCK_CASE = (allowed: string) => `
  SELECT c.id, c.case_no, c.status, c.urgent, c.zone_id, c.liaison_id, cat.name_zh AS category_zh, c.deadline_at,
         c.reply_channel, c.reply_address, c.contact_id, coalesce(m.body, '') AS text, coalesce(m.meta #> '{sender,identities}', '[]') AS sender,
         ${allowed} AS allowed
  FROM "case" c
  JOIN category cat ON cat.code = c.category_code
  LEFT JOIN LATERAL (SELECT body, meta FROM message WHERE case_id = c.id AND direction = 'in' ORDER BY id LIMIT 1) m ON true
  WHERE c.case_no = $1
  FOR UPDATE OF c`;

/** The case, locked, and whether `scope` may act on it; null when there is no such case. */
export async function lockCase(db: pg.PoolClient, caseNo: string, scope: CaseScope): Promise<CaseRow | null> {
  const values: unknown[] = [caseNo];
  const allowed = scopeCondition(scope, 'c', values);
  const { rows } = await db.query<CaseRow>(LOCK_CASE(allowed), values);
  return rows[0] ?? null;
}

export async function caseForLiaison(db: pg.PoolClient, caseNo: string, liaisonId: number): Promise<CaseRow | null> {
  return lockCase(db, caseNo, { kind: 'liaison', liaisonId });
}

export class CaseWork {
  constructor(private readonly deps: { catalog: Catalog; timeZone: string; returnVisit: { office: OfficeHours; afterHours: number } }) {}

  async note(db: pg.PoolClient, kase: CaseRow, act: Act, text: string): Promise<void> {
    await event(db, kase, 'note', act.actor, { text, by: act.name });
  }

  /** An answer to the resident; the case is in progress from then on. */
  async reply(db: pg.PoolClient, kase: CaseRow, act: Act, text: string): Promise<ReplyRoute> {
    const delivery = await answerResident(db, kase, `【答复】案件${kase.case_no}：${text}`, act, 'answer');
    await event(db, kase, 'replied', act.actor, { text, by: act.name, delivery: delivery.detail });
    await db.query(`UPDATE "case" SET status = 'in_progress', updated_at = now() WHERE id = $1 AND status IN ('registered', 'accepted', 'reopened')`, [
      kase.id,
    ]);
    return delivery.route;
  }

  /** The result to the resident; the case closes and its return visit is planned. */
  async resolve(db: pg.PoolClient, kase: CaseRow, act: Act, summary: string): Promise<ReplyRoute> {
    const delivery = await answerResident(db, kase, `【办结】案件${kase.case_no}：${summary}`, act, 'resolution');
    await event(db, kase, 'resolved', act.actor, { summary, by: act.name, delivery: delivery.detail });
    await db.query(`UPDATE "case" SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`, [kase.id]);
    const { office, afterHours } = this.deps.returnVisit;
    await settleCase(db, kase.id, await returnVisitAt(this.deps.catalog, office, afterHours));
    return delivery.route;
  }

  /** Up one level (or to the joint meeting convened there, the case staying in its zone). */
  async escalate(db: pg.PoolClient, kase: CaseRow, act: Act, joint: boolean, reason: string): Promise<MoveOutcome> {
    const catalog = await this.deps.catalog.get();
    const zone = catalog.zonesById.get(kase.zone_id);
    const parent = zone && parentOf(zone, catalog);
    if (joint) {
      await db.query(
        `UPDATE "case" SET joint_meeting = true, tags = array_append(array_remove(tags, '联席会议'), '联席会议'), updated_at = now() WHERE id = $1`,
        [kase.id],
      );
      await event(db, kase, 'sent_to_joint_meeting', act.actor, { reason, by: act.name });
      const convener = parent ? nearestWithLiaison(parent, catalog) : undefined;
      if (convener?.liaisonId) await this.notify(db, kase, convener.liaisonId, 'joint_meeting', `${act.name}：${reason || '需多部门联合办理'}`, act);
      return convener ? { done: true, zone: convener, label: zoneLabel(convener, catalog) } : { done: true, zone: zone!, label: '' };
    }
    if (!parent) return { done: false, why: 'at_top' };
    return this.transfer(db, kase, act, parent.code, reason, 'escalated');
  }

  /** Hands the case to another zone (its liaison, or the nearest one above it) and tells them. */
  async transfer(
    db: pg.PoolClient,
    kase: CaseRow,
    act: Act,
    zoneCode: string,
    why: string,
    reason: 'transferred' | 'escalated' = 'transferred',
  ): Promise<MoveOutcome> {
    const catalog = await this.deps.catalog.get();
    const target = catalog.zonesByCode.get(zoneCode);
    if (!target?.active) return { done: false, why: 'unknown_zone' };
    if (target.id === kase.zone_id) return { done: false, why: 'same_zone', label: zoneLabel(target, catalog) };
    const handler = nearestWithLiaison(target, catalog);
    const from = catalog.zonesById.get(kase.zone_id);
    await db.query('UPDATE "case" SET zone_id = $2, liaison_id = $3, updated_at = now() WHERE id = $1', [kase.id, target.id, handler?.liaisonId ?? null]);
    await event(db, kase, reason, act.actor, { from: from?.code ?? null, to: target.code, reason: why, by: act.name });
    if (handler?.liaisonId) {
      await this.notify(
        db,
        { ...kase, zone_id: target.id },
        handler.liaisonId,
        reason,
        `${act.name}：${why || (reason === 'escalated' ? '请上级协调' : '请接办')}`,
        act,
      );
    }
    return { done: true, zone: target, label: zoneLabel(target, catalog) };
  }

  private async notify(db: pg.PoolClient, kase: CaseRow, liaisonId: number, reason: NoticeReason, note: string, act: Act): Promise<void> {
    const catalog = await this.deps.catalog.get();
    const zone = catalog.zonesById.get(kase.zone_id);
    const body = renderNotice({
      reason,
      caseNo: kase.case_no,
      categoryZh: kase.category_zh,
      zoneName: zone ? zoneLabel(zone, catalog) : '',
      deadline: kase.deadline_at,
      timeZone: this.deps.timeZone,
      text: kase.text,
      from: maskedSender(kase.sender),
      urgent: kase.urgent,
      note,
    });
    await queueNotice(db, kase.id, liaisonId, body, `notice:${act.key}:${liaisonId}`);
  }
}

async function event(db: pg.PoolClient, kase: CaseRow, type: CaseEventType, actor: string, detail: Record<string, unknown>): Promise<void> {
  await db.query('INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, $2, $3, $4)', [kase.id, type, actor, JSON.stringify(detail)]);
}

/**
 * On the resident's reply channel through the outbox, another of theirs where that one cannot deliver,
 * or kept for the lookup only (src/liaisons/reply-delivery.ts). The timeline's event keeps the route and
 * the send's key, by which a final failure finds the liaison to tell.
 */
async function answerResident(db: pg.PoolClient, kase: CaseRow, body: string, act: Act, kind: ReplyKind) {
  const route = await routeReply(db, kase);
  const send = `${kind}:${act.key}`;
  await deliverReply(db, route, { caseId: kase.id, body, kind, dedupeKey: send });
  // What the timeline keeps: where it went and why, not the address.
  const { to: _to, ...where } = route.status === 'queued' ? route : { ...route, to: null };
  return { route, detail: { ...where, ...(route.status === 'queued' ? { send } : {}) } };
}
