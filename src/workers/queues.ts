/**
 * The one intake queue. Its job id is the stored message's id, so a message
 * queued twice (a provider retry, the sweeper) is one job.
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { InboundMessage } from '../core/message.js';

export const INTAKE_QUEUE = 'intake';

export interface IntakeJob {
  messageId: number;
  /** Reserved when the channel must answer with a case number at once (forms). */
  reservedCaseNo: string | null;
  acceptedAt: number;
  message: InboundMessage;
}

/**
 * Producers fail fast when Redis is down (no offline queue): the message is
 * already stored, and the sweeper queues it once Redis is back.
 */
export function producerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Workers wait for Redis as long as it takes (BullMQ requires this). */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export function createIntakeQueue(connection: ConnectionOptions, prefix: string): Queue<IntakeJob> {
  return new Queue<IntakeJob>(INTAKE_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

export function intakeJobOptions(messageId: number) {
  return { jobId: `m${messageId}` };
}
