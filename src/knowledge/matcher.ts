/**
 * Which answer of the knowledge base a message asks for (现场答疑): TF-IDF
 * cosine similarity between the message and each question variant, over the
 * router's features (src/router/segment.ts: words, single Chinese characters
 * and character bigrams, so a paraphrase that the segmenter splits otherwise
 * still shares most of its bigrams). An entry scores as its best variant.
 *
 * Pure, no I/O. The index is built once per list of entries (the catalog
 * snapshot holds one list until it is reloaded) and kept in a WeakMap.
 */
import { features } from '../router/segment.js';
import type { CatalogSnapshot, ZoneInfo } from '../catalog/catalog.js';
import { zoneChain } from '../catalog/zone-tree.js';

import type { KnowledgeEntryInfo } from '../catalog/catalog.js';

export type { KnowledgeEntryInfo };

export interface KnowledgeMatch {
  entry: KnowledgeEntryInfo;
  /** Cosine similarity of the message and the entry's best question variant, 0..1. */
  score: number;
  /** That variant. */
  question: string;
}

/** Single characters say little on their own: they count for this share of a word or bigram. */
const CHAR_WEIGHT = 0.3;

interface Posting {
  variant: number;
  weight: number;
}

/**
 * The router's features, less the bigrams that straddle two words (请问外地 → 问外): on the
 * developer's paraphrases (src/knowledge/tuning.jsonl) they only added noise.
 */
function terms(text: string): string[] {
  const all = features(text);
  const inWord = new Set<string>();
  for (const f of all) {
    if (f.startsWith('@') || f.startsWith('#')) continue;
    for (let i = 0; i + 1 < f.length; i++) inWord.add(`#${f.slice(i, i + 2)}`);
  }
  return all.filter((f) => !f.startsWith('#') || inWord.has(f));
}

/** Term → weight, sublinear in the count. */
function termWeights(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of terms(text)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [term, n] of counts) weights.set(term, (1 + Math.log(n)) * (term.startsWith('@') ? CHAR_WEIGHT : 1));
  return weights;
}

export class KnowledgeIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  /** A term no variant has counts as one that a single variant has: words the questions lack pull the score down. */
  private readonly unseenIdf: number;
  private readonly owner: { entry: number; question: string }[] = [];

  constructor(readonly entries: readonly KnowledgeEntryInfo[]) {
    const variants: Map<string, number>[] = [];
    for (const [e, entry] of entries.entries()) {
      for (const question of entry.questions) {
        variants.push(termWeights(question));
        this.owner.push({ entry: e, question });
      }
    }
    const df = new Map<string, number>();
    for (const v of variants) for (const term of v.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const n = variants.length;
    for (const [term, d] of df) this.idf.set(term, Math.log((n + 1) / (d + 0.5)));
    this.unseenIdf = Math.log((n + 1) / 1.5);
    for (const [i, v] of variants.entries()) {
      let norm = 0;
      const weighted: [string, number][] = [];
      for (const [term, w] of v) {
        const x = w * this.idf.get(term)!;
        weighted.push([term, x]);
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [term, x] of weighted) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ variant: i, weight: x / norm });
      }
    }
  }

  /** Every entry `accept`s with a score above zero, best first. */
  rank(text: string, accept: (entry: KnowledgeEntryInfo) => boolean = () => true): KnowledgeMatch[] {
    const query = termWeights(text);
    let norm = 0;
    const dots = new Float64Array(this.owner.length);
    for (const [term, w] of query) {
      const x = w * (this.idf.get(term) ?? this.unseenIdf);
      norm += x * x;
      for (const p of this.postings.get(term) ?? []) dots[p.variant]! += x * p.weight;
    }
    if (norm === 0) return [];
    norm = Math.sqrt(norm);
    const best = new Map<number, KnowledgeMatch>();
    const accepted = new Map<number, boolean>();
    for (let i = 0; i < dots.length; i++) {
      if (dots[i] === 0) continue;
      const { entry: e, question } = this.owner[i]!;
      const entry = this.entries[e]!;
      const score = dots[i]! / norm;
      if ((best.get(e)?.score ?? 0) >= score) continue;
      let ok = accepted.get(e);
      if (ok === undefined) accepted.set(e, (ok = accept(entry)));
      if (ok) best.set(e, { entry, score, question });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}

const indexes = new WeakMap<readonly KnowledgeEntryInfo[], KnowledgeIndex>();

/** The index of this list of entries, built on first use. */
export function indexOf(entries: readonly KnowledgeEntryInfo[]): KnowledgeIndex {
  let index = indexes.get(entries);
  if (!index) indexes.set(entries, (index = new KnowledgeIndex(entries)));
  return index;
}

/** Whether an entry may answer a case in `zone` on `today` (YYYY-MM-DD): active, still valid, for that zone or one above it. */
export function entryApplies(entry: KnowledgeEntryInfo, zone: ZoneInfo, catalog: CatalogSnapshot, today: string): boolean {
  if (!entry.active) return false;
  if (entry.validUntil !== null && entry.validUntil < today) return false;
  if (entry.zoneCodes.length === 0) return true;
  return zoneChain(zone, catalog).some((z) => entry.zoneCodes.includes(z.code));
}

/**
 * The best entry for a message sent to `zone` among those that apply, and
 * whether it clears `minScore`. Null when no applicable entry shares a term with it.
 */
export function matchKnowledge(
  text: string,
  catalog: CatalogSnapshot,
  zone: ZoneInfo,
  today: string,
  minScore: number,
): (KnowledgeMatch & { answered: boolean }) | null {
  if (catalog.knowledge.length === 0) return null;
  const [best] = indexOf(catalog.knowledge).rank(text, (e) => entryApplies(e, zone, catalog, today));
  return best ? { ...best, answered: best.score >= minScore } : null;
}

/**
 * KNOWLEDGE_MIN_SCORE's default. On the developer's 66 messages (src/knowledge/tuning.jsonl; `npx tsx
 * scripts/knowledge-threshold.ts`) 0.5 answered 34, 33 of them right, and left 12 of the 45 that name an
 * answer unanswered; 0.45 answered 37 (1 wrong), 0.55 answered 27 (none wrong). A wrong answer costs the
 * resident more than a miss (which goes to the zone as before), so the stricter side of the knee.
 */
export const DEFAULT_KNOWLEDGE_MIN_SCORE = 0.5;
