/**
 * Queues accepted messages that never reached the queue: those marked
 * `unqueued` (Redis was down when they arrived) and, as a safety net, any
 * still `received` long after arrival (a process died between storing and
 * queueing, or a job was lost). Processing is idempotent, so a message that
 * is queued twice is still one case.
 */
import type pg from 'pg';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { IntakeJob } from '../intake/queue.js';

const STRANDED = `
  SELECT id FROM message
  WHERE direction = 'in' AND (status = 'unqueued' OR (status = 'received' AND created_at < now() - make_interval(secs => $1)))
  ORDER BY id LIMIT $2`;

/** One sweep: returns how many messages were queued again. */
export async function sweepStranded(pool: pg.Pool, queue: Queue<IntakeJob>, safetyNetSeconds: number, limit = 1000): Promise<number> {
  const { rows } = await pool.query<{ id: number }>(STRANDED, [safetyNetSeconds, limit]);
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  await queue.add('messages', { messageIds: ids });
  await pool.query(`UPDATE message SET status = 'received' WHERE id = ANY($1) AND status = 'unqueued'`, [ids]);
  return ids.length;
}

export function startSweeper(pool: pg.Pool, queue: Queue<IntakeJob>, log: Logger, o: { intervalMs: number; safetyNetSeconds: number }): () => void {
  let busy = false;
  const sweep = async () => {
    if (busy) return;
    busy = true;
    try {
      const n = await sweepStranded(pool, queue, o.safetyNetSeconds);
      if (n > 0) log.info({ count: n }, 'queued stranded messages');
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'sweep failed; will retry');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void sweep(), o.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
