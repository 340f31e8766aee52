/**
 * How well the router does on messages it was not trained on
 * (`npm run eval:router`): the topic (category) and what the resident wants
 * (kind) by macro-F1, and urgency by recall and false-alarm rate. The
 * evaluation sets in src/router/evaluation/ were written by someone who never
 * saw the training examples, the patterns or the model; they are never trained on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CategoryInfo } from '../catalog/catalog.js';
import { TextClassifier } from './classifier.js';
import type { Labelled } from './training.js';

export const EVALUATION_DIR = fileURLToPath(new URL('./evaluation', import.meta.url));

/** A line of the urgency set: what kind of danger, or what makes a harmless message sound alarming. */
export interface UrgencyExample {
  text: string;
  urgent: boolean;
  danger: string;
  alarm: string;
}

export function loadJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export interface LabelScore {
  label: string;
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
  /** Kind (consultation, help, complaint…) where the test set has it. */
  kind: { accuracy: number; macroF1: number; perKind: LabelScore[] } | null;
  /** Share of the held-out messages labelled urgent that were flagged urgent. */
  urgentRecall: number;
  /** Share of the held-out messages not labelled urgent that were flagged urgent. */
  falseAlarmRate: number;
  perCategory: LabelScore[];
}

/** Per-label precision, recall and F1 of `predicted` against `expected`, over `labels`. */
export function scoreLabels(labels: readonly string[], pairs: readonly { predicted: string; expected: string }[]): LabelScore[] {
  return labels.map((label) => {
    const tp = pairs.filter((r) => r.predicted === label && r.expected === label).length;
    const predicted = pairs.filter((r) => r.predicted === label).length;
    const support = pairs.filter((r) => r.expected === label).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
}

const macro = (scores: LabelScore[]) => scores.reduce((sum, c) => sum + c.f1, 0) / scores.length;
const share = <T>(items: T[], test: (t: T) => boolean) => (items.length ? items.filter(test).length / items.length : NaN);

function categoriesOf(examples: readonly Labelled[]): CategoryInfo[] {
  return [...new Set(examples.map((e) => e.category))]
    .sort()
    .map((code) => ({ code, nameZh: code, nameEn: code, deadlineHours: 0, keywords: [], active: true }));
}

/** Trains on `train`, scores the best guesses for each of `test` (the model alone, no admin keyword lists). */
export function evaluate(train: readonly Labelled[], test: readonly Labelled[], minConfidence = 0.3): Report {
  return evaluateWith(new TextClassifier(train, minConfidence), train.length, test);
}

export function evaluateWith(classifier: TextClassifier, trained: number, test: readonly Labelled[]): Report {
  const categories = categoriesOf(test);
  const results = test.map((e) => ({ ...classifier.classify(e.text, categories), expected: e }));
  const perCategory = scoreLabels(
    categories.map((c) => c.code),
    results.map((r) => ({ predicted: r.guess, expected: r.expected.category })),
  );
  const withKind = results.filter((r) => r.expected.kind);
  const kinds = [...new Set(withKind.map((r) => r.expected.kind!))].sort();
  const perKind = scoreLabels(
    kinds,
    withKind.map((r) => ({ predicted: r.kind, expected: r.expected.kind! })),
  );
  const routed = results.filter((r) => !r.triage);
  return {
    trained,
    tested: test.length,
    accuracy: share(results, (r) => r.guess === r.expected.category),
    macroF1: macro(perCategory),
    triageShare: share(results, (r) => r.triage),
    routedAccuracy: share(routed, (r) => r.guess === r.expected.category),
    kind: withKind.length ? { accuracy: share(withKind, (r) => r.kind === r.expected.kind), macroF1: macro(perKind), perKind } : null,
    urgentRecall: share(
      results.filter((r) => r.expected.urgent),
      (r) => r.urgent,
    ),
    falseAlarmRate: share(
      results.filter((r) => !r.expected.urgent),
      (r) => r.urgent,
    ),
    perCategory,
  };
}

export interface UrgencyReport {
  dangerous: number;
  harmless: number;
  recall: number;
  falseAlarmRate: number;
  /** Recall per kind of danger. */
  perDanger: { label: string; caught: number; of: number }[];
  /** False alarms per kind of alarming-but-harmless message. */
  perAlarm: { label: string; flagged: number; of: number }[];
  /** How many of the caught dangers each signal found. */
  bySignal: Record<string, number>;
}

export function evaluateUrgency(classifier: TextClassifier, set: readonly UrgencyExample[], categories: CategoryInfo[]): UrgencyReport {
  const results = set.map((e) => ({ e, c: classifier.classify(e.text, categories) }));
  const dangerous = results.filter((r) => r.e.urgent);
  const harmless = results.filter((r) => !r.e.urgent);
  const group = <K extends string>(rows: typeof results, key: (e: UrgencyExample) => K) =>
    [...new Set(rows.map((r) => key(r.e)))].sort().map((label) => {
      const of = rows.filter((r) => key(r.e) === label);
      return { label, hit: of.filter((r) => r.c.urgent).length, of: of.length };
    });
  const bySignal: Record<string, number> = {};
  for (const r of dangerous) for (const s of r.c.urgency.signals) bySignal[s] = (bySignal[s] ?? 0) + 1;
  return {
    dangerous: dangerous.length,
    harmless: harmless.length,
    recall: share(dangerous, (r) => r.c.urgent),
    falseAlarmRate: share(harmless, (r) => r.c.urgent),
    perDanger: group(dangerous, (e) => e.danger).map(({ label, hit, of }) => ({ label, caught: hit, of })),
    perAlarm: group(harmless, (e) => e.alarm).map(({ label, hit, of }) => ({ label, flagged: hit, of })),
    bySignal,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

function table(title: string, scores: LabelScore[]): string[] {
  return [
    `${title.padEnd(16)}${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}${'support'.padStart(9)}`,
    ...scores.map((c) => `${c.label.padEnd(16)}${pct(c.precision)}${pct(c.recall)}${pct(c.f1)}${String(c.support).padStart(9)}`),
  ];
}

export function formatReport(r: Report): string {
  return [
    `trained on ${r.trained}, tested on ${r.tested}`,
    `category: accuracy ${pct(r.accuracy).trim()}   macro-F1 ${r.macroF1.toFixed(3)}   to triage ${pct(r.triageShare).trim()}, accuracy of the rest ${pct(r.routedAccuracy).trim()}`,
    r.kind ? `kind:     accuracy ${pct(r.kind.accuracy).trim()}   macro-F1 ${r.kind.macroF1.toFixed(3)}` : 'kind:     (not labelled in this set)',
    `urgent:   recall ${pct(r.urgentRecall).trim()}   false alarms ${pct(r.falseAlarmRate).trim()}`,
    '',
    ...table('category', r.perCategory),
    ...(r.kind ? ['', ...table('kind', r.kind.perKind)] : []),
  ].join('\n');
}

export function formatUrgencyReport(r: UrgencyReport): string {
  return [
    `${r.dangerous} dangerous, ${r.harmless} harmless but alarming`,
    `recall ${pct(r.recall).trim()} (${Math.round(r.recall * r.dangerous)} of ${r.dangerous})   false alarms ${pct(r.falseAlarmRate).trim()} (${Math.round(r.falseAlarmRate * r.harmless)} of ${r.harmless})`,
    `caught by: ${Object.entries(r.bySignal)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
    '',
    `${'danger'.padEnd(16)}caught`,
    ...r.perDanger.map((d) => `${d.label.padEnd(16)}${d.caught}/${d.of}`),
    '',
    `${'alarm'.padEnd(16)}flagged`,
    ...r.perAlarm.map((a) => `${a.label.padEnd(16)}${a.flagged}/${a.of}`),
  ].join('\n');
}
