/**
 * Step one for every channel: store the normalized message, then queue it.
 * The row is written before the caller answers 2xx, so nothing accepted is lost;
 * UNIQUE(channel, provider_message_id) makes a provider's retry the same message.
 */
import type pg from 'pg';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { InboundMessage } from '../core/message.js';
import { UnavailableError } from '../core/errors.js';
import { caseNoPrefix } from '../core/time.js';
import { messagesIn, timed } from '../core/metrics.js';
import { intakeJobOptions, type IntakeJob } from '../workers/queues.js';

export interface AcceptDeps {
  pool: pg.Pool;
  queue: Queue<IntakeJob>;
  log: Logger;
  timeZone: string;
}

export interface Accepted {
  messageId: number;
  /** The reserved number of the case this message opens, or of the case it joined. */
  caseNo: string | null;
  duplicate: boolean;
}

const INSERT_MESSAGE = `
  INSERT INTO message (direction, channel, provider_message_id, body, attachments, meta, reserved_case_no, status)
  VALUES ('in', $1, $2, $3, $4, $5,
          CASE WHEN $6::text IS NULL THEN NULL ELSE $6 || lpad(nextval('case_no_seq')::text, 4, '0') END,
          'received')
  ON CONFLICT (channel, provider_message_id) DO NOTHING
  RETURNING id, reserved_case_no`;

const FIND_MESSAGE = `
  SELECT m.id, coalesce(c.case_no, m.reserved_case_no) AS case_no
  FROM message m LEFT JOIN "case" c ON c.id = m.case_id
  WHERE m.channel = $1 AND m.provider_message_id = $2`;

export async function acceptInbound(
  deps: AcceptDeps,
  message: InboundMessage,
  options: { reserveCaseNo: boolean },
): Promise<Accepted> {
  const { text, attachments, ...meta } = message;
  const prefix = options.reserveCaseNo ? caseNoPrefix(new Date(), deps.timeZone) : null;

  let inserted: pg.QueryResult<{ id: number; reserved_case_no: string | null }>;
  try {
    inserted = await timed('accept', () =>
      deps.pool.query(INSERT_MESSAGE, [
        message.channel,
        message.providerMessageId,
        text,
        JSON.stringify(attachments),
        JSON.stringify(meta),
        prefix,
      ]),
    );
  } catch (err) {
    throw new UnavailableError('postgresql', { cause: err });
  }

  const row = inserted.rows[0];
  if (!row) {
    const existing = await deps.pool.query<{ id: number; case_no: string | null }>(FIND_MESSAGE, [
      message.channel,
      message.providerMessageId,
    ]);
    const found = existing.rows[0]!;
    messagesIn.inc({ channel: message.channel, duplicate: 'true' });
    return { messageId: found.id, caseNo: found.case_no, duplicate: true };
  }

  messagesIn.inc({ channel: message.channel, duplicate: 'false' });
  await enqueue(deps, { messageId: row.id, reservedCaseNo: row.reserved_case_no, acceptedAt: Date.now(), message });
  return { messageId: row.id, caseNo: row.reserved_case_no, duplicate: false };
}

/** How long an answer may wait for Redis before the message is left to the sweeper. */
const ENQUEUE_TIMEOUT_MS = 1_000;

/**
 * Queue a stored message. A failure is logged, not thrown: the message is
 * stored, and the sweeper queues it from the row once Redis answers again.
 */
export async function enqueue(deps: Pick<AcceptDeps, 'queue' | 'log'>, job: IntakeJob): Promise<void> {
  // BullMQ waits for a connection indefinitely; a disconnected one is not worth waiting for.
  const connection = deps.queue.opts.connection as { status?: string };
  if (connection.status !== undefined && connection.status !== 'ready') {
    deps.log.warn({ messageId: job.messageId, redis: connection.status }, 'queue unavailable; message kept for the sweeper');
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.queue.add('message', job, intakeJobOptions(job.messageId)),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ENQUEUE_TIMEOUT_MS))),
    ]);
  } catch (err) {
    deps.log.warn({ messageId: job.messageId, err: (err as Error).message }, 'queue unavailable; message kept for the sweeper');
  } finally {
    clearTimeout(timer);
  }
}
