import type { ChannelModule } from '../contract.js';
import { telegramClient } from './client.js';
import { telegramRoutes } from './routes.js';
import { TelegramSender } from './sender.js';

/** Residents and liaisons on Telegram: a bot, by webhook (or long polling in development). */
export const telegram: ChannelModule = {
  name: 'telegram',
  routes: telegramRoutes,
  createSender: ({ config }) => new TelegramSender(telegramClient(config)),
};
