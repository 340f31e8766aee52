/**
 * Case timers on BullMQ, backed by the database: `case_timer` rows are the
 * truth; every tick, the timers due within the horizon become delayed jobs
 * (job id = timer id + due time, so a tick that sees the same timer again
 * adds nothing, and a moved deadline is a new job while the old one finds
 * nothing due). Nothing lives only in Redis: after a restart, or if Redis
 * lost its jobs, the next tick rebuilds them, and overdue rows are fired.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Supervisor } from './supervisor.js';

export const TIMER_QUEUE = 'timers';

export interface TimerJob {
  timerId: number;
}

const DUE_SOON = `
  SELECT id, due_at FROM case_timer
  WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at < now() + make_interval(secs => $1)
  ORDER BY due_at LIMIT 5000`;

export function createTimerQueue(connection: ConnectionOptions, prefix: string): Queue<TimerJob> {
  return new Queue<TimerJob>(TIMER_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
  });
}

/** Turns timers due within `horizonSeconds` into delayed jobs; returns how many it saw. */
export async function scheduleDueTimers(pool: pg.Pool, queue: Queue<TimerJob>, horizonSeconds: number): Promise<number> {
  const { rows } = await pool.query<{ id: number; due_at: Date }>(DUE_SOON, [horizonSeconds]);
  if (rows.length === 0) return 0;
  const now = Date.now();
  await queue.addBulk(
    rows.map((r) => ({
      name: 'fire',
      data: { timerId: r.id },
      opts: { jobId: `t${r.id}-${r.due_at.getTime()}`, delay: Math.max(0, r.due_at.getTime() - now) },
    })),
  );
  return rows.length;
}

/**
 * A watch run on every tick beside the timers (e.g. telling liaisons of
 * answers that failed to send); returns how many things it did.
 */
export interface TickWatch {
  name: string;
  run(): Promise<number>;
}

export function startTimers(
  deps: { pool: pg.Pool; supervisor: Supervisor; log: Logger; watches?: readonly TickWatch[] },
  o: { connection: ConnectionOptions; queueConnection: ConnectionOptions; prefix: string; tickMs: number },
): { queue: Queue<TimerJob>; worker: Worker<TimerJob>; stop(): Promise<void> } {
  const queue = createTimerQueue(o.queueConnection, o.prefix);
  const worker = new Worker<TimerJob>(
    TIMER_QUEUE,
    async (job) => {
      const outcome = await deps.supervisor.fire(job.data.timerId);
      if (outcome !== 'not_due') deps.log.info({ timerId: job.data.timerId, outcome }, 'case timer fired');
    },
    { connection: o.connection, prefix: o.prefix, concurrency: 8 },
  );
  worker.on('failed', (job, err) => deps.log.warn({ timerId: job?.data.timerId, err: err.message }, 'case timer failed; retrying'));

  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await scheduleDueTimers(deps.pool, queue, (o.tickMs * 2) / 1000);
      for (const watch of deps.watches ?? []) {
        const done = await watch.run();
        if (done > 0) deps.log.info({ watch: watch.name, count: done }, 'tick watch acted');
      }
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'scheduling case timers failed');
    } finally {
      busy = false;
    }
  };
  void tick();
  const interval = setInterval(() => void tick(), o.tickMs);
  interval.unref();
  return {
    queue,
    worker,
    async stop() {
      clearInterval(interval);
      await worker.close();
      await queue.close();
    },
  };
}
