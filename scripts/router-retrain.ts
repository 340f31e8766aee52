/**
 * `npm run router:retrain`: trains the classifier on the shipped examples and
 * every staff correction, and stores it; running gateways switch to it within
 * ROUTER_MODEL_POLL_MS, without a restart and without pausing intake.
 * Uses DATABASE_URL, or the embedded database of a gateway running on the
 * embedded default.
 */
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { retrain } from '../src/router/model-store.js';
import { runningEmbeddedPostgres } from '../src/runtime/embedded-services.js';

const config = loadConfig();
const url = config.DATABASE_URL ?? (await runningEmbeddedPostgres(config.DATA_DIR))?.url;
if (!url) {
  console.error(`no database: start the gateway (npm start, DATA_DIR ${config.DATA_DIR}) or set DATABASE_URL`);
  process.exit(1);
}
const db = createDb({ url, schema: config.DATABASE_SCHEMA, poolSize: 2 });
try {
  await migrate(db.pool);
  console.log(JSON.stringify(await retrain(db.pool, `cli:${process.env.USER ?? 'unknown'}`)));
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
