/**
 * What the HTTP app carries for its routes and channel plugins
 * (decorated in app.ts, declared here once for TypeScript).
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import type { Catalog } from '../router/catalog.js';
import type { InboundMessage } from '../core/message.js';
import type { Accepted } from '../intake/accept.js';
import type { AttachmentStore } from '../intake/attachments.js';
import type { IntakeJob } from '../workers/queues.js';

export interface Intake {
  accept(message: InboundMessage, options: { reserveCaseNo: boolean }): Promise<Accepted>;
}

export interface AppDeps {
  config: Config;
  db: Db;
  redis: Redis;
  queue: Queue<IntakeJob>;
  catalog: Catalog;
  attachments: AttachmentStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    intake: Intake;
  }
}
