/**
 * A liaison working their cases from chat: list, show, reply to the resident,
 * resolve, transfer, escalate (or send to the joint meeting), note. Every
 * command answers in words, including when it is refused; a liaison acts only
 * on cases in their own zones (and below) or assigned to them, and every
 * refusal and every read of a case is audited.
 *
 * A command and its effects commit together with the chat update's id, so a
 * redelivered update changes nothing twice. The work itself is CaseWork's
 * (src/liaisons/case-work.ts), the same for chat and console; this desk turns
 * chat text into calls and outcomes into words.
 *
 * Commands run inside the webhook request, not through the intake queue, on
 * purpose: a liaison waits for the answer in their chat, a command is one short
 * transaction on rows the liaison names, and nothing in it calls a provider
 * (answers to residents and notices go through the outbox). Telegram and the
 * WeChat puppet redeliver an update whose request failed, and the chat_update
 * row makes that redelivery a no-op once it succeeded.
 */
import type pg from 'pg';
import { maskedSender } from '../core/contact-address.js';
import type { ChannelName } from '../core/message.js';
import { maskText } from '../core/mask.js';
import { STATUS_LABELS, type CaseStatus } from '../core/case-status.js';
import { formatLocal } from '../core/time.js';
import { queueSend } from '../outbox/queue.js';
import type { Catalog } from '../catalog/catalog.js';
import { zoneLabel } from '../catalog/zone-tree.js';
import { audit } from '../store/audit.js';
import { liaisonScopeSql } from '../cases/scope.js';
import { inTransaction } from '../store/db.js';
import { HELP_TEXT, parseCommand, type Command } from './commands.js';
import { channelName, deliveryText } from './reply-delivery.js';
import { CaseWork, caseForLiaison, type CaseRow, type MoveOutcome } from './case-work.js';
import type { BoundLiaison } from './binding.js';
import type { Config } from '../config.js';
import { officeHoursOf, type OfficeHours } from '../catalog/calendar.js';

export interface ChatContext {
  channel: ChannelName;
  /** The liaison's chat id on that channel: where the answer goes. */
  chatId: string;
  /** The channel's id for this update: a second delivery is ignored. */
  updateId: string;
  /** The case of the notice the liaison replied to (Telegram's reply-to), if any. */
  replyToCaseNo?: string | null;
}

const OPEN_CASES_OF_LIAISON = `
  SELECT c.case_no, c.status, c.urgent, c.deadline_at, cat.name_zh AS category_zh, c.zone_id
  FROM "case" c JOIN category cat ON cat.code = c.category_code
  WHERE c.status <> 'closed' AND ${liaisonScopeSql('c', '$1::int')}
  ORDER BY c.urgent DESC, c.deadline_at
  LIMIT 20`;

export class LiaisonDesk {
  private readonly work: CaseWork;

  constructor(private readonly deps: { pool: pg.Pool; catalog: Catalog; timeZone: string; returnVisit: { office: OfficeHours; afterHours: number } }) {
    this.work = new CaseWork(deps);
  }

  static fromConfig(config: Config, pool: pg.Pool, catalog: Catalog): LiaisonDesk {
    return new LiaisonDesk({
      pool,
      catalog,
      timeZone: config.OFFICE_TIME_ZONE,
      returnVisit: { office: officeHoursOf(config), afterHours: config.RETURN_VISIT_AFTER_HOURS },
    });
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
      await queueSend(client, {
        channel: chat.channel,
        to: chat.chatId,
        body: answer,
        kind: 'liaison_answer',
        dedupeKey: `liaison_answer:${chat.channel}:${chat.updateId}`,
      });
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
    const kase = await caseForLiaison(db, command.caseNo, liaison.id);
    if (!kase) return `没有编号为 ${command.caseNo} 的案件。`;
    if (!kase.allowed) {
      await audit(db, {
        actor,
        action: 'liaison.refused',
        subjectType: 'case',
        subjectId: kase.case_no,
        detail: { command: command.name, channel: chat.channel },
      });
      return `案件 ${kase.case_no} 不在您负责的责任区，不能${VERBS[command.name]}。`;
    }
    const act = { actor, name: liaison.name, key: `${chat.channel}:${chat.updateId}` };
    switch (command.name) {
      case 'show':
        await audit(db, { actor, action: 'case.read', subjectType: 'case', subjectId: kase.case_no, detail: { channel: chat.channel } });
        return this.describe(kase);
      case 'note':
        await this.work.note(db, kase, act, command.text);
        return `已为案件 ${kase.case_no} 添加内部备注（居民看不到）。`;
      case 'reply':
        return `已记录对案件 ${kase.case_no} 的答复。${deliveryText(await this.work.reply(db, kase, act, command.text))}`;
      case 'resolve':
        return `案件 ${kase.case_no} 已办结。${deliveryText(await this.work.resolve(db, kase, act, command.text), '办理结果')}`;
      case 'transfer':
        return movedText(kase.case_no, '转办', await this.work.transfer(db, kase, act, command.zoneCode, command.reason), command.zoneCode);
      case 'escalate': {
        const outcome = await this.work.escalate(db, kase, act, command.joint, command.reason);
        if (command.joint) return `案件 ${kase.case_no} 已提交联席会议${outcome.done && outcome.label ? `，已通知${outcome.label}` : ''}。`;
        return movedText(kase.case_no, '上报', outcome);
      }
    }
  }

  private async list(db: pg.PoolClient, liaison: BoundLiaison): Promise<string> {
    const catalog = await this.deps.catalog.get();
    const { rows } = await db.query<{ case_no: string; status: CaseStatus; urgent: boolean; deadline_at: Date; category_zh: string; zone_id: number }>(
      OPEN_CASES_OF_LIAISON,
      [liaison.id],
    );
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
}

const VERBS: Record<string, string> = { show: '查看', note: '备注', reply: '答复', resolve: '办结', transfer: '转办', escalate: '上报' };

function movedText(caseNo: string, verb: string, outcome: MoveOutcome, zoneCode = ''): string {
  if (outcome.done) return `案件 ${caseNo} 已${verb}至${outcome.label}。`;
  if (outcome.why === 'unknown_zone') return `没有代码为「${zoneCode}」的责任区。`;
  if (outcome.why === 'same_zone') return `案件 ${caseNo} 已在${outcome.label}。`;
  return `案件 ${caseNo} 已在区级，无法再上报。`;
}
