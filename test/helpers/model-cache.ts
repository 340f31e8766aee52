import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the test run keeps the router's trained model (one per digest of the shipped examples). */
export const TEST_MODEL_CACHE_DIR = process.env.ROUTER_MODEL_CACHE_DIR ?? join(tmpdir(), 'minqing-test-models');
