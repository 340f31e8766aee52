/**
 * The intake queue's processor: a thin wire from jobs to InboundProcessor.
 * Jobs that are active at the same moment are processed together (group
 * commit again), so a stream of one-message jobs costs a few statements per
 * batch instead of a few per message. A message that throws is isolated by
 * splitting the batch (src/intake/poison.ts): the rest go through, only the
 * jobs that carry it fail and are retried, and after INTAKE_MAX_ATTEMPTS it is
 * set aside as poisoned.
 */
import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { Batcher } from '../core/batcher.js';
import type { InboundProcessor, ProcessResult } from '../intake/process.js';
import { processIsolating } from '../intake/poison.js';
import type { Queryable } from '../store/db.js';
import { INTAKE_QUEUE, type IntakeJob } from '../intake/queue.js';

export interface IntakeWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  /** Jobs held at once; those arriving during a batch form the next one. */
  concurrency: number;
  lockMs: number;
  /** Called when cases were opened, so an in-process outbox relay sends the receipts at once. */
  onOpened?: () => void;
  /** Where failures of single messages are counted; at `maxAttempts` a message is poisoned. */
  failures: { db: Queryable; maxAttempts: number };
}

/** A job's share of a batch: its result, or the error that fails it (one of its messages threw). */
type JobOutcome = ProcessResult | Error;

/** Most messages one set of statements handles: a backlog must not become one giant transaction. */
const MAX_MESSAGES_PER_PASS = 1000;

export function startIntakeWorker(processor: InboundProcessor, log: Logger, o: IntakeWorkerOptions): Worker<IntakeJob> {
  const together = new Batcher<number[], JobOutcome>(
    async (jobs) => {
      const ids = jobs.flat();
      const result: ProcessResult = { opened: 0, threaded: 0, skipped: 0 };
      const failed = new Set<number>();
      for (let i = 0; i < ids.length; i += MAX_MESSAGES_PER_PASS) {
        const pass = await processIsolating(processor, o.failures.db, ids.slice(i, i + MAX_MESSAGES_PER_PASS), { maxAttempts: o.failures.maxAttempts, log });
        result.opened += pass.opened;
        result.threaded += pass.threaded;
        result.skipped += pass.skipped;
        for (const id of pass.failed) failed.add(id);
        if (pass.opened > 0) o.onOpened?.();
      }
      return jobs.map((job) => {
        const own = job.filter((id) => failed.has(id));
        return own.length ? new Error(`messages ${own.join(', ')} failed to process; retried later`) : result;
      });
    },
    { maxSize: o.concurrency, maxConcurrent: 2 },
  );
  const worker = new Worker<IntakeJob>(
    INTAKE_QUEUE,
    async (job) => {
      const outcome = await together.add(job.data.messageIds);
      if (outcome instanceof Error) throw outcome;
      return outcome;
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
