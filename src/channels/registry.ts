/**
 * The channels this gateway speaks. Adding a channel is one folder under
 * src/channels and one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ChannelSender } from '../core/message.js';
import type { Acceptor } from '../intake/accept.js';
import type { Catalog } from '../router/catalog.js';
import { webForm } from './web-form/index.js';
import { twilioSms, twilioVoice } from './twilio/index.js';
import { telegram } from './telegram/index.js';
import { contactCard } from './contact-card/index.js';
import { email } from './email/index.js';
import { wechat } from './wechat/index.js';

/** What a channel's sender may use. */
export interface SenderContext {
  config: Config;
  pool: pg.Pool;
}

/** What a channel's own listeners (servers, pollers) may use. */
export interface ListenerContext extends SenderContext {
  acceptor: Acceptor;
  catalog: Catalog;
  log: Logger;
}

/** A running listener: stopped with the HTTP front, after it stops taking requests. */
export interface ChannelListener {
  /** The port it listens on, if it is a server. */
  readonly port?: number;
  /** The running client (a chat app's bot), for whoever needs to look inside it: tests, operators. */
  readonly client?: unknown;
  /** Run one polling pass now, if it is a poller; resolves with the messages taken. */
  poll?(): Promise<number>;
  stop(): Promise<void>;
}

export interface ChannelModule {
  /** The `channel` value on messages and outbox rows. */
  readonly name: string;
  /** Webhooks and pages this channel serves. */
  readonly routes?: FastifyPluginAsync;
  /** Outbound delivery; channels without one have their sends recorded as `sandboxed`. */
  createSender?(context: SenderContext): ChannelSender;
  /** Servers and pollers of its own (SMTP, IMAP), run beside the HTTP front. */
  listen?(context: ListenerContext): Promise<ChannelListener>;
}

export const CHANNELS: readonly ChannelModule[] = [webForm, contactCard, twilioSms, twilioVoice, telegram, wechat, email];

/** Starts every channel's listeners; the caller stops them. */
export async function startListeners(context: ListenerContext, started: (name: string, listener: ChannelListener) => void): Promise<void> {
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
