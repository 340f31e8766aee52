import { describe, expect, it } from 'vitest';
import { summarise, formatKnowledgeReport, type Scored } from '../../src/knowledge/evaluate.js';

const scored = (text: string, expected: string | null, eligible: boolean, best: [string, number] | null): Scored => ({
  example: { text, expected },
  eligible,
  best: best && { slug: best[0], score: best[1] },
});

describe('knowledge evaluation figures', () => {
  const all = [
    scored('a', 'dog', true, ['dog', 0.8]), // right
    scored('b', 'dog', true, ['id-card', 0.6]), // wrong answer
    scored('c', null, true, ['dog', 0.55]), // answered, none expected
    scored('d', 'dog', true, ['dog', 0.3]), // below the threshold
    scored('e', 'dog', false, ['dog', 0.9]), // the router kept it (not a consultation)
    scored('f', null, false, null),
  ];

  it('should count answers, right ones and misses at the threshold', () => {
    expect(summarise(all, 0.5)).toEqual({
      minScore: 0.5,
      examples: 6,
      expecting: 4,
      eligible: 4,
      answered: 3,
      right: 1,
      wrong: 2,
      missed: 2,
      missedByRouter: 1,
    });
    expect(summarise(all, 0.25)).toMatchObject({ answered: 4, right: 2, wrong: 2, missed: 1 });
  });

  it('should print the threshold with the figures', () => {
    const text = formatKnowledgeReport(summarise(all, 0.5));
    expect(text).toContain('threshold (KNOWLEDGE_MIN_SCORE): 0.5');
    expect(text).toContain('answered: 3; right: 1');
    expect(text).toContain('should have been answered but were not: 2');
  });
});
