/**
 * The outbox relay: claims due rows, hands each to its channel's sender, and
 * records the outcome. Claims are leases (`locked_until`), so a relay that
 * dies mid-batch leaves its rows to be claimed again, and several relays can
 * run side by side (SKIP LOCKED). Channels without credentials record the
 * send as `sandboxed` instead of calling a provider.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ChannelSender, OutboundMessage } from '../core/message.js';
import { SendError } from '../core/errors.js';
import { endToEndSeconds, sends } from '../core/metrics.js';

export interface RelayOptions {
  batchSize: number;
  pollMs: number;
  /**
   * After a wake-up, wait this long so the sends of several worker batches
   * share one claim and one record (each a durable commit).
   */
  wakeDelayMs: number;
  maxAttempts: number;
  leaseSeconds: number;
}

interface Claimed extends OutboundMessage {
  attempts: number;
  createdAt: Date;
}

interface Result {
  id: number;
  status: 'pending' | 'sent' | 'delivered' | 'failed' | 'sandboxed';
  providerId: string | null;
  error: string | null;
  retryInMs: number;
}

const CLAIM = `
  UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1,
         locked_until = now() + make_interval(secs => $2), updated_at = now()
  FROM (
    SELECT id FROM outbox
    WHERE (status = 'pending' OR (status = 'sending' AND locked_until < now())) AND next_attempt_at <= now()
    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
  ) due
  WHERE o.id = due.id
  RETURNING o.id AS "outboxId", o.channel, o.to_address AS "to", o.kind, o.attempts, o.created_at AS "createdAt",
            (SELECT body FROM message WHERE id = o.message_id) AS body,
            (SELECT case_no FROM "case" WHERE id = o.case_id) AS "caseNo"`;

const RECORD = `
  WITH r AS (
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[])
      AS t(id, status, provider_id, error, retry_ms)
  ),
  updated AS (
    UPDATE outbox o SET status = r.status::"OutboxStatus", provider_id = coalesce(r.provider_id, o.provider_id),
           last_error = r.error, locked_until = NULL, updated_at = now(),
           next_attempt_at = now() + make_interval(secs => r.retry_ms / 1000.0),
           sent_at = CASE WHEN r.status IN ('sent', 'delivered', 'sandboxed') THEN now() ELSE o.sent_at END
    -- Only a send still in hand: a report that came first (a bounce, a delivery callback) is not overwritten.
    FROM r WHERE o.id = r.id AND o.status = 'sending'
    RETURNING o.message_id, o.status
  )
  UPDATE message m SET status = updated.status::text FROM updated WHERE m.id = updated.message_id`;

export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wakeRequested = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly senders: ReadonlyMap<string, ChannelSender>,
    private readonly log: Logger,
    private readonly options: RelayOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Run a pass soon (a new row was written in this process). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.wakeRequested = true;
    else this.schedule(this.options.wakeDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claim a batch, send it, record the results. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.pool.query<Claimed>(CLAIM, [this.options.batchSize, this.options.leaseSeconds]);
    if (claimed.rows.length === 0) return 0;
    const results = await Promise.all(claimed.rows.map((row) => this.sendOne(row)));
    await this.pool.query(RECORD, [
      results.map((r) => r.id),
      results.map((r) => r.status),
      results.map((r) => r.providerId),
      results.map((r) => r.error),
      results.map((r) => r.retryInMs),
    ]);
    for (const row of claimed.rows) {
      if (row.kind === 'receipt') endToEndSeconds.observe((Date.now() - row.createdAt.getTime()) / 1000);
    }
    return claimed.rows.length;
  }

  /** Run a pass in `delayMs`, unless one is already due sooner. */
  private schedule(delayMs: number): void {
    if (this.stopped || Date.now() + delayMs >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Infinity;
      this.running = this.loop().finally(() => (this.running = null));
    }, delayMs);
  }

  private async loop(): Promise<void> {
    let claimed = 0;
    try {
      this.wakeRequested = false;
      do {
        claimed = await this.runOnce();
      } while (!this.stopped && claimed === this.options.batchSize);
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'outbox relay pass failed');
    }
    this.schedule(this.wakeRequested ? this.options.wakeDelayMs : this.options.pollMs);
  }

  private async sendOne(row: Claimed): Promise<Result> {
    const sender = this.senders.get(row.channel);
    if (!sender?.configured) {
      sends.inc({ channel: row.channel, status: 'sandboxed' });
      return { id: row.outboxId, status: 'sandboxed', providerId: null, error: null, retryInMs: 0 };
    }
    try {
      const outcome = await sender.send(row);
      sends.inc({ channel: row.channel, status: outcome.status });
      return { id: row.outboxId, status: outcome.status, providerId: outcome.providerId ?? null, error: null, retryInMs: 0 };
    } catch (err) {
      const retryable = err instanceof SendError ? err.retryable : true;
      const giveUp = !retryable || row.attempts >= this.options.maxAttempts;
      const status = giveUp ? 'failed' : 'pending';
      sends.inc({ channel: row.channel, status: giveUp ? 'failed' : 'retry' });
      this.log.warn({ outboxId: row.outboxId, channel: row.channel, attempts: row.attempts, giveUp, err: (err as Error).message }, 'send failed');
      const backoff = err instanceof SendError && err.retryAfterMs !== undefined
        ? err.retryAfterMs
        : Math.min(2 ** row.attempts * 1000, 15 * 60_000);
      return { id: row.outboxId, status, providerId: null, error: (err as Error).message.slice(0, 500), retryInMs: backoff };
    }
  }
}
