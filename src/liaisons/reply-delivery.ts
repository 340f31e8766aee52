/**
 * How a liaison's answer (回复, 办结) can reach the resident, decided before
 * anything is queued, so the liaison is told only what happened:
 *
 * - on the case's reply channel, queued (its outcome is known only later;
 *   a final failure is told to the liaison by src/liaisons/reply-failures.ts);
 * - where that channel is known not to deliver (the number sent 退订/STOP, a
 *   landline caller the hotline cannot text, no address), on another channel
 *   the resident has written from (Telegram, WeChat, email, SMS to a mobile);
 * - else not sent at all: the answer is kept on the case, where the resident
 *   reads it in the lookup, and the liaison is told to reach them another way.
 */
import type pg from 'pg';
import type { ChannelName, OutboxKind } from '../core/message.js';
import { queueSend } from '../outbox/queue.js';
import { optedOutOfSms } from '../outbox/sms-opt-outs.js';

/** Why the case's own reply channel cannot carry the answer. */
export type Undeliverable = 'sms_opt_out' | 'landline' | 'no_address' | 'lookup_chosen';

export type ReplyRoute =
  | { status: 'queued'; channel: ChannelName; to: string; instead?: { channel: ChannelName; reason: Undeliverable } }
  | { status: 'not_sent'; channel: ChannelName; reason: Undeliverable };

/** A liaison's words to the resident: an answer (回复) or the result that closes the case (办结). */
export type ReplyKind = Extract<OutboxKind, 'answer' | 'resolution'>;

/** Channels an answer may fall back to, in order, from the kinds of a contact's identities. */
const FALLBACK: readonly { kind: string; channel: ChannelName }[] = [
  { kind: 'telegram', channel: 'telegram' },
  { kind: 'wechat', channel: 'wechat' },
  { kind: 'email', channel: 'email' },
  { kind: 'phone', channel: 'sms' },
];

const isMobile = (address: string) => /^\+861[3-9]\d{9}$/.test(address);

/** Why `channel` to `address` would not deliver, or null when it may. */
async function undeliverable(db: pg.PoolClient, channel: ChannelName, address: string | null): Promise<Undeliverable | null> {
  if (channel === 'web') return 'lookup_chosen';
  if (!address) return 'no_address';
  // The hotline calls back only for return visits; a landline gets no text.
  if (channel === 'voice') return 'landline';
  if (channel === 'sms' && (await optedOutOfSms(db, address))) return 'sms_opt_out';
  return null;
}

export async function routeReply(
  db: pg.PoolClient,
  kase: { reply_channel: ChannelName; reply_address: string | null; contact_id: number | null },
): Promise<ReplyRoute> {
  const reason = await undeliverable(db, kase.reply_channel, kase.reply_address);
  if (!reason) return { status: 'queued', channel: kase.reply_channel, to: kase.reply_address! };
  // A resident who chose the lookup is answered there, not on a channel they did not pick.
  if (reason !== 'lookup_chosen' && kase.contact_id !== null) {
    const { rows } = await db.query<{ kind: string; address: string }>('SELECT kind, address FROM channel_identity WHERE contact_id = $1 ORDER BY id DESC', [
      kase.contact_id,
    ]);
    for (const { kind, channel } of FALLBACK) {
      for (const identity of rows.filter((r) => r.kind === kind)) {
        if (channel === kase.reply_channel && identity.address === kase.reply_address) continue;
        if (channel === 'sms' && !isMobile(identity.address)) continue;
        if (!(await undeliverable(db, channel, identity.address)))
          return { status: 'queued', channel, to: identity.address, instead: { channel: kase.reply_channel, reason } };
      }
    }
  }
  return { status: 'not_sent', channel: kase.reply_channel, reason };
}

/**
 * Queues the answer on its route, or keeps it on the case unsent (a message
 * without an outbox row: the resident's lookup shows it, staff see it was not sent).
 */
export async function deliverReply(
  db: pg.PoolClient,
  route: ReplyRoute,
  r: { caseId: number; body: string; kind: ReplyKind; dedupeKey: string },
): Promise<void> {
  if (route.status === 'queued') {
    await queueSend(db, { channel: route.channel, to: route.to, body: r.body, kind: r.kind, caseId: r.caseId, dedupeKey: r.dedupeKey });
    return;
  }
  await db.query(`INSERT INTO message (direction, channel, case_id, body, status) VALUES ('out', $1, $2, $3, 'not_sent')`, [route.channel, r.caseId, r.body]);
}

export function channelName(channel: string): string {
  return ({ sms: '短信', voice: '电话', web: '网上查询', email: '邮件', telegram: 'Telegram', wechat: '微信' } as Record<string, string>)[channel] ?? channel;
}

/** Why an answer could not go on the reply channel, in words for staff. */
export const WHY_UNDELIVERABLE: Record<Undeliverable, string> = {
  sms_opt_out: '居民已退订短信（发过「退订」），收不到短信',
  landline: '居民是用固定电话来电的，收不到短信',
  no_address: '居民没有留下可以发送的联系方式',
  lookup_chosen: '居民选择在网上查询答复',
};

/** What the liaison is told about where the answer (`what`: 答复, 办理结果) went: only what has happened. */
export function deliveryText(route: ReplyRoute, what = '答复'): string {
  if (route.status === 'queued') {
    const queued = `已排队经${channelName(route.channel)}发给居民（是否送达稍后才知道，最终发送失败会再通知您）。`;
    return route.instead ? `${WHY_UNDELIVERABLE[route.instead.reason]}；${what}改为${queued}` : `${what}${queued}`;
  }
  const lookup = `${what}已记入案件，居民凭案件编号在网上查询中可以看到。`;
  if (route.reason === 'lookup_chosen') return `${WHY_UNDELIVERABLE[route.reason]}，未发送任何消息；${lookup}`;
  return `${WHY_UNDELIVERABLE[route.reason]}，这条${what}没有发出，居民不会收到${channelName(route.channel)}。${lookup}如需及时告知，请电话或上门联系居民（完整联系方式请向区民情办查询）。`;
}
