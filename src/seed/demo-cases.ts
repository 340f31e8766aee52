/**
 * A few residents' messages for the offline demo, so a newcomer who opens the console on
 * first start sees cases to work (and the pipeline that made them: stored, classified,
 * routed, receipted). They go through the real intake like any channel's message; their
 * fixed provider ids make a second load a no-op.
 */
import type { InboundMessage } from '../core/message.js';

interface DemoMessage {
  channel: InboundMessage['channel'];
  text: string;
  phone?: string;
  email?: string;
  name?: string;
  zoneCode?: string;
}

const DEMO_MESSAGES: DemoMessage[] = [
  { channel: 'web', text: '翠湖社区3栋楼道的路灯坏了一个星期了，晚上老人上下楼很不安全，请尽快修一下。', phone: '13800001234', zoneCode: 'wh-hs-ch-01' },
  { channel: 'sms', text: '钱局街小区门口的垃圾桶三天没人清运了，味道很大。', phone: '13900002345' },
  {
    channel: 'email',
    text: '您好，我家楼上每天晚上十一点以后还在装修，电钻声很吵，孩子没法睡觉，物业说管不了，请问该找哪个部门？',
    email: 'resident.demo@example.com',
    name: '李女士',
  },
  { channel: 'web', text: '北门街菜市场旁边的下水道井盖松动了，电动车压上去会翻，已经有人摔倒过。', phone: '13700003456', zoneCode: 'wh-hs-yt-01' },
  { channel: 'sms', text: '想咨询一下，老人办理高龄津贴需要带哪些材料，去哪里办？', phone: '13600004567' },
  { channel: 'web', text: '建议在文庙直街路口增设一个人行横道信号灯，上下学时段孩子过马路很危险。', zoneCode: 'wh-hg-hg-01' },
];

/** The demo's messages as the intake takes them (new cases, each on its own number). */
export function demoMessages(now = new Date()): InboundMessage[] {
  return DEMO_MESSAGES.map((m, i) => {
    const identities = [...(m.phone ? [{ kind: 'phone', address: `+86${m.phone}` }] : []), ...(m.email ? [{ kind: 'email', address: m.email }] : [])];
    const replyTo = m.email
      ? { channel: 'email' as const, address: m.email }
      : m.phone
        ? { channel: 'sms' as const, address: `+86${m.phone}` }
        : { channel: 'web' as const };
    return {
      channel: m.channel,
      providerMessageId: `demo-${i + 1}`,
      text: m.text,
      sender: { ...(m.name ? { name: m.name } : {}), identities },
      attachments: [],
      hints: m.zoneCode ? { zoneCode: m.zoneCode } : {},
      replyTo,
      language: 'zh',
      threading: 'new-case',
      receivedAt: now.toISOString(),
    };
  });
}
