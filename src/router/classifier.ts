/**
 * A keyword classifier over the seeded categories: the baseline the router's
 * statistical model replaces. Chinese keywords match as substrings (no spaces
 * between words); Latin keywords match case-insensitively.
 */
import type { CategoryInfo } from './catalog.js';

export interface Classification {
  category: string;
  /** Share of all keyword hits that went to the winner; 0 when nothing matched. */
  confidence: number;
  runnerUp: string | null;
  matched: string[];
  method: 'keywords';
}

export const FALLBACK_CATEGORY = 'other';

export function classify(text: string, categories: readonly CategoryInfo[]): Classification {
  const haystack = text.toLowerCase();
  const scored = categories
    .filter((c) => c.active)
    .map((c) => {
      const matched = c.keywords.filter((k) => haystack.includes(k.toLowerCase()));
      return { code: c.code, matched };
    })
    .filter((s) => s.matched.length > 0)
    .sort((a, b) => b.matched.length - a.matched.length);

  const best = scored[0];
  if (!best) return { category: FALLBACK_CATEGORY, confidence: 0, runnerUp: null, matched: [], method: 'keywords' };
  const total = scored.reduce((sum, s) => sum + s.matched.length, 0);
  return {
    category: best.code,
    confidence: Number((best.matched.length / total).toFixed(2)),
    runnerUp: scored[1]?.code ?? null,
    matched: best.matched,
    method: 'keywords',
  };
}
