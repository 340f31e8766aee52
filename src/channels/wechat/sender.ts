/** Sends to a WeChat contact through the account this process runs. */
import { SendError } from '../../core/errors.js';
import type { ChannelSender, OutboundMessage, SendOutcome } from '../../core/message.js';
import { session } from './session.js';

export class WechatSender implements ChannelSender {
  readonly channel = 'wechat';

  constructor(readonly configured: boolean) {}

  async send(message: OutboundMessage): Promise<SendOutcome> {
    if (!message.to) throw new SendError('no WeChat contact to send to', false);
    const bot = session.bot;
    // Logged out or reconnecting: try again later rather than drop the answer.
    if (!bot || session.status !== 'logged_in') throw new SendError(`WeChat is not logged in here (${session.status})`, true, 30_000);
    const contact = await bot.Contact.find({ id: message.to });
    if (!contact) throw new SendError('unknown WeChat contact', false);
    const sent = await contact.say(message.body);
    return { status: 'sent', ...(sent ? { providerId: sent.id } : {}) };
  }
}
