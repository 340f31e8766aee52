/**
 * Sends to a Telegram chat. The message id Telegram gives back is kept as the
 * send's provider id, so a liaison replying to a case notice can be matched
 * to its case.
 */
import { TelegramError, type Telegram } from 'telegraf';
import { SendError } from '../../core/errors.js';
import type { ChannelSender, OutboundMessage, SendOutcome } from '../../core/message.js';

/** A return visit's answers as buttons: a tap sends the same answer as typing the digit. */
const SURVEY_BUTTONS = {
  inline_keyboard: [
    [
      { text: '1 满意', callback_data: 'survey:1' },
      { text: '2 基本满意', callback_data: 'survey:2' },
      { text: '3 不满意', callback_data: 'survey:3' },
    ],
  ],
};

export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram';
  readonly configured: boolean;

  constructor(private readonly telegram: Telegram | null) {
    this.configured = telegram !== null;
  }

  async send(message: OutboundMessage): Promise<SendOutcome> {
    if (!this.telegram) throw new SendError('Telegram is not configured', false);
    if (!message.to) throw new SendError('no chat to send to', false);
    try {
      const sent = await this.telegram.sendMessage(message.to, message.body, message.kind === 'survey' ? { reply_markup: SURVEY_BUTTONS } : {});
      return { status: 'delivered', providerId: String(sent.message_id) };
    } catch (err) {
      if (err instanceof TelegramError) {
        const retryAfter = err.response.parameters?.retry_after;
        // 429 and 5xx pass; 400 (bad chat) and 403 (the user blocked the bot) will not.
        const retryable = err.code === 429 || err.code >= 500;
        throw new SendError(`telegram ${err.code}: ${err.description}`, retryable, retryAfter ? retryAfter * 1000 : undefined);
      }
      throw new SendError((err as Error).message, true);
    }
  }
}
