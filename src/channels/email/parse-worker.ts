/**
 * A worker thread of the mail parse pool (parse-pool.ts): parses what it is
 * sent with the same parseEmail as the event loop would, and answers.
 */
import { parentPort } from 'node:worker_threads';
import { parseEmail, type Envelope } from './parse.js';

parentPort!.on('message', (job: { id: number; raw: Uint8Array; envelope: Envelope }) => void parse(job));

async function parse({ id, raw, envelope }: { id: number; raw: Uint8Array; envelope: Envelope }) {
  try {
    parentPort!.postMessage({ id, mail: await parseEmail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), envelope) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
}
