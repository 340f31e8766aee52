/**
 * The one intake queue. A job names stored messages by id (the rows hold
 * everything else), so a job run twice, or a message queued twice, finds
 * the work already done.
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import type { Queryable } from '../store/db.js';

export const INTAKE_QUEUE = 'intake';

export interface IntakeJob {
  messageIds: number[];
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

/** Stored but not queued (Redis is away): the sweeper queues them once it is back. */
export async function markUnqueued(db: Queryable, messageIds: readonly number[]): Promise<void> {
  await db.query(`UPDATE message SET status = 'unqueued' WHERE id = ANY($1) AND status = 'received'`, [messageIds]);
}
