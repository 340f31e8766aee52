/**
 * The feature space shared by every head of the router's model (category,
 * kind, urgency): which features were seen in training and how rare each is
 * (IDF). A message is turned into one sparse vector once and every head reads it.
 */
/** Feature indices and their weights, side by side (typed arrays: the training loop reads them millions of times). */
export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

export interface SerializedVocabulary {
  features: string[];
  idf: number[];
}

export class Vocabulary {
  private constructor(
    private readonly index: Map<string, number>,
    private readonly idf: Float64Array,
  ) {}

  /** Every feature of every document, weighted by its inverse document frequency. */
  static build(documents: readonly (readonly string[])[]): Vocabulary {
    const documentFrequency = new Map<string, number>();
    for (const doc of documents) for (const f of new Set(doc)) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
    const index = new Map([...documentFrequency.keys()].map((f, i) => [f, i]));
    const idf = Float64Array.from([...documentFrequency.values()], (n) => Math.log((1 + documents.length) / (1 + n)) + 1);
    return new Vocabulary(index, idf);
  }

  static fromJSON(v: SerializedVocabulary): Vocabulary {
    return new Vocabulary(new Map(v.features.map((f, i) => [f, i])), Float64Array.from(v.idf));
  }

  toJSON(): SerializedVocabulary {
    return { features: [...this.index.keys()], idf: [...this.idf] };
  }

  get size(): number {
    return this.index.size;
  }

  /** Whether any of the features was seen in training (otherwise a prediction is the prior, not evidence). */
  knows(features: readonly string[]): boolean {
    return features.some((f) => this.index.has(f));
  }

  /** Sublinear term frequency × IDF, L2-normalised; unknown features are dropped. */
  vectorize(features: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const index = Int32Array.from(counts.keys());
    const value = Float64Array.from(counts, ([i, n]) => (1 + Math.log(n)) * this.idf[i]!);
    const norm = Math.hypot(...value) || 1;
    for (let k = 0; k < value.length; k++) value[k]! /= norm;
    return { index, value };
  }
}
