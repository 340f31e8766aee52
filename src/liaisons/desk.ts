/**
 * A liaison working their cases from chat: list, show, reply to the resident,
 * resolve, transfer, escalate (or send to the joint meeting), note. Every
 * command answers in words, including when it is refused; a liaison acts only
 * on cases in their own zones (and below) or assigned to them, and every
 * refusal and every read of a case is audited.
 *
 * A command and its effects commit together with the chat update's id, so a
 * redelivered update changes nothing twice.
 */
import type pg from 'pg';
import { maskedSender } from '../core/contact-address.js';
import { maskText } from '../core/mask.js';
import { STATUS_LABELS, type CaseStatus } from '../core/case-status.js';
import { formatLocal } from '../core/time.js';
import { queueSend } from '../outbox/queue.js';
import type { Catalog } from '../catalog/catalog.js';
import { nearestWithLiaison } from '../catalog/zone-resolver.js';
import { parentOf, zoneLabel } from '../catalog/zone-tree.js';
import { audit } from '../store/audit.js';
import { inTransaction } from '../store/db.js';
import { HELP_TEXT, parseCommand, type Command } from './commands.js';
import { channelName, deliverReply, deliveryText, routeReply } from './reply-delivery.js';
import type { BoundLiaison } from './binding.js';
import { queueNotice, renderNotice, type NoticeReason } from '../outbox/liaison-notice.js';
import type { Config } from '../config.js';
import { officeHoursOf, type OfficeHours } from '../catalog/calendar.js';
import { settleCase } from '../supervision/settle.js';
import { returnVisitAt } from '../supervision/return-visit.js';

export interface ChatContext {
  channel: string;
  /** The liaison's chat id on that channel: where the answer goes. */
  chatId: string;
  /** The channel's id for this update: a second delivery is ignored. */
  updateId: string;
  /** The case of the notice the liaison replied to (Telegram's reply-to), if any. */
  replyToCaseNo?: string | null;
}

interface CaseRow {
  id: number;
  case_no: string;
  status: CaseStatus;
  urgent: boolean;
  zone_id: number;
  liaison_id: number | null;
  category_zh: string;
  deadline_at: Date;
  reply_channel: string;
  reply_address: string | null;
  contact_id: number | null;
  text: string;
  sender: { kind: string; address: string }[];
  allowed: boolean;
}

/**
 * The case, and whether this liaison may act on it: their zones and below, or assigned to them.
 * A complaint about officials (confidential) only to the liaison it is assigned to: never to the
 * liaisons of the zones above the supervisory body.
 */
const CASE_FOR_LIAISON = `
  WITH RECURSIVE mine AS (
    SELECT id FROM zone WHERE liaison_id = $2
    UNION SELECT z.id FROM zone z JOIN mine ON z.parent_id = mine.id
  )
  SELECT c.id, c.case_no, c.status, c.urgent, c.zone_id, c.liaison_id, cat.name_zh AS category_zh, c.deadline_at,
         c.reply_channel, c.reply_address, c.contact_id, coalesce(m.body, '') AS text, coalesce(m.meta #> '{sender,identities}', '[]') AS sender,
         (c.liaison_id = $2 OR (c.zone_id IN (SELECT id FROM mine) AND NOT c.confidential)) AS allowed
  FROM "case" c
  JOIN category cat ON cat.code = c.category_code
  LEFT JOIN LATERAL (SELECT body, meta FROM message WHERE case_id = c.id AND direction = 'in' ORDER BY id LIMIT 1) m ON true
  WHERE c.case_no = $1
  FOR UPDATE OF c`;

const OPEN_CASES_OF_LIAISON = `
  WITH RECURSIVE mine AS (
    SELECT id FROM zone WHERE liaison_id = $1
    UNION SELECT z.id FROM zone z JOIN mine ON z.parent_id = mine.id
  )
  SELECT c.case_no, c.status, c.urgent, c.deadline_at, cat.name_zh AS category_zh, c.zone_id
  FROM "case" c JOIN category cat ON cat.code = c.category_code
  WHERE c.status <> 'closed' AND (c.liaison_id = $1 OR (c.zone_id IN (SELECT id FROM mine) AND NOT c.confidential))
  ORDER BY c.urgent DESC, c.deadline_at
  LIMIT 20`;

export class LiaisonDesk {
  constructor(
    private readonly deps: { pool: pg.Pool; catalog: Catalog; timeZone: string; returnVisit: { office: OfficeHours; afterHours: number } },
  ) {}

  static fromConfig(config: Config, pool: pg.Pool, catalog: Catalog): LiaisonDesk {
    return new LiaisonDesk({ pool, catalog, timeZone: config.OFFICE_TIME_ZONE, returnVisit: { office: officeHoursOf(config), afterHours: config.RETURN_VISIT_AFTER_HOURS } });
  }

  /** Runs one chat message from a bound liaison; the answer goes back to the chat through the outbox. */
  async handle(liaison: BoundLiaison, text: string, chat: ChatContext): Promise<void> {
    await inTransaction(this.deps.pool, async (client) => {
      const fresh = await client.query('INSERT INTO chat_update (channel, update_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [chat.channel, chat.updateId]);
      if (fresh.rowCount === 0) return; // handled before: a redelivered update
      // Plain text in reply to a case notice is a reply to that case's resident.
      // Plain text (anything that is not a command, phone numbers and all) in reply to a notice answers its resident.
      const parsed = parseCommand(text);
      const command: Command = chat.replyToCaseNo && parsed.name === 'unknown' ? { name: 'reply', caseNo: chat.replyToCaseNo, text: text.trim() } : parsed;
      const answer = await this.execute(client, liaison, command, chat);
      await queueSend(client, { channel: chat.channel, to: chat.chatId, body: answer, kind: 'liaison_answer', dedupeKey: `liaison_answer:${chat.channel}:${chat.updateId}` });
    });
  }

  private async execute(db: pg.PoolClient, liaison: BoundLiaison, command: Command, chat: ChatContext): Promise<string> {
    const actor = `liaison:${liaison.id}`;
    switch (command.name) {
      case 'help':
        return HELP_TEXT;
      case 'unknown':
        return `未识别的命令「${command.word}」。\n${HELP_TEXT}`;
      case 'incomplete':
        return `格式：${command.usage}`;
      case 'list':
        return this.list(db, liaison);
    }
    const kase = await this.caseFor(db, liaison, command.caseNo);
    if (!kase) return `没有编号为 ${command.caseNo} 的案件。`;
    if (!kase.allowed) {
      await audit(db, { actor, action: 'liaison.refused', subjectType: 'case', subjectId: kase.case_no, detail: { command: command.name, channel: chat.channel } });
      return `案件 ${kase.case_no} 不在您负责的责任区，不能${VERBS[command.name]}。`;
    }
    switch (command.name) {
      case 'show':
        await audit(db, { actor, action: 'case.read', subjectType: 'case', subjectId: kase.case_no, detail: { channel: chat.channel } });
        return this.describe(kase);
      case 'note':
        await this.event(db, kase, 'note', actor, { text: command.text, by: liaison.name });
        return `已为案件 ${kase.case_no} 添加内部备注（居民看不到）。`;
      case 'reply': {
        const delivery = await this.answerResident(db, kase, `【答复】案件${kase.case_no}：${command.text}`, chat, 'answer');
        await this.event(db, kase, 'replied', actor, { text: command.text, by: liaison.name, delivery: delivery.detail });
        await db.query(`UPDATE "case" SET status = 'in_progress', updated_at = now() WHERE id = $1 AND status IN ('registered', 'accepted', 'reopened')`, [kase.id]);
        return `已记录对案件 ${kase.case_no} 的答复。${deliveryText(delivery.route)}`;
      }
      case 'resolve': {
        const delivery = await this.answerResident(db, kase, `【办结】案件${kase.case_no}：${command.text}`, chat, 'resolution');
        await this.event(db, kase, 'resolved', actor, { summary: command.text, by: liaison.name, delivery: delivery.detail });
        await db.query(`UPDATE "case" SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`, [kase.id]);
        const { office, afterHours } = this.deps.returnVisit;
        await settleCase(db, kase.id, await returnVisitAt(this.deps.catalog, office, afterHours));
        return `案件 ${kase.case_no} 已办结。${deliveryText(delivery.route, '办理结果')}`;
      }
      case 'transfer':
        return this.move(db, liaison, kase, command.zoneCode, 'transferred', command.reason, chat);
      case 'escalate':
        return this.escalate(db, liaison, kase, command.joint, command.reason, chat);
    }
  }

  private async caseFor(db: pg.PoolClient, liaison: BoundLiaison, caseNo: string): Promise<CaseRow | null> {
    const { rows } = await db.query<CaseRow>(CASE_FOR_LIAISON, [caseNo, liaison.id]);
    return rows[0] ?? null;
  }

  private async list(db: pg.PoolClient, liaison: BoundLiaison): Promise<string> {
    const catalog = await this.deps.catalog.get();
    const { rows } = await db.query<{ case_no: string; status: CaseStatus; urgent: boolean; deadline_at: Date; category_zh: string; zone_id: number }>(OPEN_CASES_OF_LIAISON, [liaison.id]);
    if (rows.length === 0) return '您负责的责任区暂无未办结案件。';
    const lines = rows.map((r) => {
      const zone = catalog.zonesById.get(r.zone_id);
      return `${r.urgent ? '🔴' : '•'} ${r.case_no}｜${r.category_zh}｜${zone ? zoneLabel(zone, catalog) : ''}｜${STATUS_LABELS[r.status].zh}｜期限 ${formatLocal(r.deadline_at, this.deps.timeZone)}`;
    });
    return [`未办结案件（${rows.length}）：`, ...lines, '发送「查看 <编号>」看详情。'].join('\n');
  }

  private async describe(kase: CaseRow): Promise<string> {
    const catalog = await this.deps.catalog.get();
    const zone = catalog.zonesById.get(kase.zone_id);
    const { rows: events } = await this.deps.pool.query<{ type: string; actor: string | null; at: Date }>(
      'SELECT type, actor, at FROM case_event WHERE case_id = $1 ORDER BY id DESC LIMIT 5',
      [kase.id],
    );
    return [
      `${kase.urgent ? '【紧急】' : ''}案件 ${kase.case_no}｜${STATUS_LABELS[kase.status].zh}`,
      `类别：${kase.category_zh}｜责任区：${zone ? zoneLabel(zone, catalog) : ''}`,
      `期限：${formatLocal(kase.deadline_at, this.deps.timeZone)}｜来信人：${maskedSender(kase.sender)}｜答复渠道：${channelName(kase.reply_channel)}`,
      `内容：${maskText(kase.text)}`,
      ...(events.length ? ['最近记录：', ...events.map((e) => `· ${formatLocal(e.at, this.deps.timeZone)} ${e.type}${e.actor ? `（${e.actor}）` : ''}`)] : []),
    ].join('\n');
  }

  /**
   * On the resident's reply channel through the outbox, another of theirs where that one cannot deliver,
   * or kept for the lookup only (src/liaisons/reply-delivery.ts). The timeline's event keeps the route and
   * the send's key, by which a final failure finds the liaison to tell.
   */
  private async answerResident(db: pg.PoolClient, kase: CaseRow, body: string, chat: ChatContext, kind: string) {
    const route = await routeReply(db, kase);
    const send = `${kind}:${chat.channel}:${chat.updateId}`;
    await deliverReply(db, route, { caseId: kase.id, body, kind, dedupeKey: send });
    // What the timeline keeps: where it went and why, not the address.
    const { to: _to, ...where } = route.status === 'queued' ? route : { ...route, to: null };
    return { route, detail: { ...where, ...(route.status === 'queued' ? { send } : {}) } };
  }

  private async event(db: pg.PoolClient, kase: CaseRow, type: string, actor: string, detail: Record<string, unknown>): Promise<void> {
    await db.query('INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, $2, $3, $4)', [kase.id, type, actor, JSON.stringify(detail)]);
  }

  private async escalate(db: pg.PoolClient, liaison: BoundLiaison, kase: CaseRow, joint: boolean, reason: string, chat: ChatContext): Promise<string> {
    const catalog = await this.deps.catalog.get();
    const zone = catalog.zonesById.get(kase.zone_id);
    const parent = zone && parentOf(zone, catalog);
    if (joint) {
      await db.query(`UPDATE "case" SET joint_meeting = true, tags = array_append(array_remove(tags, '联席会议'), '联席会议'), updated_at = now() WHERE id = $1`, [kase.id]);
      await this.event(db, kase, 'sent_to_joint_meeting', `liaison:${liaison.id}`, { reason, by: liaison.name });
      // The level above convenes the joint meeting; the case stays in its zone.
      const convener = parent ? nearestWithLiaison(parent, catalog) : undefined;
      if (convener?.liaisonId) await this.notify(db, kase, convener.liaisonId, 'joint_meeting', `${liaison.name}：${reason || '需多部门联合办理'}`, chat);
      return `案件 ${kase.case_no} 已提交联席会议${convener ? `，已通知${zoneLabel(convener, catalog)}` : ''}。`;
    }
    if (!parent) return `案件 ${kase.case_no} 已在区级，无法再上报。`;
    return this.move(db, liaison, kase, parent.code, 'escalated', reason, chat);
  }

  /** Hands the case to another zone (its liaison, or the nearest one above it) and tells them. */
  private async move(db: pg.PoolClient, liaison: BoundLiaison, kase: CaseRow, zoneCode: string, reason: 'transferred' | 'escalated', why: string, chat: ChatContext): Promise<string> {
    const catalog = await this.deps.catalog.get();
    const target = catalog.zonesByCode.get(zoneCode);
    if (!target?.active) return `没有代码为「${zoneCode}」的责任区。`;
    if (target.id === kase.zone_id) return `案件 ${kase.case_no} 已在${zoneLabel(target, catalog)}。`;
    const handler = nearestWithLiaison(target, catalog);
    const from = catalog.zonesById.get(kase.zone_id);
    await db.query('UPDATE "case" SET zone_id = $2, liaison_id = $3, updated_at = now() WHERE id = $1', [kase.id, target.id, handler?.liaisonId ?? null]);
    await this.event(db, kase, reason, `liaison:${liaison.id}`, { from: from?.code ?? null, to: target.code, reason: why, by: liaison.name });
    if (handler?.liaisonId) await this.notify(db, { ...kase, zone_id: target.id }, handler.liaisonId, reason, `${liaison.name}：${why || (reason === 'escalated' ? '请上级协调' : '请接办')}`, chat);
    return `案件 ${kase.case_no} 已${reason === 'escalated' ? '上报' : '转办'}至${zoneLabel(target, catalog)}。`;
  }

  private async notify(db: pg.PoolClient, kase: CaseRow, liaisonId: number, reason: NoticeReason, note: string, chat: ChatContext): Promise<void> {
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
    await queueNotice(db, kase.id, liaisonId, body, `notice:${chat.channel}:${chat.updateId}:${liaisonId}`);
  }
}

const VERBS: Record<string, string> = { show: '查看', note: '备注', reply: '答复', resolve: '办结', transfer: '转办', escalate: '上报' };
