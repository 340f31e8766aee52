/**
 * A WeChat message as one chat message: text from one-to-one chats (and from
 * group chats listed in WECHAT_ROOMS), images downloaded only for intake.
 * Our own messages and other types (voice, files, links) are not taken.
 */
import { types, type Message } from 'wechaty';
import { guessLanguage } from '../../core/language.js';
import type { AttachmentMeta, InboundMessage } from '../../core/message.js';
import type { AttachmentStore } from '../../intake/attachments.js';
import type { ChatMessage } from '../../chat/dispatch.js';

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export function chatMessageOf(msg: Message, deps: { attachments: AttachmentStore; rooms: ReadonlySet<string> }): ChatMessage | null {
  if (msg.self()) return null;
  const room = msg.room();
  if (room && !deps.rooms.has(room.id)) return null;
  const type = msg.type();
  if (type !== types.Message.Text && type !== types.Message.Image) return null;
  const talker = msg.talker();
  const text = type === types.Message.Text ? msg.text().trim() : '[图片]';
  const language = guessLanguage(text);
  // Answers go to the person, even when they wrote in a group.
  const chatId = talker.id;
  return {
    channel: 'wechat',
    chatId,
    updateId: msg.id,
    text,
    language,
    toInbound: async (): Promise<InboundMessage> => ({
      channel: 'wechat',
      providerMessageId: msg.id,
      text,
      sender: { ...(talker.name() ? { name: talker.name() } : {}), identities: [{ kind: 'wechat', address: chatId }] },
      attachments: type === types.Message.Image ? await imageOf(msg, deps.attachments) : [],
      hints: {},
      replyTo: { channel: 'wechat', address: chatId },
      language,
      threading: 'open-case',
      receivedAt: msg.date().toISOString(),
    }),
  };
}

async function imageOf(msg: Message, attachments: AttachmentStore): Promise<AttachmentMeta[]> {
  const file = await msg.toFileBox();
  const data = await file.toBuffer();
  if (data.length > MAX_IMAGE_BYTES) return [];
  return [await attachments.save('image', data, file.name)];
}
