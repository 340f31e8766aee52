/** The evaluation command, run in CI on a small split so it cannot silently break. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EVALUATION_DIR, evaluate, formatReport, loadJsonl, type UrgencyExample } from '../../src/router/evaluate.js';
import { loadTrainingExamples, split, type Labelled } from '../../src/router/training.js';
import { RequestKind } from '../../src/core/request-kind.js';

const examples = loadTrainingExamples();
const blind = loadJsonl<Labelled>(join(EVALUATION_DIR, 'heldout.jsonl'));
const urgency = loadJsonl<UrgencyExample>(join(EVALUATION_DIR, 'urgency.jsonl'));

describe('router evaluation', () => {
  it('should ship labelled examples for every category', () => {
    const codes = new Set(examples.map((e) => e.category));
    expect([...codes].sort()).toEqual([
      'conduct',
      'consultation',
      'dispute',
      'education',
      'employment',
      'environment',
      'housing',
      'infrastructure',
      'medical',
      'other',
      'public_safety',
      'social_security',
    ]);
    expect(examples.length).toBeGreaterThanOrEqual(600);
  });

  it('should label every shipped example on both axes', () => {
    const unlabelled = examples.filter((e) => !RequestKind.safeParse(e.kind).success || typeof e.urgent !== 'boolean');
    expect(unlabelled.map((e) => e.text)).toEqual([]);
  });

  it('should never train on the evaluation sets', () => {
    const trained = new Set(examples.map((e) => e.text));
    expect([...blind, ...urgency].filter((e) => trained.has(e.text)).map((e) => e.text)).toEqual([]);
  });

  it('should keep an urgency set of at least 300, half dangerous across at least 15 kinds of danger', () => {
    const dangerous = urgency.filter((e) => e.urgent);
    expect(urgency.length).toBeGreaterThanOrEqual(300);
    expect(dangerous.length / urgency.length).toBeGreaterThan(0.4);
    expect(dangerous.length / urgency.length).toBeLessThan(0.6);
    expect(new Set(dangerous.map((e) => e.danger)).size).toBeGreaterThanOrEqual(15);
    expect(blind.every((e) => RequestKind.safeParse(e.kind).success)).toBe(true);
  });

  it('should hold out the same examples every time, about the share asked for', () => {
    const first = split(examples);
    const again = split([...examples].reverse());
    expect(new Set(again.test.map((e) => e.text))).toEqual(new Set(first.test.map((e) => e.text)));
    expect(first.test.length / examples.length).toBeGreaterThan(0.15);
    expect(first.test.length / examples.length).toBeLessThan(0.25);
  });

  it('should classify a small held-out split well above chance (1 in 12) and print its table', () => {
    const { train, test } = split(examples, 10);
    const report = evaluate(train, test);
    // A guard against a broken pipeline, not the target: see npm run eval:router for the real figures.
    expect(report.macroF1).toBeGreaterThan(0.4);
    expect(formatReport(report)).toMatch(/macro-F1 0\.\d{3}/);
  });
});
