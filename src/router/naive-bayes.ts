/**
 * Multinomial naive Bayes with Laplace smoothing: small, fast to train (a few
 * milliseconds for a thousand messages), and a good baseline for short texts.
 * Scores are log-probabilities; `posterior` turns them into probabilities.
 */
export interface Example {
  features: string[];
  label: string;
}

export class NaiveBayes {
  private constructor(
    private readonly labels: string[],
    private readonly logPrior: Map<string, number>,
    private readonly logLikelihood: Map<string, Map<string, number>>,
    private readonly logUnseen: Map<string, number>,
  ) {}

  static train(examples: readonly Example[], alpha = 1): NaiveBayes {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    const docs = new Map<string, number>();
    const vocabulary = new Set<string>();
    for (const { features, label } of examples) {
      docs.set(label, (docs.get(label) ?? 0) + 1);
      const c = counts.get(label) ?? new Map<string, number>();
      counts.set(label, c);
      for (const f of features) {
        c.set(f, (c.get(f) ?? 0) + 1);
        vocabulary.add(f);
      }
      totals.set(label, (totals.get(label) ?? 0) + features.length);
    }
    const labels = [...docs.keys()].sort();
    const v = vocabulary.size;
    const logPrior = new Map(labels.map((l) => [l, Math.log(docs.get(l)! / examples.length)]));
    const logUnseen = new Map(labels.map((l) => [l, Math.log(alpha / (totals.get(l)! + alpha * v))]));
    const logLikelihood = new Map(
      labels.map((l) => {
        const denominator = totals.get(l)! + alpha * v;
        return [l, new Map([...counts.get(l)!].map(([f, n]) => [f, Math.log((n + alpha) / denominator)]))];
      }),
    );
    return new NaiveBayes(labels, logPrior, logLikelihood, logUnseen);
  }

  /** Log-score per label (unnormalized). */
  scores(features: readonly string[]): Map<string, number> {
    return new Map(
      this.labels.map((l) => {
        const likelihood = this.logLikelihood.get(l)!;
        const unseen = this.logUnseen.get(l)!;
        let score = this.logPrior.get(l)!;
        for (const f of features) score += likelihood.get(f) ?? unseen;
        return [l, score];
      }),
    );
  }
}

/** Log-scores to probabilities, highest first. */
export function posterior(scores: Map<string, number>): { label: string; p: number }[] {
  const max = Math.max(...scores.values());
  const exp = [...scores].map(([label, s]) => ({ label, e: Math.exp(s - max) }));
  const sum = exp.reduce((a, b) => a + b.e, 0);
  return exp.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
}
