/** The intake queue's processor: a thin wire from a job to InboundProcessor. */
import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { InboundProcessor } from '../intake/process.js';
import { INTAKE_QUEUE, type IntakeJob } from './queues.js';

export interface IntakeWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  lockMs: number;
  /** Called when cases were opened, so an in-process outbox relay sends the receipts at once. */
  onOpened?: () => void;
}

export function startIntakeWorker(processor: InboundProcessor, log: Logger, o: IntakeWorkerOptions): Worker<IntakeJob> {
  const worker = new Worker<IntakeJob>(
    INTAKE_QUEUE,
    async (job) => {
      const result = await processor.process(job.data.messageIds);
      if (result.opened > 0) o.onOpened?.();
      return result;
    },
    {
      connection: o.connection,
      prefix: o.prefix,
      concurrency: o.concurrency,
      lockDuration: o.lockMs,
      stalledInterval: Math.max(1000, Math.floor(o.lockMs / 2)),
      maxStalledCount: 5,
    },
  );
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'intake job failed'));
  worker.on('error', (err) => log.error({ err: err.message }, 'intake worker error'));
  return worker;
}
