/**
 * Multinomial logistic regression on TF-IDF features, trained by plain SGD
 * with L2 regularisation. On the shipped examples it beats naive Bayes by
 * several points of macro-F1 and still trains in well under a second.
 * Training is deterministic (a fixed shuffle), so evaluations repeat exactly.
 */
export interface Example {
  features: string[];
  label: string;
  /** How much this example counts (default 1); staff corrections count more than shipped examples. */
  weight?: number;
}

/** A trained model as plain data, for storing it and loading it in another process. */
export interface SerializedModel {
  labels: string[];
  features: string[];
  idf: number[];
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

type SparseVector = [index: number, value: number][];

export class LogisticRegression {
  private constructor(
    readonly labels: string[],
    private readonly index: Map<string, number>,
    private readonly idf: Float64Array,
    private readonly weights: Float64Array[],
    private readonly bias: Float64Array,
  ) {}

  static train(examples: readonly Example[], options: Partial<TrainingOptions> = {}): LogisticRegression {
    const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const documentFrequency = new Map<string, number>();
    for (const e of examples) for (const f of new Set(e.features)) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
    const index = new Map([...documentFrequency.keys()].map((f, i) => [f, i]));
    const idf = Float64Array.from([...documentFrequency.values()], (n) => Math.log((1 + examples.length) / (1 + n)) + 1);
    const model = new LogisticRegression(labels, index, idf, labels.map(() => new Float64Array(index.size)), new Float64Array(labels.length));

    const xs = examples.map((e) => model.vectorize(e.features));
    const ys = examples.map((e) => labels.indexOf(e.label));
    const exampleWeight = examples.map((e) => e.weight ?? 1);
    // Balanced class weights: a category with few examples counts as much as a common one.
    const perLabel = labels.map((_, k) => ys.filter((y) => y === k).length);
    const classWeight = perLabel.map((n) => examples.length / (labels.length * n));
    const order = xs.map((_, i) => i);
    for (let epoch = 0; epoch < epochs; epoch++) {
      deterministicShuffle(order, epoch);
      for (const n of order) model.step(xs[n]!, ys[n]!, learningRate * classWeight[ys[n]!]! * exampleWeight[n]!, l2);
    }
    return model;
  }

  static fromJSON(m: SerializedModel): LogisticRegression {
    return new LogisticRegression(
      m.labels,
      new Map(m.features.map((f, i) => [f, i])),
      Float64Array.from(m.idf),
      m.weights.map((w) => Float64Array.from(w)),
      Float64Array.from(m.bias),
    );
  }

  toJSON(): SerializedModel {
    return {
      labels: this.labels,
      features: [...this.index.keys()],
      idf: [...this.idf],
      weights: this.weights.map((w) => [...w]),
      bias: [...this.bias],
    };
  }

  /** Whether any of the features was seen in training (otherwise a prediction is the prior, not evidence). */
  knows(features: readonly string[]): boolean {
    return features.some((f) => this.index.has(f));
  }

  /** Probability per label. */
  predict(features: readonly string[]): Map<string, number> {
    const p = this.probabilities(this.vectorize(features));
    return new Map(this.labels.map((l, k) => [l, p[k]!]));
  }

  private probabilities(x: SparseVector): number[] {
    const z = this.weights.map((w, k) => x.reduce((s, [i, v]) => s + w[i]! * v, this.bias[k]!));
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  }

  private step(x: SparseVector, y: number, learningRate: number, l2: number): void {
    const p = this.probabilities(x);
    for (let k = 0; k < this.labels.length; k++) {
      const gradient = p[k]! - (k === y ? 1 : 0);
      const w = this.weights[k]!;
      for (const [i, v] of x) w[i] = w[i]! - learningRate * (gradient * v + l2 * w[i]!);
      this.bias[k] = this.bias[k]! - learningRate * gradient;
    }
  }

  /** Sublinear term frequency × IDF, L2-normalised; unknown features are dropped. */
  private vectorize(features: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const x: SparseVector = [...counts].map(([i, n]) => [i, (1 + Math.log(n)) * this.idf[i]!]);
    const norm = Math.sqrt(x.reduce((s, [, v]) => s + v * v, 0)) || 1;
    return x.map(([i, v]) => [i, v / norm]);
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
