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
import { EMBEDDED_DATABASE_URL } from '../src/runtime/embedded-services.js';

const config = loadConfig();
const db = createDb({ url: config.DATABASE_URL ?? EMBEDDED_DATABASE_URL, schema: config.DATABASE_SCHEMA, poolSize: 2 });
try {
  await migrate(db.pool);
  console.log(JSON.stringify(await retrain(db.pool, `cli:${process.env.USER ?? 'unknown'}`)));
} catch (err) {
  const refused = (err as NodeJS.ErrnoException).code === 'ECONNREFUSED';
  console.error(refused && !config.DATABASE_URL ? 'no database: start the gateway (npm start) or set DATABASE_URL' : (err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
