/**
 * The console's retrain: `start` answers at once and trains in a worker thread
 * of this process (training is tens of seconds of CPU; on the event loop it
 * would stall every request). A thread rather than a job for the worker
 * process: that process's event loop runs intake and the outbox relay, which
 * must not stall either, so it would need a thread all the same.
 *
 * One retrain at a time across every process of the gateway: a lock in Redis.
 * The state is kept in Redis too, so any HTTP process can report it. The new
 * model reaches every running process (workers included) through the
 * ModelStore's poll of router_model (ROUTER_MODEL_POLL_MS); it is reported
 * `live` once this process's classifier, polling the same way, runs it.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../core/module-worker.js';
import { retrain } from './model-store.js';
import type { Labelled } from './training.js';

export type RetrainPhase = 'training' | 'stored' | 'failed';

export interface RetrainState {
  jobId: string;
  phase: RetrainPhase;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  /** The stored model's id (router_model.id), once stored. */
  version: number | null;
  examples: number | null;
  corrections: number | null;
  trainingMs: number | null;
  error: string | null;
}

/** Longer than any retrain: a process that died while training frees the lock after this. */
const LOCK_MS = 30 * 60_000;
/** How long the last retrain's outcome is kept to show. */
const STATE_TTL_S = 7 * 24 * 3600;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RetrainJobs {
  private readonly lockKey: string;
  private readonly stateKey: string;
  private thread: Worker | null = null;

  constructor(private readonly deps: { pool: pg.Pool; redis: Redis; prefix: string; log: FastifyBaseLogger; cacheDir?: string }) {
    this.lockKey = `${deps.prefix}:router-retrain:lock`;
    this.stateKey = `${deps.prefix}:router-retrain:state`;
  }

  /** Starts a retrain; null when one is running already (here or in another process). */
  async start(actor: string): Promise<RetrainState | null> {
    const jobId = randomUUID();
    if ((await this.deps.redis.set(this.lockKey, jobId, 'PX', LOCK_MS, 'NX')) !== 'OK') return null;
    const state: RetrainState = {
      jobId,
      phase: 'training',
      actor,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      version: null,
      examples: null,
      corrections: null,
      trainingMs: null,
      error: null,
    };
    await this.save(state);
    void this.run(state);
    return state;
  }

  /** The last retrain's state; one whose process died while training (its lock gone) is reported failed. */
  async current(): Promise<RetrainState | null> {
    const raw = await this.deps.redis.get(this.stateKey);
    if (!raw) return null;
    const state = JSON.parse(raw) as RetrainState;
    if (state.phase === 'training' && (await this.deps.redis.get(this.lockKey)) !== state.jobId) {
      return { ...state, phase: 'failed', error: 'interrupted: the process training it stopped' };
    }
    return state;
  }

  /** Stops a retrain in hand (the process is stopping): it ends failed and frees the lock. */
  async close(): Promise<void> {
    await this.thread?.terminate();
  }

  private async run(state: RetrainState): Promise<void> {
    try {
      const result = await retrain(this.deps.pool, state.actor, this.deps.cacheDir, (examples) => this.packInThread(examples));
      await this.save({ ...state, phase: 'stored', finishedAt: new Date().toISOString(), ...result });
      this.deps.log.info({ jobId: state.jobId, ...result }, 'router model retrained from the console');
    } catch (err) {
      const error = (err as Error).message;
      this.deps.log.warn({ jobId: state.jobId, err: error }, 'router retrain failed');
      await this.save({ ...state, phase: 'failed', finishedAt: new Date().toISOString(), error }).catch(() => {});
    } finally {
      await this.releaseLock(state.jobId).catch(() => {});
    }
  }

  private packInThread(examples: Labelled[]): Promise<Buffer> {
    const thread = startModuleWorker(import.meta.url, 'retrain-thread');
    this.thread = thread;
    return new Promise<Buffer>((resolve, reject) => {
      thread.once('message', (answer: { model?: Uint8Array; error?: string }) => {
        if (answer.model) resolve(Buffer.from(answer.model.buffer, answer.model.byteOffset, answer.model.byteLength));
        else reject(new Error(answer.error ?? 'training failed'));
      });
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`training stopped (thread exit ${code})`)));
      thread.postMessage(examples);
    }).finally(() => {
      this.thread = null;
      void thread.terminate();
    });
  }

  private async save(state: RetrainState): Promise<void> {
    await this.deps.redis.set(this.stateKey, JSON.stringify(state), 'EX', STATE_TTL_S);
  }

  /** Only our own lock: one that expired and was taken by another retrain stays. */
  private async releaseLock(jobId: string): Promise<void> {
    await this.deps.redis.eval(RELEASE, 1, this.lockKey, jobId);
  }
}
