/**
 * The channels this gateway speaks. Adding a channel is one folder under
 * src/channels, its name in the ChannelName union beside the message model
 * (src/core/message.ts: the compiler then checks every row written with it),
 * one line here, and one fixtures folder under test/fixtures (replayed by
 * test/channels/harness.test.ts). test/channels/channel-names.test.ts checks
 * that the union and this list agree.
 *
 * A folder may hold more than one channel; the table says which:
 *   web-form → web · contact-card → card · twilio → sms, voice · telegram → telegram · wechat → wechat · email → email
 */
import type { ChannelSender } from '../core/message.js';
import type { ChannelContext, ChannelListener, ChannelModule, SenderContext } from './contract.js';
import { webForm } from './web-form/index.js';
import { twilioSms, twilioVoice } from './twilio/index.js';
import { telegram } from './telegram/index.js';
import { contactCard } from './contact-card/index.js';
import { email } from './email/index.js';
import { wechat } from './wechat/index.js';

export const CHANNELS: readonly ChannelModule[] = [webForm, contactCard, twilioSms, twilioVoice, telegram, wechat, email];

/** Starts every channel's listeners; the caller stops them. */
export async function startListeners(context: ChannelContext, started: (name: string, listener: ChannelListener) => void): Promise<void> {
  for (const channel of CHANNELS) {
    if (channel.listen) started(channel.name, await channel.listen(context));
  }
}

export function createSenders(context: SenderContext): Map<string, ChannelSender> {
  const senders = new Map<string, ChannelSender>();
  for (const channel of CHANNELS) {
    if (channel.createSender) senders.set(channel.name, channel.createSender(context));
  }
  return senders;
}
