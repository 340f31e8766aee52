/**
 * `npm run seed`: loads the Wuhua demo district (ten street offices with their
 * communities, groups and liaisons) into DATABASE_URL, or into the embedded
 * PostgreSQL when it is unset. Safe to run again.
 */
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/core/log.js';
import { createDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { seedDemoDistrict } from '../src/seed/seed.js';
import { startEmbeddedPostgres } from '../src/runtime/embedded-services.js';

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR, log);
const db = createDb({ url: config.DATABASE_URL ?? embedded!.url, schema: config.DATABASE_SCHEMA });
try {
  await migrate(db.pool);
  const counts = await seedDemoDistrict(db.prisma);
  log.info(counts, 'demo district loaded');
} finally {
  await db.close();
  await embedded?.stop();
}
