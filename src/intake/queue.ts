/**
 * The one intake queue. A job names stored messages by id (the rows hold
 * everything else), so a job run twice, or a message queued twice, finds
 * the work already done.
 */
import { Queue, type ConnectionOptions } from 'bullmq';

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
