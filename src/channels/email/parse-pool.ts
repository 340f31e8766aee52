/**
 * Large mail is parsed off the event loop. Parsing a 24 MB letter takes most
 * of a second of CPU, in slices of up to a third of a second: on the event
 * loop, a few at once stall /healthz and every request of the process. A few
 * worker threads parse mail above `offloadAboveBytes`; small mail, the usual
 * letter, is parsed in place (a thread hop would cost it more than it saves).
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../core/module-worker.js';
import { parseEmail, type Envelope, type ParsedEmail } from './parse.js';

export type MailParser = (raw: Buffer, envelope?: Envelope) => Promise<ParsedEmail>;

interface Pending {
  worker: Worker;
  resolve: (mail: ParsedEmail) => void;
  reject: (err: Error) => void;
}

/** The worker's module: compiled JavaScript beside this file, or TypeScript loaded through tsx (npm start, tests). */
const startWorker = (): Worker => startModuleWorker(import.meta.url, 'parse-worker');

export class MailParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;

  constructor(
    private readonly size: number,
    private readonly offloadAboveBytes: number,
  ) {}

  /** Parses `raw` in a worker thread when it is large, in place otherwise. */
  readonly parse: MailParser = (raw, envelope = {}) => {
    if (raw.length <= this.offloadAboveBytes || this.size < 1) return parseEmail(raw, envelope);
    const worker = this.workerForTurn();
    const id = this.nextId++;
    return new Promise<ParsedEmail>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, raw, envelope });
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }

  private workerForTurn(): Worker {
    if (this.workers.length < this.size) this.workers.push(this.listen(startWorker()));
    return this.workers[this.turn++ % this.workers.length]!;
  }

  private listen(worker: Worker): Worker {
    worker.unref();
    worker.on('message', ({ id, mail, error }: { id: number; mail?: ParsedEmail; error?: string }) => {
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.pending.delete(id);
      if (error !== undefined || !mail) waiting.reject(new Error(error ?? 'the parse worker answered nothing'));
      // Buffers arrive as plain Uint8Arrays from another thread.
      else waiting.resolve({ ...mail, attachments: mail.attachments.map((a) => ({ ...a, content: Buffer.from(a.content) })) });
    });
    // A worker that dies fails what it held; the next large mail starts another.
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', () => this.fail(worker, new Error('the parse worker stopped')));
    return worker;
  }

  private fail(worker: Worker, err: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    for (const [id, waiting] of this.pending) {
      if (waiting.worker !== worker) continue;
      this.pending.delete(id);
      waiting.reject(err);
    }
  }
}
