/**
 * Category and urgency for a message. A logistic-regression model trained on
 * the labelled examples (words and character bigrams) gives each category a
 * probability; the categories' admin-edited keywords add weight on top, so a
 * new category or a new term works before any retraining. Below
 * `minConfidence` the message goes to the triage list instead of a guess.
 */
import type { CategoryInfo } from './catalog.js';
import { features } from './segment.js';
import { LogisticRegression } from './logistic-regression.js';
import { detectUrgency, type Danger } from './urgency.js';
import type { Labelled } from './training.js';

export const FALLBACK_CATEGORY = 'other';
/** Each keyword hit multiplies a category's odds by 4. */
const KEYWORD_WEIGHT = Math.log(4);

export interface Classification {
  category: string;
  confidence: number;
  /** The model's (or keywords') best guess, even when the case went to triage. */
  guess: string;
  runnerUp: string | null;
  matched: string[];
  method: 'model' | 'model+keywords' | 'keywords' | 'none';
  /** The stored model that classified it (router_model.id), null when trained in-process. */
  modelVersion: number | null;
  triage: boolean;
  urgent: boolean;
  dangers: Danger[];
  call: string[];
}

/** Log-scores to probabilities, highest first. */
function posterior(scores: Map<string, number>): { label: string; p: number }[] {
  const max = Math.max(...scores.values());
  const exp = [...scores].map(([label, s]) => ({ label, e: Math.exp(s - max) }));
  const sum = exp.reduce((a, b) => a + b.e, 0);
  return exp.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
}

/** The statistical half of the classifier, trained on labelled examples. */
export function trainModel(examples: readonly Labelled[]): LogisticRegression | null {
  if (!examples.length) return null;
  return LogisticRegression.train(examples.map((e) => ({ features: features(e.text), label: e.category, weight: e.weight })));
}

export class TextClassifier {
  private model: LogisticRegression | null;
  /** The stored model in use (router_model.id), or null when trained in this process only. */
  modelVersion: number | null = null;

  constructor(
    examples: readonly Labelled[],
    private readonly minConfidence = 0.3,
  ) {
    this.model = trainModel(examples);
  }

  /** Switch to a model retrained elsewhere; messages classified from now on use it. */
  useModel(model: LogisticRegression, version: number): void {
    this.model = model;
    this.modelVersion = version;
  }

  classify(text: string, categories: readonly CategoryInfo[]): Classification {
    const active = categories.filter((c) => c.active);
    const haystack = text.toLowerCase();
    const hits = new Map(active.map((c) => [c.code, c.keywords.filter((k) => haystack.includes(k.toLowerCase()))]));
    const words = features(text);
    // Nothing the model has seen (a greeting in emoji, "？？"): its answer would be the prior, not a judgement.
    const modelProbs = this.model?.knows(words) ? this.model.predict(words) : null;

    const scores = new Map<string, number>();
    for (const c of active) {
      const keywordHits = hits.get(c.code)!.length;
      const trained = modelProbs?.has(c.code) ?? false;
      // Without the model's word on it, a category is in the running only through its keywords,
      // starting from an even share.
      if (!trained && keywordHits === 0) continue;
      const base = trained ? Math.log(Math.max(modelProbs!.get(c.code)!, 1e-12)) : modelProbs ? Math.log(1 / modelProbs.size) : 0;
      scores.set(c.code, base + keywordHits * KEYWORD_WEIGHT);
    }
    const ranked = scores.size ? posterior(scores) : [];
    const best = ranked[0];
    const urgency = detectUrgency(text);
    if (!best) {
      return {
        category: FALLBACK_CATEGORY,
        guess: FALLBACK_CATEGORY,
        confidence: 0,
        runnerUp: null,
        matched: [],
        method: 'none',
        modelVersion: this.modelVersion,
        triage: true,
        ...urgency,
      };
    }
    const matched = hits.get(best.label) ?? [];
    const confidence = Number(best.p.toFixed(3));
    const triage = confidence < this.minConfidence;
    return {
      category: triage ? FALLBACK_CATEGORY : best.label,
      guess: best.label,
      confidence,
      runnerUp: ranked[1]?.label ?? null,
      matched,
      method: modelProbs ? ([...hits.values()].some((h) => h.length) ? 'model+keywords' : 'model') : 'keywords',
      modelVersion: this.modelVersion,
      triage,
      ...urgency,
    };
  }
}
