/**
 * Assembles the process for its role: `http` (the front: channels, admin API),
 * `worker` (intake worker, outbox relay, sweeper) or `all` (both, the default).
 * Stopping happens in reverse: stop taking requests, finish jobs in hand,
 * then close connections.
 */
import { join } from 'node:path';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createDb, createPool, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { Catalog } from '../catalog/catalog.js';
import { AttachmentStore } from '../intake/attachments.js';
import { buildApp, type App } from '../http/app.js';
import type { AppDeps } from '../http/context.js';
import { ensureBootstrapAdmin } from '../http/plugins/auth.js';
import { createIntakeQueue, type IntakeJob } from '../intake/queue.js';
import { producerConnection, workerConnection } from '../store/redis.js';
import { startIntakeWorker } from '../workers/intake.worker.js';
import { InboundProcessor } from '../intake/process.js';
import { TextClassifier } from '../router/classifier.js';
import { ModelStore } from '../router/model-store.js';
import { policyFrom } from '../supervision/deadlines.js';
import { Supervisor } from '../supervision/supervisor.js';
import { startTimers } from '../supervision/timers.js';
import { noticeFailedAnswers } from '../liaisons/reply-failures.js';
import { Acceptor } from '../intake/accept.js';
import { OutboxRelay } from '../outbox/relay.js';
import { startSweeper } from '../workers/sweeper.js';
import { createSenders, startListeners } from '../channels/registry.js';
import type { ChannelListener } from '../channels/contract.js';
import { ChatDispatcher } from '../chat/dispatch.js';
import { LiaisonDesk } from '../liaisons/desk.js';
import { seedDemoDistrict } from '../seed/seed.js';
import { demoMessages } from '../seed/demo-cases.js';
import { ensurePersonAdmin } from './person-admin.js';
import { demoSecret, startEmbeddedPostgres, startEmbeddedRedis, type EmbeddedService } from './embedded-services.js';
import { checkEvictionPolicy, ensurePortsFree, ensureWritableDir, waitForDatabase, waitForRedis } from './startup-checks.js';

export type Role = 'http' | 'worker' | 'all';

export interface System {
  config: Config;
  db: Db;
  queue: Queue<IntakeJob>;
  app: App | null;
  worker: Worker<IntakeJob> | null;
  relay: OutboxRelay | null;
  /** Channels' own servers and pollers (the email channel's SMTP listener and IMAP poller), by channel. */
  listeners: Map<string, ChannelListener>;
  /** Stops everything; with `drainMs`, the HTTP front drains first (see http/plugins/shutdown.ts). */
  stop(drainMs?: number): Promise<void>;
}

export async function startSystem(config: Config, log: Logger, role: Role): Promise<System> {
  const closers: (() => Promise<unknown>)[] = [];
  let app: App | null = null;
  const stop = async (drainMs = 0) => {
    await app?.lifecycle.windDown(drainMs);
    for (const close of closers.reverse()) await close().catch((err) => log.warn({ err: (err as Error).message }, 'error while stopping'));
  };
  try {
    // DATA_DIR holds the embedded services, generated secrets and attachments (the HTTP front's).
    if (role !== 'worker' || !config.DATABASE_URL || !config.REDIS_URL || !config.APP_SECRET) await ensureWritableDir(config.DATA_DIR);
    // A taken port is found before the slow part of start-up (migrations, the demo district, the model), not after.
    if (role !== 'worker') await ensurePortsFree(config);
    const databaseUrl = config.DATABASE_URL ?? (await embedded(closers, () => startEmbeddedPostgres(config.DATA_DIR, log)));
    const redisUrl = config.REDIS_URL ?? (await embedded(closers, () => startEmbeddedRedis(config.DATA_DIR, log)));

    const db = createDb({ url: databaseUrl, schema: config.DATABASE_SCHEMA, poolSize: config.DATABASE_POOL_SIZE });
    closers.push(() => db.close());
    await waitForDatabase(db.pool, databaseUrl, Boolean(config.DATABASE_URL), config.STARTUP_WAIT_MS);
    const redis = producerConnection(redisUrl);
    closers.push(() => redis.quit());
    await waitForRedis(redis, redisUrl, Boolean(config.REDIS_URL), config.STARTUP_WAIT_MS);
    await checkEvictionPolicy(redis, redisUrl, config.NODE_ENV === 'production', log);
    const applied = await migrate(db.pool);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const adminToken = config.ADMIN_TOKEN ?? (config.NODE_ENV === 'production' ? undefined : await demoSecret(config.DATA_DIR, 'admin-token', log));
    if (adminToken) await ensureBootstrapAdmin(db.pool, adminToken);
    if (role !== 'worker') await ensurePersonAdmin(config, db.pool, log);
    const secret = config.APP_SECRET ?? (await demoSecret(config.DATA_DIR, 'app-secret', log));
    // The offline demo should show a real district on first start, not an empty zone picker.
    // A configured database is left as it is (production has its own zones), but an empty one is worth a word.
    let demoLoaded = false;
    if (role !== 'worker' && (await zoneCount(db)) <= 1) {
      if (!config.DATABASE_URL) {
        log.info(await seedDemoDistrict(db.pool), 'embedded database: demo district loaded');
        demoLoaded = true;
      } else
        log.warn(
          { command: 'npm run seed' },
          'the database has no zones: the demo district is loaded only into the embedded database; to load it here run `npm run seed` with the same DATABASE_URL (and DATABASE_SCHEMA), or create zones with the admin API',
        );
    }

    const queue = createIntakeQueue(redis, config.QUEUE_PREFIX);
    closers.push(() => queue.close());
    const catalog = new Catalog(db.pool);
    const models = new ModelStore(
      db.pool,
      new TextClassifier([], config.ROUTER_MIN_CONFIDENCE),
      log.child({ component: 'router' }),
      config.ROUTER_MODEL_CACHE_DIR ?? join(config.DATA_DIR, 'models'),
    );
    await models.open();
    models.start(config.ROUTER_MODEL_POLL_MS);
    closers.push(async () => models.stop());
    const { classifier } = models;

    let worker: Worker<IntakeJob> | null = null;
    let relay: OutboxRelay | null = null;
    if (role !== 'http') {
      relay = new OutboxRelay(db.pool, createSenders({ config, pool: db.pool }), log.child({ component: 'outbox' }), {
        batchSize: config.OUTBOX_BATCH,
        pollMs: config.OUTBOX_POLL_MS,
        wakeDelayMs: config.OUTBOX_WAKE_DELAY_MS,
        maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
        leaseSeconds: config.OUTBOX_LEASE_SECONDS,
        sendTimeoutMs: config.OUTBOX_SEND_TIMEOUT_MS,
        channelConcurrency: config.OUTBOX_CHANNEL_CONCURRENCY,
      });
      relay.start();
      closers.push(() => relay!.stop());

      const stopSweeper = startSweeper(db.pool, queue, log.child({ component: 'sweeper' }), {
        intervalMs: config.SWEEP_INTERVAL_MS,
        safetyNetSeconds: config.SWEEP_SAFETY_NET_SECONDS,
      });
      closers.push(async () => stopSweeper());

      const workerRedis = workerConnection(redisUrl);
      closers.push(() => workerRedis.quit());
      // Opening cases is derived from messages already stored durably: if a crash loses
      // the last few commits, the sweeper's safety net opens those cases again, and an
      // outbox row cannot be sent before its case is on disk (the relay's claim commits
      // durably, and WAL is flushed in order). So these commits need not wait for fsync.
      const derivedPool = createPool({ url: databaseUrl, schema: config.DATABASE_SCHEMA, poolSize: 10, asyncCommit: true });
      closers.push(() => derivedPool.end());
      const processor = new InboundProcessor({
        pool: derivedPool,
        catalog,
        classifier,
        log: log.child({ component: 'router' }),
        officeHours: { hours: config.OFFICE_HOURS, days: config.OFFICE_DAYS },
        timeZone: config.OFFICE_TIME_ZONE,
        triageZoneCode: config.TRIAGE_ZONE_CODE,
        supervision: policyFrom(config),
        supervisoryZoneCode: config.SUPERVISORY_ZONE_CODE,
        knowledgeMinScore: config.KNOWLEDGE_MIN_SCORE,
        knowledgeConfirmHours: config.KNOWLEDGE_CONFIRM_HOURS,
      });
      worker = startIntakeWorker(processor, log.child({ component: 'intake' }), {
        connection: workerRedis,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.INTAKE_CONCURRENCY,
        lockMs: config.JOB_LOCK_MS,
        onOpened: () => relay!.wake(),
        failures: { db: derivedPool, maxAttempts: config.INTAKE_MAX_ATTEMPTS },
      });
      closers.push(() => worker!.close());

      // The deadline watch: reminders, overdue cases escalated up the zone tree.
      const timerRedis = workerConnection(redisUrl);
      closers.push(() => timerRedis.quit());
      const supervisor = new Supervisor({
        pool: db.pool,
        catalog,
        office: { hours: config.OFFICE_HOURS, days: config.OFFICE_DAYS, timeZone: config.OFFICE_TIME_ZONE },
        policy: policyFrom(config),
      });
      const timers = startTimers(
        {
          pool: db.pool,
          supervisor,
          log: log.child({ component: 'supervision' }),
          // Part of the same watch: a liaison whose answer finally failed to send is told.
          watches: [{ name: 'failed liaison answers', run: () => noticeFailedAnswers(db.pool) }],
        },
        { connection: timerRedis, queueConnection: redis, prefix: config.QUEUE_PREFIX, tickMs: config.TIMER_TICK_MS },
      );
      closers.push(() => timers.stop());
    }

    const listeners = new Map<string, ChannelListener>();
    if (role !== 'worker') {
      const deps = appDeps(config, db, redis, queue, log, secret, catalog, classifier);
      app = await buildApp(deps, log);
      closers.push(() => app!.close());
      await app.listen({ host: config.HOST, port: config.PORT });
      // Stopped before the HTTP front: in reverse order of starting, like everything here.
      await startListeners(deps.channels, (name, listener) => {
        listeners.set(name, listener);
        closers.push(() => listener.stop());
      });
      // A first start on the embedded database shows a few residents' cases in the console.
      if (demoLoaded) {
        for (const message of demoMessages()) await deps.channels.acceptor.accept(message, { reserveCaseNo: true });
        log.info({ cases: demoMessages().length }, "embedded database: demo residents' messages submitted");
      }
    }
    return { config, db, queue, app, worker, relay, listeners, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** What the HTTP front needs, around a given database and Redis. */
export function appDeps(
  config: Config,
  db: Db,
  redis: Redis,
  queue: Queue<IntakeJob>,
  log: Logger,
  secret: string,
  catalog: Catalog | undefined,
  classifier: TextClassifier,
): AppDeps {
  const shared = {
    config,
    secret,
    catalog: catalog ?? new Catalog(db.pool),
    attachments: new AttachmentStore(join(config.DATA_DIR, 'attachments')),
    acceptor: new Acceptor({ pool: db.pool, queue, log, timeZone: config.OFFICE_TIME_ZONE }, { maxSize: config.INTAKE_BATCH_MAX, maxConcurrent: 4 }),
  };
  const desk = LiaisonDesk.fromConfig(config, db.pool, shared.catalog);
  const chat = new ChatDispatcher({ pool: db.pool, acceptor: shared.acceptor, desk });
  return {
    ...shared,
    classifier,
    db,
    redis,
    queue,
    channels: { ...shared, pool: db.pool, chat, log: log.child({ component: 'channels' }) },
  };
}

async function zoneCount(db: Db): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM zone');
  return rows[0]!.n;
}

async function embedded(closers: (() => Promise<unknown>)[], start: () => Promise<EmbeddedService>): Promise<string> {
  const service = await start();
  closers.push(() => service.stop());
  return service.url;
}
