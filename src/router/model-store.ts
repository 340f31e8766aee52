/**
 * Trained classifiers kept in the database, so retraining is a command of its
 * own (`npm run router:retrain`) and running workers pick up the result
 * without a restart and without pausing intake: training happens in the
 * command's process, workers only load the finished model.
 *
 * A stored model is used only by processes whose shipped examples and feature
 * format match its digest, so during a deploy old and new code never load each
 * other's models.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import type { Logger } from 'pino';
import { trainModel, type TextClassifier } from './classifier.js';
import { RouterModel, type SerializedRouterModel } from './router-model.js';
import { loadTrainingExamples, TRAINING_DIR, type Labelled } from './training.js';

/** Bump when features or the model's shape change: stored models of another format are ignored. */
const MODEL_FORMAT = 'lr-tfidf-words-chars-3heads-2';
/** A staff correction is a real message labelled by the office: it counts twice. */
const CORRECTION_WEIGHT = 2;

export interface RetrainResult {
  version: number;
  examples: number;
  corrections: number;
  trainingMs: number;
}

/** Identifies the shipped examples (and the feature format) a model was trained with. */
export function shippedDigest(dir = TRAINING_DIR): string {
  const hash = createHash('sha256').update(MODEL_FORMAT);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort())
    hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 32);
}

/** Categories staff corrected (POST /api/v1/cases/:caseNo/category), as training examples. */
export async function staffCorrections(pool: pg.Pool): Promise<Labelled[]> {
  const { rows } = await pool.query<{ text: string; category: string }>('SELECT text, category FROM training_example ORDER BY id');
  return rows.map((r) => ({ ...r, weight: CORRECTION_WEIGHT }));
}

/**
 * Trains on the shipped examples and every staff correction, and stores the model as the newest version
 * (`packer` does the training: the console's retrain hands it to a worker thread).
 * With `cacheDir`, a model of the shipped examples alone is taken from (or left in) that folder, so
 * processes starting on the same machine train once between them, not once each.
 */
export async function retrain(pool: pg.Pool, actor: string, cacheDir?: string, packer: Packer = pack): Promise<RetrainResult> {
  const shipped = loadTrainingExamples();
  const corrections = await staffCorrections(pool);
  const digest = shippedDigest();
  const started = performance.now();
  const stored = cacheDir && corrections.length === 0 ? await cachedShippedModel(cacheDir) : await packer([...shipped, ...corrections]);
  const trainingMs = Math.round(performance.now() - started);
  const { rows } = await pool.query<{ id: number }>(
    'INSERT INTO router_model (examples_digest, examples, corrections, actor, model) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [digest, shipped.length, corrections.length, actor, stored],
  );
  return { version: rows[0]!.id, examples: shipped.length, corrections: corrections.length, trainingMs };
}

/** The model of the shipped examples alone, from `cacheDir` or trained and left there, gzipped JSON. */
export async function cachedShippedModel(cacheDir: string): Promise<Buffer> {
  const file = join(cacheDir, `${shippedDigest()}.json.gz`);
  const cached = await readFile(file).catch(() => null);
  if (cached) return cached;
  const packed = pack(loadTrainingExamples());
  await writeAtomically(file, packed);
  return packed;
}

/** Trains a model on the examples and gives it as gzipped JSON (on the event loop, or elsewhere: see retrain-job.ts). */
export type Packer = (examples: Labelled[]) => Buffer | Promise<Buffer>;

export function pack(examples: Labelled[]): Buffer {
  const model = trainModel(examples);
  if (!model) throw new Error(`no training examples in ${TRAINING_DIR}`);
  return gzipSync(JSON.stringify(model.toJSON()));
}

/** Another process reading the file sees the old one or the whole new one, never half of it. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const dir = join(file, '..');
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/** Keeps one classifier on the newest stored model. */
export class ModelStore {
  private readonly digest = shippedDigest();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    readonly classifier: TextClassifier,
    private readonly log: Logger,
    private readonly cacheDir?: string,
  ) {}

  /** Loads the newest stored model; trains (and stores) one first when none fits this code. */
  async open(): Promise<void> {
    if (await this.refresh()) return;
    const result = await retrain(this.pool, 'startup', this.cacheDir);
    this.log.info(result, 'router model trained (or taken from the cache) at start-up');
    await this.refresh();
  }

  /** Loads a newer stored model if there is one; true when the classifier now has a stored model. */
  async refresh(): Promise<boolean> {
    const current = this.classifier.modelVersion ?? 0;
    const { rows } = await this.pool.query<{ id: number; model: Buffer }>(
      'SELECT id, model FROM router_model WHERE examples_digest = $1 AND id > $2 ORDER BY id DESC LIMIT 1',
      [this.digest, current],
    );
    const row = rows[0];
    if (row) {
      this.classifier.useModel(RouterModel.fromJSON(JSON.parse(gunzipSync(row.model).toString()) as SerializedRouterModel), row.id);
      if (current) this.log.info({ version: row.id, previous: current }, 'router model updated');
    }
    return this.classifier.modelVersion !== null;
  }

  /** Looks for a newer model every `intervalMs`; a failed look is logged and tried again next time. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.refresh().catch((err) => this.log.warn({ err: (err as Error).message }, 'router model refresh failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
