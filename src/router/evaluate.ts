/**
 * How well the classifier does on examples it was not trained on: accuracy,
 * macro-F1 and a per-category table (`npm run eval:router`).
 */
import type { CategoryInfo } from './catalog.js';
import { TextClassifier } from './classifier.js';
import type { Labelled } from './training.js';

export interface CategoryScore {
  category: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  trained: number;
  tested: number;
  accuracy: number;
  macroF1: number;
  /** Share of held-out messages that would go to the triage list at `minConfidence`. */
  triageShare: number;
  /** Accuracy on the messages that would be routed without a person (not sent to triage). */
  routedAccuracy: number;
  /** Share of the held-out messages labelled urgent that were flagged urgent. */
  urgentRecall: number;
  /** Share of the held-out messages flagged urgent that were labelled urgent. */
  urgentPrecision: number;
  perCategory: CategoryScore[];
}

/** Trains on `train`, scores the best guess for each of `test` (the model alone, no keyword lists). */
export function evaluate(train: readonly Labelled[], test: readonly Labelled[], minConfidence = 0.3): Report {
  const classifier = new TextClassifier(train, minConfidence);
  const codes = [...new Set(train.map((e) => e.category))].sort();
  const categories: CategoryInfo[] = codes.map((code) => ({ code, nameZh: code, nameEn: code, deadlineHours: 0, keywords: [], active: true }));
  const results = test.map((e) => ({ ...classifier.classify(e.text, categories), expected: e.category, labelledUrgent: e.urgent }));

  const perCategory = codes.map((category) => {
    const tp = results.filter((r) => r.guess === category && r.expected === category).length;
    const predicted = results.filter((r) => r.guess === category).length;
    const support = results.filter((r) => r.expected === category).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { category, precision, recall, f1, support };
  });
  const urgent = results.filter((r) => r.labelledUrgent);
  return {
    trained: train.length,
    tested: test.length,
    accuracy: results.filter((r) => r.guess === r.expected).length / results.length,
    macroF1: perCategory.reduce((sum, c) => sum + c.f1, 0) / perCategory.length,
    triageShare: results.filter((r) => r.triage).length / results.length,
    routedAccuracy: ((routed) => (routed.length ? routed.filter((r) => r.guess === r.expected).length / routed.length : NaN))(results.filter((r) => !r.triage)),
    urgentRecall: urgent.length ? urgent.filter((r) => r.urgent).length / urgent.length : NaN,
    urgentPrecision: ((flagged) => (flagged.length ? flagged.filter((r) => r.labelledUrgent).length / flagged.length : NaN))(results.filter((r) => r.urgent)),
    perCategory,
  };
}

export function formatReport(r: Report): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = r.perCategory.map((c) => `${c.category.padEnd(16)}${pct(c.precision)}${pct(c.recall)}${pct(c.f1)}${String(c.support).padStart(9)}`);
  return [
    `trained on ${r.trained}, held out ${r.tested}`,
    `accuracy ${pct(r.accuracy).trim()}   macro-F1 ${r.macroF1.toFixed(3)}   urgent recall ${pct(r.urgentRecall).trim()}, precision ${pct(r.urgentPrecision).trim()}`,
    `to triage ${pct(r.triageShare).trim()}, accuracy of the rest ${pct(r.routedAccuracy).trim()}`,
    '',
    `${'category'.padEnd(16)}${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}${'support'.padStart(9)}`,
    ...rows,
  ].join('\n');
}
