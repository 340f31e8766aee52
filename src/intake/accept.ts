/**
 * Step one for every channel: store the normalized message, then queue it.
 * The row is written before the caller answers 2xx, so nothing accepted is lost;
 * UNIQUE(channel, provider_message_id) makes a provider's retry the same message.
 *
 * Messages arriving together are stored by one INSERT and queued as one job
 * (group commit, see Batcher): under load that is what lets the gateway keep
 * up with a bare insert-and-append endpoint. Every string is cleaned first
 * (cleanText), and a batch that still fails on its data is retried one
 * message at a time, so one bad message fails only its own sender.
 */
import type pg from 'pg';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { InboundMessage } from '../core/message.js';
import { isDataError, isUnavailable, UnavailableError } from '../core/errors.js';
import { cleanStrings } from '../core/clean-text.js';
import { Batcher } from '../core/batcher.js';
import { CaseNoPrefix } from '../core/time.js';
import { messagesIn, timed } from '../core/metrics.js';
import { markUnqueued, type IntakeJob } from './queue.js';

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
  /** The stored message's fingerprint (InboundMessage.fingerprint), for comparing a duplicate with it. */
  fingerprint?: string | null;
}

interface Item {
  message: InboundMessage;
  reserveCaseNo: boolean;
}

const INSERT_MESSAGES = `
  INSERT INTO message (direction, channel, provider_message_id, body, attachments, meta, reserved_case_no, status)
  SELECT 'in', t.channel, t.pmid, t.body, t.attachments::jsonb, t.meta::jsonb,
         CASE WHEN t.reserve THEN next_case_no($7) END,
         'received'
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[])
       AS t(channel, pmid, body, attachments, meta, reserve)
  ON CONFLICT (channel, provider_message_id) DO NOTHING
  RETURNING id, channel, provider_message_id, reserved_case_no`;

const FIND_MESSAGES = `
  SELECT m.id, m.channel, m.provider_message_id, coalesce(c.case_no, m.reserved_case_no) AS case_no, m.meta->>'fingerprint' AS fingerprint
  FROM message m LEFT JOIN "case" c ON c.id = m.case_id
  WHERE (m.channel, m.provider_message_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;

/** ioredis connection states in which a command cannot go out now. */
const REDIS_DOWN = new Set(['reconnecting', 'close', 'end']);

/** How long an answer may wait for Redis before the message is left to the sweeper. */
const ENQUEUE_TIMEOUT_MS = 5_000;

const keyOf = (channel: string, providerMessageId: string) => `${channel}\u0000${providerMessageId}`;

export class Acceptor {
  private readonly batcher: Batcher<Item, Accepted>;
  private readonly prefix: CaseNoPrefix;

  constructor(
    private readonly deps: AcceptDeps,
    batch: { maxSize: number; maxConcurrent: number } = { maxSize: 200, maxConcurrent: 4 },
  ) {
    this.prefix = new CaseNoPrefix(deps.timeZone);
    this.batcher = new Batcher((items) => this.acceptBatch(items), batch);
  }

  /** Resolves once the message is stored; rejects with UnavailableError when it could not be. */
  accept(message: InboundMessage, options: { reserveCaseNo: boolean }): Promise<Accepted> {
    const item = { message: cleanStrings(message), reserveCaseNo: options.reserveCaseNo };
    return this.batcher.add(item).catch((err: unknown) => {
      // A row the database refuses fails the whole INSERT: alone, each message succeeds or fails on its own.
      if (!isDataError(err)) throw err;
      return this.acceptBatch([item]).then(([accepted]) => accepted!);
    });
  }

  private async acceptBatch(items: Item[]): Promise<Accepted[]> {
    // A key twice in one batch (a double click) is one row: only its first copy is inserted.
    const firstByKey = new Map<string, Item>();
    for (const item of items) {
      const key = keyOf(item.message.channel, item.message.providerMessageId);
      if (!firstByKey.has(key)) firstByKey.set(key, item);
    }
    const unique = [...firstByKey.values()];

    let inserted: pg.QueryResult<{ id: number; channel: string; provider_message_id: string; reserved_case_no: string | null }>;
    try {
      inserted = await timed('accept', () =>
        this.deps.pool.query(INSERT_MESSAGES, [
          unique.map((i) => i.message.channel),
          unique.map((i) => i.message.providerMessageId),
          unique.map((i) => i.message.text),
          unique.map((i) => JSON.stringify(i.message.attachments)),
          unique.map(({ message: { text: _t, attachments: _a, ...meta } }) => JSON.stringify(meta)),
          unique.map((i) => i.reserveCaseNo),
          this.prefix.now(),
        ]),
      );
    } catch (err) {
      if (!isUnavailable(err)) throw err;
      this.deps.log.error({ err: (err as Error).message }, 'could not store inbound messages');
      throw new UnavailableError('postgresql', { cause: err });
    }

    const fresh = new Map(inserted.rows.map((r) => [keyOf(r.channel, r.provider_message_id), r]));
    const existing = await this.findExisting(unique.filter((i) => !fresh.has(keyOf(i.message.channel, i.message.providerMessageId))));
    if (inserted.rows.length > 0) await timed('enqueue', () => this.enqueue(inserted.rows.map((r) => r.id)));

    const claimed = new Set<string>();
    return items.map(({ message }) => {
      const key = keyOf(message.channel, message.providerMessageId);
      const row = fresh.get(key);
      // The first copy of a fresh key is the new message; any other copy is a duplicate of it.
      const duplicate = !row || claimed.has(key);
      claimed.add(key);
      messagesIn.inc({ channel: message.channel, duplicate: String(duplicate) });
      if (row) return { messageId: row.id, caseNo: row.reserved_case_no, duplicate, fingerprint: firstByKey.get(key)!.message.fingerprint ?? null };
      const found = existing.get(key)!;
      return { messageId: found.id, caseNo: found.case_no, duplicate: true, fingerprint: found.fingerprint };
    });
  }

  private async findExisting(items: Item[]): Promise<Map<string, { id: number; case_no: string | null; fingerprint: string | null }>> {
    if (items.length === 0) return new Map();
    const { rows } = await this.deps.pool
      .query<{ id: number; channel: string; provider_message_id: string; case_no: string | null; fingerprint: string | null }>(FIND_MESSAGES, [
        items.map((i) => i.message.channel),
        items.map((i) => i.message.providerMessageId),
      ])
      .catch((err) => {
        throw isUnavailable(err) ? new UnavailableError('postgresql', { cause: err }) : err;
      });
    return new Map(rows.map((r) => [keyOf(r.channel, r.provider_message_id), r]));
  }

  /**
   * Queue stored messages. A failure is logged, not thrown: the messages are
   * stored and marked `unqueued`, and the sweeper queues them once Redis answers.
   */
  private async enqueue(messageIds: number[]): Promise<void> {
    try {
      // BullMQ waits for a connection indefinitely; a lost one is not worth waiting for
      // (one still connecting at start-up is: it gets the timeout below).
      const connection = this.deps.queue.opts.connection as { status?: string };
      if (connection.status && REDIS_DOWN.has(connection.status)) throw new Error(`redis ${connection.status}`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.deps.queue.add('messages', { messageIds }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ENQUEUE_TIMEOUT_MS))),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      this.deps.log.warn({ count: messageIds.length, err: (err as Error).message }, 'queue unavailable; messages kept for the sweeper');
      // Still 'received' if this fails too: the sweeper's slower safety net finds them.
      await markUnqueued(this.deps.pool, messageIds).catch(() => {});
    }
  }
}
