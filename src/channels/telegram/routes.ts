/**
 * Telegram in: the webhook (`POST /webhooks/telegram`, Telegram's secret
 * token checked in constant time before the body is read) or, for
 * development, long polling. Both hand each update to the chat dispatcher;
 * the webhook answers 200 only once the update is stored or handled, so
 * Telegram retries anything we could not take.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { telegramClient } from './client.js';
import { chatMessageOf } from './updates.js';
import type { ChannelRoutes } from '../contract.js';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const telegramRoutes: ChannelRoutes = async (app, { context }) => {
  const { config, attachments, chat: dispatcher } = context;
  const telegram = telegramClient(config);
  const handle = async (update: Update) => {
    const message = chatMessageOf(update, { telegram, attachments });
    if (message) await dispatcher.handle(message);
    // Stop the button's spinner; the answer itself is stored above, so a failed acknowledgement changes nothing.
    if ('callback_query' in update) await telegram?.answerCbQuery(update.callback_query.id, '已收到').catch(() => {});
  };

  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  const checkSecret = async (req: FastifyRequest, reply: FastifyReply) => {
    const given = req.headers[SECRET_HEADER];
    if (!secret) return reply.code(404).send({ error: 'not_found', message: 'the Telegram webhook is not configured' });
    if (typeof given !== 'string' || !sameSecret(given, secret)) return reply.code(401).send({ error: 'unauthorized', message: 'bad secret token' });
  };

  app.post(
    '/webhooks/telegram',
    { onRequest: checkSecret, schema: { summary: 'Telegram Bot API webhook', tags: ['webhooks'], hide: false } },
    async (req, reply) => {
      const update = req.body as Update | undefined;
      if (!update || typeof update !== 'object' || !Number.isInteger((update as { update_id?: unknown }).update_id)) {
        return reply.code(400).send({ error: 'bad_request', field: 'update_id', message: 'not a Telegram update' });
      }
      await handle(update);
      return reply.send({ ok: true });
    },
  );

  if (config.TELEGRAM_POLLING === 'true' && config.TELEGRAM_BOT_TOKEN) {
    const bot = new Telegraf(config.TELEGRAM_BOT_TOKEN, { telegram: { apiRoot: config.TELEGRAM_API_ROOT } });
    bot.on(['message', 'callback_query'], (ctx) => handle(ctx.update));
    bot.catch((err) => app.log.error({ err: (err as Error).message }, 'telegram update failed'));
    app.addHook('onReady', async () => {
      bot.launch().catch((err) => app.log.error({ err: (err as Error).message }, 'telegram polling stopped'));
      app.log.info('telegram: long polling');
    });
    app.addHook('onClose', async () => bot.stop('shutdown'));
  }
};
