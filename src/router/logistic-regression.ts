/**
 * Multinomial logistic regression over a shared vocabulary's TF-IDF vectors,
 * trained by plain SGD with L2 regularisation. On the shipped examples it
 * beats naive Bayes by several points of macro-F1 and still trains in about a
 * second. Training is deterministic (a fixed shuffle), so evaluations repeat exactly.
 */
import type { SparseVector } from './vocabulary.js';

export interface Example {
  x: SparseVector;
  label: string;
  /** How much this example counts (default 1); staff corrections count more than shipped examples. */
  weight?: number;
}

/** A trained head as plain data, for storing it and loading it in another process. */
export interface SerializedHead {
  labels: string[];
  weights: number[][];
  bias: number[];
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

// Chosen on a validation share of the training split (never the held-out split).
const DEFAULTS: TrainingOptions = { epochs: 20, learningRate: 1, l2: 3e-4 };

export class LogisticRegression {
  private constructor(
    readonly labels: string[],
    private readonly weights: Float64Array[],
    private readonly bias: Float64Array,
  ) {}

  static train(dimensions: number, examples: readonly Example[], options: Partial<TrainingOptions> = {}): LogisticRegression {
    const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const model = new LogisticRegression(
      labels,
      labels.map(() => new Float64Array(dimensions)),
      new Float64Array(labels.length),
    );
    const ys = examples.map((e) => labels.indexOf(e.label));
    // Balanced class weights: a label with few examples counts as much as a common one.
    const perLabel = labels.map((_, k) => ys.filter((y) => y === k).length);
    const classWeight = perLabel.map((n) => examples.length / (labels.length * n));
    const order = examples.map((_, i) => i);
    const scratch = new Float64Array(labels.length);
    for (let epoch = 0; epoch < epochs; epoch++) {
      deterministicShuffle(order, epoch);
      for (const n of order) model.step(examples[n]!.x, ys[n]!, learningRate * classWeight[ys[n]!]! * (examples[n]!.weight ?? 1), l2, scratch);
    }
    return model;
  }

  static fromJSON(m: SerializedHead): LogisticRegression {
    return new LogisticRegression(
      m.labels,
      m.weights.map((w) => Float64Array.from(w)),
      Float64Array.from(m.bias),
    );
  }

  toJSON(): SerializedHead {
    return { labels: this.labels, weights: this.weights.map((w) => [...w]), bias: [...this.bias] };
  }

  /** Probability per label. */
  predict(x: SparseVector): Map<string, number> {
    const p = this.probabilities(x, new Float64Array(this.labels.length));
    return new Map(this.labels.map((l, k) => [l, p[k]!]));
  }

  /** Softmax of each label's score, written into `out`. */
  private probabilities(x: SparseVector, out: Float64Array): Float64Array {
    let max = -Infinity;
    for (let k = 0; k < this.labels.length; k++) {
      const w = this.weights[k]!;
      let z = this.bias[k]!;
      for (let j = 0; j < x.index.length; j++) z += w[x.index[j]!]! * x.value[j]!;
      out[k] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let k = 0; k < out.length; k++) sum += out[k] = Math.exp(out[k]! - max);
    for (let k = 0; k < out.length; k++) out[k]! /= sum;
    return out;
  }

  private step(x: SparseVector, y: number, learningRate: number, l2: number, p: Float64Array): void {
    this.probabilities(x, p);
    for (let k = 0; k < this.labels.length; k++) {
      const gradient = p[k]! - (k === y ? 1 : 0);
      const w = this.weights[k]!;
      for (let j = 0; j < x.index.length; j++) {
        const i = x.index[j]!;
        w[i] = w[i]! - learningRate * (gradient * x.value[j]! + l2 * w[i]!);
      }
      this.bias[k] = this.bias[k]! - learningRate * gradient;
    }
  }
}

/** Fisher–Yates with a fixed linear-congruential sequence per epoch. */
function deterministicShuffle(order: number[], seed: number): void {
  let state = (seed + 1) * 2654435761;
  for (let i = order.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
