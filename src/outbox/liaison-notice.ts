/**
 * What a liaison's chat shows when a case reaches them (new, transferred or
 * escalated): case number, category, zone, deadline, the text, and the
 * resident masked (138****1234), never in full: numbers, ID card numbers and
 * email addresses typed into the text are masked too (src/core/mask.ts).
 */
import { formatLocal } from '../core/time.js';
import { maskText } from '../core/mask.js';
import type { Queryable } from '../store/db.js';
import { kindSql } from '../core/message.js';

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

export interface NoticeRequest {
  caseId: number;
  liaisonId: number;
  body: string;
  /** Unique per purpose; each chat's row adds `:<channel>:<address>`. */
  dedupeKey: string;
}

/**
 * Queues each notice to every chat its liaison has bound. Messages to staff
 * carry meta.liaisonId, which keeps them out of the resident's lookup.
 */
const QUEUE_NOTICES = `
  WITH chats AS MATERIALIZED (
    SELECT n.*, c.channel, c.address, n.dedupe_key || ':' || c.channel || ':' || c.address AS chat_key,
           nextval(pg_get_serial_sequence('message', 'id'))::int AS id
    FROM jsonb_to_recordset($1::jsonb) AS n(case_id int, liaison_id int, body text, dedupe_key text)
    JOIN liaison_chat c ON c.liaison_id = n.liaison_id AND c.revoked_at IS NULL
  ),
  box AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT id, case_id, ${kindSql('liaison_notice')}, chat_key, channel, address FROM chats
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING message_id
  )
  INSERT INTO message (id, direction, channel, case_id, body, status, meta)
  SELECT chats.id, 'out', chats.channel, chats.case_id, chats.body, 'pending', jsonb_build_object('liaisonId', chats.liaison_id)
  FROM chats JOIN box ON box.message_id = chats.id`;

/** Returns how many chats were notified. */
export async function queueNotices(db: Queryable, notices: readonly NoticeRequest[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = notices.map((n) => ({ case_id: n.caseId, liaison_id: n.liaisonId, body: n.body, dedupe_key: n.dedupeKey }));
  const { rowCount } = await db.query(QUEUE_NOTICES, [JSON.stringify(rows)]);
  return rowCount ?? 0;
}

/** Returns how many chats were notified. */
export async function queueNotice(db: Queryable, caseId: number, liaisonId: number, body: string, dedupeKey: string): Promise<number> {
  return queueNotices(db, [{ caseId, liaisonId, body, dedupeKey }]);
}
