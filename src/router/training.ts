/**
 * The labelled examples shipped in src/router/training/*.jsonl
 * (`{"text", "category", "kind", "urgent"}` per line) and a deterministic
 * train/held-out split for evaluation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export interface Labelled {
  text: string;
  category: string;
  /** What the resident wants (consultation, help, complaint…); absent on examples labelled before the second axis. */
  kind?: string;
  /** Immediate danger; absent where nobody judged it (a staff correction of the category only). */
  urgent?: boolean;
  /** How much the example counts in training (default 1). */
  weight?: number;
}

/** The folder beside this file, seen from src (tsx) or dist (compiled, copied there by the Dockerfile). */
export const TRAINING_DIR = fileURLToPath(new URL('./training', import.meta.url));

export function loadTrainingExamples(dir = TRAINING_DIR): Labelled[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Labelled),
    );
}

/**
 * Every example lands on the same side every time (by a hash of its text), so
 * the held-out share is never seen in training, across runs and machines.
 */
export function split(examples: readonly Labelled[], heldOutPercent = 20): { train: Labelled[]; test: Labelled[] } {
  const train: Labelled[] = [];
  const test: Labelled[] = [];
  for (const e of examples) {
    const bucket = createHash('sha1').update(e.text).digest().readUInt16BE(0) % 100;
    (bucket < heldOutPercent ? test : train).push(e);
  }
  return { train, test };
}
