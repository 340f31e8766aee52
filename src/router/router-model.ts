/**
 * The router's learned model: one vocabulary (words, characters and character
 * bigrams with their IDF) and three heads over it: the topic (category), what
 * the resident wants (kind), and whether it describes immediate danger
 * (urgency). A message is segmented and vectorised once for all three.
 */
import { features } from './segment.js';
import { LogisticRegression, type SerializedHead, type TrainingOptions } from './logistic-regression.js';
import { Vocabulary, type SerializedVocabulary } from './vocabulary.js';
import type { Labelled } from './training.js';

export interface SerializedRouterModel {
  vocabulary: SerializedVocabulary;
  category: SerializedHead;
  kind: SerializedHead | null;
  urgency: SerializedHead | null;
}

/** What the model makes of one message. */
export interface Reading {
  features: string[];
  /** Whether the model has seen any of its features (else its probabilities are only the priors). */
  known: boolean;
  category: Map<string, number> | null;
  kind: Map<string, number> | null;
  /** Probability that it describes immediate danger. */
  urgency: number | null;
}

const URGENT = 'urgent';
const CALM = 'calm';

export class RouterModel {
  private constructor(
    private readonly vocabulary: Vocabulary,
    private readonly category: LogisticRegression,
    private readonly kind: LogisticRegression | null,
    private readonly urgency: LogisticRegression | null,
  ) {}

  /** Trains every head that has labels to learn from (two labels at least); null without examples. */
  static train(examples: readonly Labelled[], options: Partial<TrainingOptions> = {}): RouterModel | null {
    if (!examples.length) return null;
    const documents = examples.map((e) => features(e.text));
    const vocabulary = Vocabulary.build(documents);
    const xs = documents.map((d) => vocabulary.vectorize(d));
    const head = (label: (e: Labelled) => string | undefined) => {
      const labelled = examples.flatMap((e, n) => {
        const l = label(e);
        return l === undefined ? [] : [{ x: xs[n]!, label: l, weight: e.weight }];
      });
      return new Set(labelled.map((e) => e.label)).size >= 2 ? LogisticRegression.train(vocabulary.size, labelled, options) : null;
    };
    const category = LogisticRegression.train(
      vocabulary.size,
      examples.map((e, n) => ({ x: xs[n]!, label: e.category, weight: e.weight })),
      options,
    );
    return new RouterModel(
      vocabulary,
      category,
      head((e) => e.kind),
      head((e) => (e.urgent === undefined ? undefined : e.urgent ? URGENT : CALM)),
    );
  }

  static fromJSON(m: SerializedRouterModel): RouterModel {
    return new RouterModel(
      Vocabulary.fromJSON(m.vocabulary),
      LogisticRegression.fromJSON(m.category),
      m.kind ? LogisticRegression.fromJSON(m.kind) : null,
      m.urgency ? LogisticRegression.fromJSON(m.urgency) : null,
    );
  }

  toJSON(): SerializedRouterModel {
    return {
      vocabulary: this.vocabulary.toJSON(),
      category: this.category.toJSON(),
      kind: this.kind?.toJSON() ?? null,
      urgency: this.urgency?.toJSON() ?? null,
    };
  }

  /** The categories the model was trained on. */
  get categories(): string[] {
    return this.category.labels;
  }

  read(text: string): Reading {
    const f = features(text);
    const known = this.vocabulary.knows(f);
    if (!known) return { features: f, known, category: null, kind: null, urgency: null };
    const x = this.vocabulary.vectorize(f);
    return {
      features: f,
      known,
      category: this.category.predict(x),
      kind: this.kind?.predict(x) ?? null,
      urgency: this.urgency?.predict(x).get(URGENT) ?? null,
    };
  }
}
