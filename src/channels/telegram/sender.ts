/**
 * Sends to a Telegram chat. The message id Telegram gives back is kept as the
 * send's provider id, so a liaison replying to a case notice can be matched
 * to its case.
 *
 * The Bot API has no idempotency key: a sendMessage that got no answer may
 * have been delivered, so a timeout is an unknown outcome, not a retry.
 * A 429 carries `parameters.retry_after` (seconds): a rate limit to wait out.
 */
import { TelegramError, type Telegram } from 'telegraf';
import { SendError } from '../../core/errors.js';
import { networkSendError } from '../../core/send-network.js';
import type { ChannelSender, OutboundMessage, SendOptions, SendOutcome } from '../../core/message.js';

type TelegrafSignal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

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

  async send(message: OutboundMessage, options: SendOptions = {}): Promise<SendOutcome> {
    if (!this.telegram) throw new SendError('Telegram is not configured', false);
    if (!message.to) throw new SendError('no chat to send to', false);
    try {
      const payload = { chat_id: message.to, text: message.body, ...(message.kind === 'survey' ? { reply_markup: SURVEY_BUTTONS } : {}) };
      // telegraf types the signal as the abort-controller polyfill's; node-fetch takes Node's own.
      const signal = options.signal as unknown as TelegrafSignal | undefined;
      const sent = await this.telegram.callApi('sendMessage', payload, signal ? { signal } : {});
      return { status: 'delivered', providerId: String(sent.message_id) };
    } catch (err) {
      if (err instanceof TelegramError) {
        const retryAfter = err.response.parameters?.retry_after;
        if (err.code === 429) throw new SendError(`telegram 429: ${err.description}`, true, (retryAfter ?? 1) * 1000, true);
        // 5xx passes; 400 (bad chat) and 403 (the user blocked the bot) will not.
        throw new SendError(`telegram ${err.code}: ${err.description}`, err.code >= 500, retryAfter ? retryAfter * 1000 : undefined);
      }
      throw networkSendError('telegram', err);
    }
  }
}
