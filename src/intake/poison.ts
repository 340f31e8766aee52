/**
 * Poison messages: one message whose processing throws must not hold up the
 * others it was queued with, nor be retried for ever ahead of newer ones.
 * A failing batch is split in halves until the message that throws stands
 * alone; each such failure is counted on the message (`attempts`,
 * `last_error`), and at the limit the message is set aside as `poisoned`:
 * no worker or sweep picks it up again until staff retry it.
 */
import type { Logger } from 'pino';
import type { Queryable } from '../store/db.js';
import { isUnavailable } from '../core/errors.js';
import type { InboundProcessor, ProcessResult } from './process.js';

export interface IsolatedResult extends ProcessResult {
  /** Messages that threw and will be tried again (the job that carries them should fail and be retried). */
  failed: number[];
  /** Messages set aside as poisoned in this pass. */
  poisoned: number[];
}

const COUNT_FAILURE = `
  UPDATE message SET attempts = attempts + 1, last_error = $2,
         status = CASE WHEN attempts + 1 >= $3 THEN 'poisoned' ELSE status END
  WHERE id = $1 AND direction = 'in' AND case_id IS NULL
  RETURNING status, attempts`;

/** `Class: message`, short; the message of a data error names no more than its kind (never the body). */
export function describeError(err: unknown): string {
  const e = err as Error;
  return `${e?.name ?? 'Error'}: ${String(e?.message ?? err)}`.slice(0, 300);
}

export async function processIsolating(
  processor: Pick<InboundProcessor, 'process'>,
  db: Queryable,
  ids: readonly number[],
  o: { maxAttempts: number; log?: Logger },
): Promise<IsolatedResult> {
  try {
    return { ...(await processor.process(ids)), failed: [], poisoned: [] };
  } catch (err) {
    // PostgreSQL or Redis is away: no message is to blame, the job is retried as a whole.
    if (isUnavailable(err) || ids.length === 0) throw err;
    if (ids.length === 1) return countFailure(db, ids[0]!, err, o);
    const half = Math.ceil(ids.length / 2);
    const left = await processIsolating(processor, db, ids.slice(0, half), o);
    const right = await processIsolating(processor, db, ids.slice(half), o);
    return {
      opened: left.opened + right.opened,
      threaded: left.threaded + right.threaded,
      skipped: left.skipped + right.skipped,
      failed: [...left.failed, ...right.failed],
      poisoned: [...left.poisoned, ...right.poisoned],
    };
  }
}

async function countFailure(db: Queryable, id: number, err: unknown, o: { maxAttempts: number; log?: Logger }): Promise<IsolatedResult> {
  const { rows } = await db.query<{ status: string; attempts: number }>(COUNT_FAILURE, [id, describeError(err), o.maxAttempts]);
  const row = rows[0];
  const poisoned = row?.status === 'poisoned';
  // The error's class only: messages of some errors quote the data.
  o.log?.warn(
    { messageId: id, attempts: row?.attempts, errorClass: (err as Error)?.name, poisoned },
    poisoned ? 'message set aside as poisoned' : 'message failed to process',
  );
  const base = { opened: 0, threaded: 0, skipped: 0 };
  if (!row) return { ...base, skipped: 1, failed: [], poisoned: [] };
  return poisoned ? { ...base, failed: [], poisoned: [id] } : { ...base, failed: [id], poisoned: [] };
}
