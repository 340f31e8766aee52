/** Telegraf's Bot API client, pointed at TELEGRAM_API_ROOT (Telegram, a local Bot API server, or the tests' fake). */
import { Telegram } from 'telegraf';
import type { Config } from '../../config.js';

export function telegramClient(config: Config): Telegram | null {
  return config.TELEGRAM_BOT_TOKEN ? new Telegram(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }) : null;
}
