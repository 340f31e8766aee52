/**
 * What a channel is, and what the gateway hands it: the contract between the
 * channels and the runtime that starts them. Channels build nothing shared
 * themselves (no desk, no dispatcher, no store): it all comes in the context.
 */
import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ChannelName, ChannelSender } from '../core/message.js';
import type { Acceptor } from '../intake/accept.js';
import type { AttachmentStore } from '../intake/attachments.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ChatDispatcher } from '../chat/dispatch.js';

/** What a channel's sender may use. */
export interface SenderContext {
  config: Config;
  pool: pg.Pool;
}

/** What a channel's routes and listeners (servers, pollers) may use. */
export interface ChannelContext extends SenderContext {
  /** APP_SECRET: signs lookup codes and contact-card tokens. */
  secret: string;
  /** Stores inbound messages and queues them: every channel's way in. */
  acceptor: Acceptor;
  catalog: Catalog;
  attachments: AttachmentStore;
  /** Residents' chat commands and the liaisons' desk, for the chat apps. */
  chat: ChatDispatcher;
  log: Logger;
}

/** A channel's webhooks and pages: a fastify plugin registered with the context. */
export type ChannelRoutes = FastifyPluginAsync<{ context: ChannelContext }>;

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
  /** The `channel` value on messages and outbox rows (the registry maps it to its folder). */
  readonly name: ChannelName;
  /** Webhooks and pages this channel serves. */
  readonly routes?: ChannelRoutes;
  /** Outbound delivery; channels without one have their sends recorded as `sandboxed`. */
  createSender?(context: SenderContext): ChannelSender;
  /** Servers and pollers of its own (SMTP, IMAP, a chat bot), run beside the HTTP front. */
  listen?(context: ChannelContext): Promise<ChannelListener>;
}
