/**
 * A worker thread of the console's retrain (retrain-job.ts): trains one model
 * on the examples it is sent and answers with it packed. Training takes tens of
 * seconds of CPU, which the HTTP process's event loop must not spend.
 */
import { parentPort } from 'node:worker_threads';
import { pack } from './model-store.js';
import type { Labelled } from './training.js';

parentPort!.once('message', (examples: Labelled[]) => {
  try {
    const model = pack(examples);
    parentPort!.postMessage({ model });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).message });
  }
});
