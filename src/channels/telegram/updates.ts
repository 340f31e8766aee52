/**
 * A Telegram update as one chat message: text or caption, the largest photo
 * (downloaded only for intake), a shared location (a routing hint) and a
 * shared contact (the resident's own phone number). Private chats only.
 *
 * Sample update (a photo with a caption):
 *   { "update_id": 815000001, "message": { "message_id": 41, "date": 1764460800,
 *     "chat": { "id": 52000001, "type": "private", "first_name": "Li" },
 *     "from": { "id": 52000001, "is_bot": false, "first_name": "Li" },
 *     "photo": [{ "file_id": "AgAC…", "file_unique_id": "AQAD…", "width": 320, "height": 240 }, …],
 *     "caption": "翠湖南路的井盖丢了" } }
 */
import type { Telegram } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import { normalizePhone } from '../../core/contact-address.js';
import { guessLanguage } from '../../core/language.js';
import type { AttachmentMeta, Identity, InboundMessage } from '../../core/message.js';
import type { AttachmentStore } from '../../intake/attachments.js';
import type { ChatMessage } from '../../chat/dispatch.js';

/** Photos above this are not fetched (Telegram's own photo sizes are far smaller). */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

type AnyMessage = Message & Partial<Message.TextMessage & Message.PhotoMessage & Message.LocationMessage & Message.ContactMessage & Message.CaptionableMessage>;

export function chatMessageOf(update: Update, deps: { telegram: Telegram | null; attachments: AttachmentStore }): ChatMessage | null {
  if ('callback_query' in update) return surveyTap(update);
  if (!('message' in update)) return null; // edits, channel posts: not messages from a resident
  const message = update.message as AnyMessage;
  if (message.chat.type !== 'private' || message.from?.is_bot) return null;
  const chatId = String(message.chat.id);
  const text = (message.text ?? message.caption ?? '').trim() || placeholder(message);
  const language = message.from?.language_code?.startsWith('zh') || !message.from?.language_code ? guessLanguage(text) : 'en';
  return {
    channel: 'telegram',
    chatId,
    updateId: String(update.update_id),
    text,
    language,
    ...(message.reply_to_message ? { replyToMessageId: String(message.reply_to_message.message_id) } : {}),
    toInbound: async (): Promise<InboundMessage> => {
      const identities: Identity[] = [{ kind: 'telegram', address: chatId }];
      // Only the resident's own contact card is their number; a forwarded one is someone else's.
      const phone = message.contact && message.contact.user_id === message.from?.id ? normalizePhone(message.contact.phone_number) : null;
      if (phone) identities.push({ kind: 'phone', address: phone });
      const name = [message.from?.first_name, message.from?.last_name].filter(Boolean).join(' ');
      return {
        channel: 'telegram',
        providerMessageId: String(update.update_id),
        text,
        sender: { ...(name ? { name } : {}), identities },
        attachments: await photoOf(message, deps),
        hints: message.location ? { location: { lat: message.location.latitude, lng: message.location.longitude } } : {},
        replyTo: { channel: 'telegram', address: chatId },
        language,
        threading: 'open-case',
        receivedAt: new Date(message.date * 1000).toISOString(),
      };
    },
  };
}

/** What a message without words stands for in the case's text. */
function placeholder(m: AnyMessage): string {
  if (m.location) return `[位置 ${m.location.latitude.toFixed(5)},${m.location.longitude.toFixed(5)}]`;
  if (m.photo) return '[照片]';
  if (m.contact) return '[联系方式]';
  return '[消息]';
}

async function photoOf(m: AnyMessage, deps: { telegram: Telegram | null; attachments: AttachmentStore }): Promise<AttachmentMeta[]> {
  const largest = m.photo?.at(-1);
  if (!largest || !deps.telegram) return [];
  if ((largest.file_size ?? 0) > MAX_PHOTO_BYTES) return [];
  const url = await deps.telegram.getFileLink(largest.file_id);
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`telegram file download failed: HTTP ${res.status}`);
  const data = Buffer.from(await res.arrayBuffer());
  if (data.length > MAX_PHOTO_BYTES) return [];
  return [await deps.attachments.save('photo', data, `${largest.file_unique_id}.jpg`)];
}

/** A tap on a return visit's button is the resident answering with that digit, in their own chat. */
function surveyTap(update: Update.CallbackQueryUpdate): ChatMessage | null {
  const query = update.callback_query;
  const digit = 'data' in query ? /^survey:([123])$/.exec(query.data)?.[1] : undefined;
  const chat = query.message?.chat;
  if (!digit || !chat || chat.type !== 'private') return null;
  const chatId = String(chat.id);
  return {
    channel: 'telegram',
    chatId,
    updateId: String(update.update_id),
    text: digit,
    language: 'zh',
    toInbound: async () => ({
      channel: 'telegram',
      providerMessageId: String(update.update_id),
      text: digit,
      sender: { identities: [{ kind: 'telegram', address: chatId }] },
      attachments: [],
      hints: {},
      replyTo: { channel: 'telegram', address: chatId },
      language: 'zh',
      threading: 'open-case',
      receivedAt: new Date().toISOString(),
    }),
  };
}
