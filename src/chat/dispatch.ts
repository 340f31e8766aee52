/**
 * One message to one of the office's chat accounts (Telegram, WeChat), sorted
 * out the same way whatever the app: a bind code binds a liaison's account;
 * a bound liaison's text is a command for the liaison desk; anything else is
 * a resident: a status question, a reply-channel choice, or a message for
 * intake. An unbound account never sees case data beyond its own cases.
 */
import type pg from 'pg';
import type { ChannelName, InboundMessage } from '../core/message.js';
import { inTransaction, type Queryable } from '../store/db.js';
import type { Acceptor } from '../intake/accept.js';
import { queueSend } from '../outbox/queue.js';
import { bindChat, liaisonOfChat } from '../liaisons/binding.js';
import type { LiaisonDesk } from '../liaisons/desk.js';
import { parseCommand } from '../liaisons/commands.js';
import { RESIDENT_HELP, residentCommand, setReplyChannel, statusText } from './resident.js';

export interface ChatMessage {
  channel: ChannelName;
  chatId: string;
  /** The app's id for this update or message: the idempotency key. */
  updateId: string;
  text: string;
  language: 'zh' | 'en';
  /** The app's id of the message this one replies to (Telegram's reply_to_message), if any. */
  replyToMessageId?: string;
  /** The resident's message for intake; built only when needed (it may download photos). */
  toInbound(): Promise<InboundMessage>;
}

const BIND = /^\/?(?:bind|start|绑定)\s+(\d{8})$/i;

export class ChatDispatcher {
  constructor(private readonly deps: { pool: pg.Pool; acceptor: Acceptor; desk: LiaisonDesk }) {}

  async handle(m: ChatMessage): Promise<void> {
    const { pool } = this.deps;
    const answer = (body: string, purpose: string, db: Queryable = pool) =>
      queueSend(db, { channel: m.channel, to: m.chatId, body, kind: 'chat_answer', dedupeKey: `${purpose}:${m.channel}:${m.updateId}` });

    const code = BIND.exec(m.text.trim())?.[1];
    if (code) {
      // With its answer: a redelivered update must not find the code used and say it is invalid.
      await inTransaction(pool, async (tx) => {
        const liaison = await bindChat(tx, m.channel, m.chatId, code);
        await answer(liaison ? `绑定成功：${liaison.name}。新案件会发到这里；发送「帮助」查看命令。` : '绑定码无效或已过期，请向管理员重新申请。', 'bind', tx);
      });
      return;
    }
    const liaison = await liaisonOfChat(pool, m.channel, m.chatId);
    if (liaison) {
      await this.deps.desk.handle(liaison, m.text, { channel: m.channel, chatId: m.chatId, updateId: m.updateId, replyToCaseNo: await this.repliedCase(m) });
      return;
    }
    // A stranger trying a liaison's command on a case learns nothing about it, and opens no case.
    if ('caseNo' in parseCommand(m.text)) {
      await answer(m.language === 'en' ? "This command is for the district's liaisons only." : '该命令仅限已绑定的民情联络员使用。', 'refused');
      return;
    }
    switch (residentCommand(m.text)) {
      case 'status':
        return void (await answer(await statusText(pool, m.channel, m.chatId, m.language), 'status'));
      case 'help':
        return void (await answer(RESIDENT_HELP[m.language], 'help'));
      case 'reply_by_sms':
        return void (await answer(await setReplyChannel(pool, m.channel, m.chatId, 'sms', m.language), 'prefer'));
      case 'reply_here':
        return void (await answer(await setReplyChannel(pool, m.channel, m.chatId, 'chat', m.language), 'prefer'));
      default:
        // A redelivered update is stored already: don't fetch its photo again.
        if (await this.stored(m)) return;
        await this.deps.acceptor.accept(await m.toInbound(), { reserveCaseNo: false });
    }
  }

  private async stored(m: ChatMessage): Promise<boolean> {
    const { rowCount } = await this.deps.pool.query('SELECT 1 FROM message WHERE channel = $1 AND provider_message_id = $2', [m.channel, m.updateId]);
    return (rowCount ?? 0) > 0;
  }

  /** The case of the notice (or answer) a liaison replied to, found by the id the app gave our send. */
  private async repliedCase(m: ChatMessage): Promise<string | null> {
    if (!m.replyToMessageId) return null;
    const { rows } = await this.deps.pool.query<{ case_no: string }>(
      `SELECT c.case_no FROM outbox o JOIN "case" c ON c.id = o.case_id
       WHERE o.channel = $1 AND o.to_address = $2 AND o.provider_id = $3 LIMIT 1`,
      [m.channel, m.chatId, m.replyToMessageId],
    );
    return rows[0]?.case_no ?? null;
  }
}
