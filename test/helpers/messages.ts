import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '../../src/core/message.js';

/** A web-form message from a resident of 翠湖社区第一居民小组 (→ 翠湖社区 → 华山街道 → 五华区) who wants answers by SMS. */
export function webMessageFrom(phone: string, text: string, zoneCode = 'wh-hs-ch-01'): InboundMessage {
  return {
    channel: 'web',
    providerMessageId: randomUUID(),
    text,
    sender: { identities: [{ kind: 'phone', address: phone }] },
    attachments: [],
    hints: { zoneCode },
    replyTo: { channel: 'sms', address: phone },
    language: 'zh',
    threading: 'new-case',
    receivedAt: new Date().toISOString(),
  };
}
