/**
 * What a liaison's chat shows when a case reaches them (new, transferred or
 * escalated): case number, category, zone, deadline, the text, and the
 * resident masked (138****1234), never in full: numbers, ID card numbers and
 * email addresses typed into the text are masked too (src/core/mask.ts).
 */
import { formatLocal } from '../core/time.js';
import { maskText } from '../core/mask.js';
import type { Queryable } from '../store/db.js';

export type NoticeReason = 'new' | 'transferred' | 'escalated' | 'joint_meeting';

const HEADINGS: Record<NoticeReason, string> = {
  new: '新案件',
  transferred: '转办案件',
  escalated: '上报案件',
  joint_meeting: '提交联席会议',
};

export interface NoticeFacts {
  reason: NoticeReason;
  caseNo: string;
  categoryZh: string;
  zoneName: string;
  deadline: Date;
  timeZone: string;
  text: string;
  /** Already masked. */
  from: string;
  urgent: boolean;
  /** Why it was transferred or escalated, and by whom. */
  note?: string;
}

export function renderNotice(f: NoticeFacts): string {
  // Masked before it is cut, so a number cut in half cannot slip through unmasked.
  const text = maskText(f.text);
  return [
    `${f.urgent ? '【紧急】' : ''}【${HEADINGS[f.reason]}】${f.caseNo}`,
    `类别：${f.categoryZh}｜责任区：${f.zoneName}`,
    `期限：${formatLocal(f.deadline, f.timeZone)}｜来信人：${f.from}`,
    ...(f.note ? [`说明：${maskText(f.note)}`] : []),
    `内容：${text.length > 500 ? `${text.slice(0, 500)}…` : text}`,
    `直接回复本消息即答复居民；或发送：办结 ${f.caseNo} <办理结果>`,
  ].join('\n');
}

/**
 * Queues a notice to every chat the liaison has bound. Messages to staff carry
 * meta.liaisonId, which keeps them out of the resident's lookup.
 */
const QUEUE_NOTICE = `
  WITH chats AS (
    SELECT channel, address FROM liaison_chat WHERE liaison_id = $2 AND revoked_at IS NULL
  ),
  box AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT nextval(pg_get_serial_sequence('message', 'id')), $1, 'liaison_notice', $4 || ':' || channel || ':' || address, channel, address FROM chats
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING message_id, channel
  )
  INSERT INTO message (id, direction, channel, case_id, body, status, meta)
  SELECT message_id, 'out', channel, $1, $3, 'pending', jsonb_build_object('liaisonId', $2::int) FROM box`;

/** Returns how many chats were notified. */
export async function queueNotice(db: Queryable, caseId: number, liaisonId: number, body: string, dedupeKey: string): Promise<number> {
  const { rowCount } = await db.query(QUEUE_NOTICE, [caseId, liaisonId, body, dedupeKey]);
  return rowCount ?? 0;
}
