/**
 * Once per test run, before any test file: the router's model of the shipped
 * examples is trained (or found) in the shared cache, so the gateways the test
 * files start load it instead of each training their own.
 */
import { cachedShippedModel } from '../src/router/model-store.js';
import { TEST_MODEL_CACHE_DIR } from './helpers/model-cache.js';

export default async function setup(): Promise<void> {
  const started = performance.now();
  await cachedShippedModel(TEST_MODEL_CACHE_DIR);
  console.log(`router model ready in ${TEST_MODEL_CACHE_DIR} (${Math.round(performance.now() - started)} ms)`);
}
