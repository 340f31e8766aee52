/**
 * Re-queues accepted messages that never reached the queue (Redis was down
 * when they arrived) or whose job was lost. The job id is the message id, so
 * a message whose job is still waiting is not queued twice.
 */
import type pg from 'pg';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { InboundMessage } from '../core/message.js';
import { intakeJobOptions, type IntakeJob } from './queues.js';

const STRANDED = `
  SELECT id, channel, provider_message_id, body, attachments, meta, reserved_case_no, created_at
  FROM message
  WHERE direction = 'in' AND status = 'received' AND created_at < now() - make_interval(secs => $1)
  ORDER BY created_at LIMIT $2`;

interface Row {
  id: number;
  channel: string;
  provider_message_id: string;
  body: string;
  attachments: InboundMessage['attachments'];
  meta: Omit<InboundMessage, 'text' | 'attachments'>;
  reserved_case_no: string | null;
  created_at: Date;
}

export function jobFromRow(row: Row): IntakeJob {
  return {
    messageId: row.id,
    reservedCaseNo: row.reserved_case_no,
    acceptedAt: row.created_at.getTime(),
    message: { ...row.meta, text: row.body, attachments: row.attachments },
  };
}

/** One sweep: returns how many messages were (re)queued. */
export async function sweepStranded(pool: pg.Pool, queue: Queue<IntakeJob>, olderThanSeconds: number, limit = 500): Promise<number> {
  const { rows } = await pool.query<Row>(STRANDED, [olderThanSeconds, limit]);
  if (rows.length === 0) return 0;
  await queue.addBulk(rows.map((row) => ({ name: 'message', data: jobFromRow(row), opts: intakeJobOptions(row.id) })));
  return rows.length;
}

export function startSweeper(pool: pg.Pool, queue: Queue<IntakeJob>, log: Logger, intervalMs: number): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const n = await sweepStranded(pool, queue, Math.max(1, intervalMs / 1000));
      if (n > 0) log.info({ count: n }, 'requeued stranded messages');
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'sweep failed; will retry');
    } finally {
      busy = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
