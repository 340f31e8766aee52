/**
 * `npm run seed`: loads the Wuhua demo district (ten street offices with their
 * communities, groups and liaisons) into DATABASE_URL, or into the embedded
 * PostgreSQL of DATA_DIR when it is unset (a running gateway's, or started for
 * the while). Safe to run again.
 */
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/core/log.js';
import { createDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { seedDemoDistrict } from '../src/seed/seed.js';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from '../src/runtime/embedded-services.js';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
// Without DATABASE_URL: the embedded database, joined where a gateway runs it, else started for the while.
const running = config.DATABASE_URL ? null : await runningEmbeddedPostgres(config.DATA_DIR);
const embedded = config.DATABASE_URL || running ? null : await startEmbeddedPostgres(config.DATA_DIR, log);
// Interrupted, it still stops the PostgreSQL it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void embedded?.stop().finally(() => process.exit(1)));
const db = createDb({ url: config.DATABASE_URL ?? running?.url ?? embedded!.url, schema: config.DATABASE_SCHEMA });
try {
  await migrate(db.pool);
  const counts = await seedDemoDistrict(db.pool);
  log.info(counts, 'demo district loaded');
} finally {
  await db.close();
  await embedded?.stop();
}
