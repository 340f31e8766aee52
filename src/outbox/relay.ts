/**
 * The outbox relay: claims due rows, hands each to its channel's sender, and
 * records each outcome as soon as that send ends. Several relays can run side
 * by side (SKIP LOCKED); channels without credentials record their sends as
 * `sandboxed` instead of calling a provider.
 *
 * Sending never waits on a batch:
 * - every send is bounded by OUTBOX_SEND_TIMEOUT_MS (an AbortSignal for the
 *   SDK, a timer as a backstop), well under the lease (config refuses a
 *   timeout of half the lease or more);
 * - each channel has OUTBOX_CHANNEL_CONCURRENCY slots; rows are claimed only
 *   for channels with a free slot, and claiming goes on for the others while
 *   one channel's sends are in flight. A channel that answered "rate limited"
 *   gets no new sends until its retry_after has passed.
 *
 * Who may send a row again. A claim is a lease (`locked_until`) held by one
 * relay (`holder`), which renews it every lease/3 while the send is in flight.
 * A row is claimed again only when
 * - its send was recorded as not done: a transient failure (a provider's 5xx,
 *   a refused connection), or a rate limit (waited out, not counted against
 *   OUTBOX_MAX_ATTEMPTS); or
 * - the lease ran out: the holder died (or could not reach PostgreSQL for a
 *   whole lease) between claiming and recording.
 * A send that timed out or lost its connection after the request went out has
 * an unknown outcome: it is recorded `unknown` and not retried, unless the
 * channel's sender is idempotent (email: every attempt carries the row's one
 * Message-ID, so the resident's mail system shows one message). Staff see
 * `failed` and `unknown` sends in GET /api/v1/outbox/failed and may retry them.
 *
 * Where a duplicate remains possible (no provider idempotency for SMS or
 * calls at Twilio's Messages/Calls API, none at all at Telegram):
 * 1. the relay dies (or is cut off from PostgreSQL for longer than the lease)
 *    after the provider accepted a send and before the outcome was recorded:
 *    the next relay sends it again after the lease (default 60 s) — one extra
 *    send per such crash;
 * 2. a staff retry of an `unknown` send that had in fact gone out;
 * 3. an SMS split into parts where a later part failed: every part is sent again;
 * 4. email after a timeout is retried with the same Message-ID (a second copy
 *    that most mail systems merge).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ChannelSender } from '../core/message.js';
import { Batcher } from '../core/batcher.js';
import { endToEndSeconds, sends } from '../core/metrics.js';
import { CLAIM, RECORD, RENEW } from './sql.js';
import { ChannelLimiter } from './limiter.js';
import { attempt, type AttemptResult, type Claimed } from './attempt.js';
import { afterFinalFailure } from './failures.js';

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
  /** Longest wait for one provider answer (default 10 s). */
  sendTimeoutMs?: number;
  /** Sends in flight per channel (default 8). */
  channelConcurrency?: number;
}

/** How often a result that could not be recorded is tried again before the lease is left to run out. */
const RECORD_TRIES = 3;

export class OutboxRelay {
  /** This relay's name on the rows it holds. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly limiter: ChannelLimiter;
  /** Channels whose sends call a provider (the others are recorded as sandboxed at once). */
  private readonly limited: string[];
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly recorder: Batcher<AttemptResult, void>;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly pool: pg.Pool,
    private readonly senders: ReadonlyMap<string, ChannelSender>,
    private readonly log: Logger,
    private readonly options: RelayOptions,
  ) {
    this.limiter = new ChannelLimiter(options.channelConcurrency ?? 8);
    this.limited = [...senders.values()].filter((s) => s.configured).map((s) => s.channel);
    // Group commit: results that end while a record is being written are written together next.
    this.recorder = new Batcher((results) => this.record(results).then(() => results.map(() => undefined)), { maxSize: 500, maxConcurrent: 2 });
  }

  start(): void {
    this.stopped = false;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(200, (this.options.leaseSeconds * 1000) / 3));
    this.heartbeat.unref();
    this.schedule(0);
  }

  /** Run a pass soon (a new row was written in this process). */
  wake(): void {
    this.schedule(this.options.wakeDelayMs);
  }

  /** Stops claiming; sends in flight end (each within the send timeout) and are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pumping;
    await Promise.all(this.inFlight.values());
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  /** One claim: sends what it took and waits until each is recorded. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.flatMap((row) => this.inFlight.get(row.outboxId) ?? []));
    return claimed.length;
  }

  /** Run a pass in `delayMs`, unless one is already due sooner (or running: it then goes round again). */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    if (Date.now() + delayMs >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Infinity;
      if (this.pumping) this.again = true;
      else this.pumping = this.pump();
    }, delayMs);
  }

  /** Claims until nothing more can be taken; the sends run on without it. */
  private async pump(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.claim()).length > 0);
      } while (this.again && !this.stopped);
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'outbox relay pass failed');
    }
    this.pumping = null;
    this.schedule(Math.min(this.options.pollMs, this.limiter.nextResumeIn() ?? Infinity));
  }

  /** Claims what there is room for and starts those sends; rows without a provider are recorded before it returns. */
  private async claim(): Promise<Claimed[]> {
    const room = this.limiter.room(this.limited);
    const { rows } = await this.pool.query<Claimed>(CLAIM, [
      room.channels,
      room.counts,
      this.limited,
      this.options.batchSize,
      this.holder,
      this.options.leaseSeconds,
    ]);
    const unlimited: Promise<void>[] = [];
    for (const row of rows) {
      const done = this.dispatch(row);
      if (!this.limited.includes(row.channel)) unlimited.push(done);
    }
    await Promise.all(unlimited);
    return rows;
  }

  private dispatch(row: Claimed): Promise<void> {
    const limited = this.limited.includes(row.channel);
    if (limited) this.limiter.take(row.channel);
    const done = (async () => {
      try {
        const result = await attempt(this.senders.get(row.channel), row, {
          timeoutMs: this.options.sendTimeoutMs ?? 10_000,
          maxAttempts: this.options.maxAttempts,
        });
        this.observe(row, result);
        if (result.rateLimited) this.limiter.pause(row.channel, result.retryInMs);
        await this.recordWithRetries(result);
        if (row.kind === 'receipt' && result.status !== 'pending') endToEndSeconds.observe((Date.now() - row.createdAt.getTime()) / 1000);
      } finally {
        if (limited) this.limiter.release(row.channel);
        this.inFlight.delete(row.outboxId);
        if (limited) this.schedule(0);
      }
    })();
    this.inFlight.set(row.outboxId, done);
    return done;
  }

  private observe(row: Claimed, r: AttemptResult): void {
    const status = r.rateLimited ? 'rate_limited' : r.status === 'pending' ? 'retry' : r.status;
    sends.inc({ channel: row.channel, status });
    if (r.error) {
      this.log.warn(
        { outboxId: row.outboxId, channel: row.channel, kind: row.kind, attempts: row.attempts, outcome: status, err: r.error },
        'send not completed',
      );
    }
  }

  private async recordWithRetries(result: AttemptResult): Promise<void> {
    for (let n = 1; ; n++) {
      try {
        return await this.recorder.add(result);
      } catch (err) {
        // Left unrecorded, the row is sent again once its lease runs out: try a little longer first.
        this.log.error({ outboxId: result.id, err: (err as Error).message, try: n }, 'could not record a send');
        if (n >= RECORD_TRIES) return;
        await new Promise((r) => setTimeout(r, 1000 * n));
      }
    }
  }

  private async record(results: AttemptResult[]): Promise<void> {
    const { rows } = await this.pool.query<{ id: number }>(RECORD, [
      results.map((r) => r.id),
      results.map((r) => r.status),
      results.map((r) => r.providerId),
      results.map((r) => r.error),
      results.map((r) => r.retryInMs),
      results.map((r) => r.rateLimited),
      this.holder,
    ]);
    if (rows.length === 0) return;
    try {
      const fallbacks = await afterFinalFailure(
        this.pool,
        rows.map((r) => r.id),
      );
      if (fallbacks > 0) this.schedule(0);
    } catch (err) {
      // The outcome is recorded; only its timeline event and fallback are missing (the failed list still shows it).
      this.log.error({ outboxIds: rows.map((r) => r.id), err: (err as Error).message }, 'could not record the follow-up of failed sends');
    }
  }

  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    try {
      await this.pool.query(RENEW, [[...this.inFlight.keys()], this.holder, this.options.leaseSeconds]);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not renew outbox leases');
    }
  }
}
