/**
 * The channels this gateway speaks. Adding a channel is one folder under
 * src/channels and one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';
import type { Config } from '../config.js';
import type { ChannelSender } from '../core/message.js';
import { webForm } from './web-form/index.js';
import { twilioSms, twilioVoice } from './twilio/index.js';
import { telegram } from './telegram/index.js';
import { contactCard } from './contact-card/index.js';

/** What a channel's sender may use. */
export interface SenderContext {
  config: Config;
  pool: pg.Pool;
}

export interface ChannelModule {
  /** The `channel` value on messages and outbox rows. */
  readonly name: string;
  /** Webhooks and pages this channel serves. */
  readonly routes?: FastifyPluginAsync;
  /** Outbound delivery; channels without one have their sends recorded as `sandboxed`. */
  createSender?(context: SenderContext): ChannelSender;
}

export const CHANNELS: readonly ChannelModule[] = [webForm, contactCard, twilioSms, twilioVoice, telegram];

export function createSenders(context: SenderContext): Map<string, ChannelSender> {
  const senders = new Map<string, ChannelSender>();
  for (const channel of CHANNELS) {
    if (channel.createSender) senders.set(channel.name, channel.createSender(context));
  }
  return senders;
}
