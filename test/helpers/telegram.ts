/**
 * The Telegram side of the chat tests: a local fake of the Bot API that
 * telegraf's real client talks to (`telegram: { apiRoot }`). It records
 * sendMessage calls, answers getFile, and serves the file itself. Updates are
 * posted to our webhook with Telegram's secret header. It can also misbehave
 * per chat: never answer (`hang`), or answer the next sends with an error such
 * as a 429 with `retry_after` (`failNext`).
 */
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { readFileSync } from 'node:fs';

export const TELEGRAM = { token: '7000000001:AAtest-token-for-the-fake-bot-api', secret: 'telegram-webhook-secret-0123456789' };

export interface SentTelegram {
  chat_id: string;
  text: string;
  message_id: number;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

/** A 1×1 JPEG, the photo every getFile serves. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

export async function startFakeBotApi() {
  const sent: SentTelegram[] = [];
  /** Callback queries acknowledged (a button's spinner stopped). */
  const answered: string[] = [];
  /** Every sendMessage request that reached the fake, answered or not. */
  const hits: { chat_id: string; text: string; at: number }[] = [];
  const hanging = new Set<string>();
  const scripted = new Map<string, { error_code: number; description: string; retry_after?: number }[]>();
  let nextId = 1000;
  // Hung requests are cut when the fake closes.
  const app = Fastify({ forceCloseConnections: true });
  await app.register(formbody);
  app.post<{ Params: { token: string; method: string }; Body: Record<string, unknown> }>('/bot:token/:method', async (req, reply) => {
    if (req.params.token !== TELEGRAM.token) return reply.code(401).send({ ok: false, error_code: 401, description: 'Unauthorized' });
    switch (req.params.method) {
      case 'sendMessage': {
        const chat = String(req.body.chat_id);
        hits.push({ chat_id: chat, text: String(req.body.text), at: Date.now() });
        if (hanging.has(chat)) return new Promise(() => {});
        const failure = scripted.get(chat)?.shift();
        if (failure) {
          const { retry_after, ...rest } = failure;
          return reply.code(failure.error_code).send({ ok: false, ...rest, ...(retry_after ? { parameters: { retry_after } } : {}) });
        }
        const message_id = nextId++;
        sent.push({
          chat_id: String(req.body.chat_id),
          text: String(req.body.text),
          message_id,
          ...(req.body.reply_markup ? { reply_markup: req.body.reply_markup } : {}),
        });
        return {
          ok: true,
          result: { message_id, date: Math.floor(Date.now() / 1000), chat: { id: Number(req.body.chat_id), type: 'private' }, text: req.body.text },
        };
      }
      case 'answerCallbackQuery':
        answered.push(String(req.body.callback_query_id));
        return { ok: true, result: true };
      case 'getFile':
        return { ok: true, result: { file_id: req.body.file_id, file_unique_id: 'uniq', file_size: TINY_JPEG.length, file_path: 'photos/file_1.jpg' } };
      default:
        return reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  });
  app.get('/file/bot:token/*', async (_req, reply) => reply.type('image/jpeg').send(TINY_JPEG));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    sent,
    answered,
    hits,
    to: (chatId: string | number) => sent.filter((m) => m.chat_id === String(chatId)),
    /** sendMessage requests for this chat (answered, failed or hanging). */
    hitsFor: (chatId: string | number) => hits.filter((h) => h.chat_id === String(chatId)),
    /** Sends to this chat are accepted and never answered (until `unhang`). */
    hang: (chatId: string | number) => hanging.add(String(chatId)),
    unhang: (chatId: string | number) => hanging.delete(String(chatId)),
    /** The next send to this chat gets this error (e.g. 429 with retry_after seconds). */
    failNext(chatId: string | number, error_code: number, description: string, retry_after?: number) {
      const list = scripted.get(String(chatId)) ?? [];
      list.push({ error_code, description, ...(retry_after ? { retry_after } : {}) });
      scripted.set(String(chatId), list);
    },
    close: () => app.close(),
  };
}

export const telegramEnv = (apiRoot: string) => ({
  TELEGRAM_BOT_TOKEN: TELEGRAM.token,
  TELEGRAM_WEBHOOK_SECRET: TELEGRAM.secret,
  TELEGRAM_API_ROOT: apiRoot,
});

/** A fixture from test/fixtures/telegram/, with fields replaced (update_id, chat, text…). */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/telegram/${name}.json`, import.meta.url), 'utf8'));
}
