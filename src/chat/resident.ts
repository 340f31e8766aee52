/**
 * What a resident can ask a chat account besides reporting a problem: the
 * status of their cases (查询 /status), where answers should go (短信答复
 * /sms, 在此答复 /chat) and help. Every answer goes through the outbox.
 */
import type pg from 'pg';
import { STATUS_LABELS, type CaseStatus } from '../core/case-status.js';

export type ResidentCommand = 'status' | 'help' | 'reply_by_sms' | 'reply_here';

const PATTERNS: [ResidentCommand, RegExp][] = [
  ['status', /^\/?(status|查询|进度|查进度|我的案件)$/i],
  ['help', /^\/?(start|help|帮助|你好)$/i],
  ['reply_by_sms', /^\/?(sms|短信答复|用短信答复)$/i],
  ['reply_here', /^\/?(chat|here|在此答复|在这里答复)$/i],
];

export function residentCommand(text: string): ResidentCommand | null {
  const t = text.trim();
  return PATTERNS.find(([, p]) => p.test(t))?.[0] ?? null;
}

export const RESIDENT_HELP = {
  zh: '您好，这里是五华区民情联络服务。直接发送文字、照片或位置即可反映问题，我们会回复案件编号。\n发送「查询」看办理进度；「短信答复」改用短信答复；「在此答复」在这里答复。',
  en: "Hello, this is the Wuhua District residents' service. Send text, a photo or your location to report a problem; we reply with a case number.\nSend /status for progress, /sms to be answered by SMS, /chat to be answered here.",
};

/** The resident's latest cases on this chat account, newest first. */
export async function statusText(pool: pg.Pool, channel: string, chatId: string, language: 'zh' | 'en'): Promise<string> {
  const { rows } = await pool.query<{ case_no: string; status: CaseStatus; name_zh: string; name_en: string }>(
    `SELECT c.case_no, c.status, cat.name_zh, cat.name_en FROM channel_identity ci
     JOIN "case" c ON c.contact_id = ci.contact_id JOIN category cat ON cat.code = c.category_code
     WHERE ci.kind = $1 AND ci.address = $2 ORDER BY c.id DESC LIMIT 5`,
    [channel, chatId],
  );
  if (rows.length === 0) return language === 'en' ? 'You have no cases yet: just send us your message.' : '您还没有反映过问题，直接发送文字即可。';
  const lines = rows.map((r) =>
    language === 'en' ? `${r.case_no} · ${r.name_en} · ${STATUS_LABELS[r.status].en}` : `${r.case_no}｜${r.name_zh}｜${STATUS_LABELS[r.status].zh}`,
  );
  return [language === 'en' ? 'Your cases:' : '您的案件：', ...lines].join('\n');
}

/**
 * Moves the answers of the resident's open cases to SMS (needs a phone number
 * they shared) or back to this chat. Returns the answer to send.
 */
export async function setReplyChannel(pool: pg.Pool, channel: string, chatId: string, to: 'sms' | 'chat', language: 'zh' | 'en'): Promise<string> {
  const { rows } = await pool.query<{ phone: string | null; contact_id: number | null }>(
    `SELECT ci.contact_id, (SELECT address FROM channel_identity p WHERE p.contact_id = ci.contact_id AND p.kind = 'phone' ORDER BY id LIMIT 1) AS phone
     FROM channel_identity ci WHERE ci.kind = $1 AND ci.address = $2`,
    [channel, chatId],
  );
  const contact = rows[0];
  if (to === 'sms' && !contact?.phone) {
    return language === 'en' ? 'Share your phone number with us first, then send /sms again.' : '请先分享您的手机号（发送联系人名片），再发送「短信答复」。';
  }
  const [replyChannel, replyAddress] = to === 'sms' ? ['sms', contact!.phone!] : [channel, chatId];
  if (contact) {
    await pool.query(`UPDATE "case" SET reply_channel = $2, reply_address = $3, updated_at = now() WHERE contact_id = $1 AND status <> 'closed'`, [
      contact.contact_id,
      replyChannel,
      replyAddress,
    ]);
  }
  if (language === 'en') return to === 'sms' ? 'We will answer your open cases by SMS.' : 'We will answer your open cases here.';
  return to === 'sms' ? '好的，您未办结案件的答复将通过短信发送。' : '好的，您未办结案件的答复将在这里发送。';
}
