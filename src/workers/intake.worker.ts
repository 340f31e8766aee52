/**
 * The intake queue's processor: a thin wire from jobs to InboundProcessor.
 * Jobs that are active at the same moment are processed together (group
 * commit again), so a stream of one-message jobs costs a few statements per
 * batch instead of a few per message.
 */
import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { Batcher } from '../core/batcher.js';
import type { InboundProcessor, ProcessResult } from '../intake/process.js';
import { INTAKE_QUEUE, type IntakeJob } from './queues.js';

export interface IntakeWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  /** Jobs held at once; those arriving during a batch form the next one. */
  concurrency: number;
  lockMs: number;
  /** Called when cases were opened, so an in-process outbox relay sends the receipts at once. */
  onOpened?: () => void;
}

export function startIntakeWorker(processor: InboundProcessor, log: Logger, o: IntakeWorkerOptions): Worker<IntakeJob> {
  const together = new Batcher<number[], ProcessResult>(
    async (jobs) => {
      const result = await processor.process(jobs.flat());
      if (result.opened > 0) o.onOpened?.();
      return jobs.map(() => result);
    },
    { maxSize: o.concurrency, maxConcurrent: 2 },
  );
  const worker = new Worker<IntakeJob>(INTAKE_QUEUE, (job) => together.add(job.data.messageIds), {
    connection: o.connection,
    prefix: o.prefix,
    concurrency: o.concurrency,
    lockDuration: o.lockMs,
    stalledInterval: Math.max(1000, Math.floor(o.lockMs / 2)),
    maxStalledCount: 5,
  });
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'intake job failed'));
  worker.on('error', (err) => log.error({ err: err.message }, 'intake worker error'));
  return worker;
}
