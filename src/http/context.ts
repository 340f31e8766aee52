/**
 * What the HTTP app carries for its own routes (decorated in app.ts as
 * `app.deps`, declared here once for TypeScript). Channels get theirs as the
 * ChannelContext in `channels` (src/channels/contract.ts), never `app.deps`.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import type { Catalog } from '../catalog/catalog.js';
import type { TextClassifier } from '../router/classifier.js';
import type { Acceptor } from '../intake/accept.js';
import type { AttachmentStore } from '../intake/attachments.js';
import type { IntakeJob } from '../intake/queue.js';
import type { ChannelContext } from '../channels/contract.js';

export interface AppDeps {
  config: Config;
  /** APP_SECRET: signs lookup codes (and, later, contact-card tokens). */
  secret: string;
  db: Db;
  redis: Redis;
  queue: Queue<IntakeJob>;
  catalog: Catalog;
  classifier: TextClassifier;
  attachments: AttachmentStore;
  /** Stores inbound messages and queues them: every channel's way in. */
  acceptor: Acceptor;
  /** What the channels' routes and listeners are handed. */
  channels: ChannelContext;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
