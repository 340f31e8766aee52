/** The evaluation command, run in CI on a small split so it cannot silently break. */
import { describe, expect, it } from 'vitest';
import { evaluate, formatReport } from '../../src/router/evaluate.js';
import { loadTrainingExamples, split } from '../../src/router/training.js';

const examples = loadTrainingExamples();

describe('router evaluation', () => {
  it('should ship labelled examples for every category', () => {
    const codes = new Set(examples.map((e) => e.category));
    expect([...codes].sort()).toEqual(['conduct', 'consultation', 'dispute', 'education', 'employment', 'environment', 'housing', 'infrastructure', 'medical', 'other', 'public_safety', 'social_security']);
    expect(examples.length).toBeGreaterThanOrEqual(600);
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
