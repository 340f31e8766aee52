/**
 * Category (the topic), kind (what the resident wants) and urgency for a
 * message. The router's model (src/router/router-model.ts) gives each category
 * and kind a probability; the categories' admin-edited keywords add weight on
 * top, so a new category or a new term works before any retraining, and a
 * resident who says what they want (举报, 投诉, 建议) is taken at their word.
 * Below `minConfidence` the message goes to the triage list instead of a guess.
 */
import type { CategoryInfo } from '../catalog/catalog.js';
import { RouterModel } from './router-model.js';
import { detectUrgency, URGENCY_THRESHOLDS, type Urgency } from './urgency.js';
import type { Labelled } from './training.js';
import type { RequestKind } from '../core/request-kind.js';

export const FALLBACK_CATEGORY = 'other';
/** Each keyword hit multiplies a category's odds by 4. */
const KEYWORD_WEIGHT = Math.log(4);

/** Words with which residents name what they want, each multiplying that kind's odds like a category keyword. */
const KIND_WORDS: Record<RequestKind, RegExp> = {
  consultation: /请问|咨询|想问|问一下|怎么办理|需要(什么|哪些)材料|\b(how do i|where can i|is it possible)\b/i,
  help: /求助|帮帮|帮忙|救命|\bplease help\b/i,
  complaint: /投诉|\bcomplain/i,
  report: /举报|检举|揭发|\breport(ing)? (illegal|corruption)/i,
  suggestion: /建议|能不能(增设|加装|多设|安排)|希望(增加|增设|能够)|\bsuggest/i,
  praise: /表扬|感谢|谢谢|点赞|锦旗|\b(thank|praise)/i,
};
/** Without a kind model and without a word for it: most messages ask for something to be done. */
const FALLBACK_KIND: RequestKind = 'help';

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
  /** What the resident wants, and how sure the model is of it. */
  kind: RequestKind;
  kindConfidence: number;
  urgent: boolean;
  dangers: Urgency['dangers'];
  call: string[];
  /** Which urgency signals fired (pattern, structure, model) and the model's score. */
  urgency: Pick<Urgency, 'signals' | 'score'>;
}

/** Log-scores to probabilities, highest first. */
function posterior(scores: Map<string, number>): { label: string; p: number }[] {
  const max = Math.max(...scores.values());
  const exp = [...scores].map(([label, s]) => ({ label, e: Math.exp(s - max) }));
  const sum = exp.reduce((a, b) => a + b.e, 0);
  return exp.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
}

/** The statistical half of the classifier, trained on labelled examples. */
export function trainModel(examples: readonly Labelled[]): RouterModel | null {
  return RouterModel.train(examples);
}

export class TextClassifier {
  private model: RouterModel | null;
  /** The stored model in use (router_model.id), or null when trained in this process only. */
  modelVersion: number | null = null;

  constructor(
    examples: readonly Labelled[],
    private readonly minConfidence = 0.3,
    private readonly urgencyThresholds = URGENCY_THRESHOLDS,
  ) {
    this.model = trainModel(examples);
  }

  /** Switch to a model retrained elsewhere; messages classified from now on use it. */
  useModel(model: RouterModel, version: number): void {
    this.model = model;
    this.modelVersion = version;
  }

  classify(text: string, categories: readonly CategoryInfo[]): Classification {
    const active = categories.filter((c) => c.active);
    const haystack = text.toLowerCase();
    const hits = new Map(active.map((c) => [c.code, c.keywords.filter((k) => haystack.includes(k.toLowerCase()))]));
    // Nothing the model has seen (a greeting in emoji, "？？"): its answer would be the prior, not a judgement.
    const reading = this.model?.read(text) ?? null;
    const modelProbs = reading?.category ?? null;

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
    const { signals, score, ...urgency } = detectUrgency(text, reading?.urgency ?? null, this.urgencyThresholds);
    const kind = classifyKind(text, reading?.kind ?? null);
    const common = { ...urgency, urgency: { signals, score }, kind: kind.label, kindConfidence: kind.p, modelVersion: this.modelVersion };
    if (!best) {
      return {
        category: FALLBACK_CATEGORY,
        guess: FALLBACK_CATEGORY,
        confidence: 0,
        runnerUp: null,
        matched: [],
        method: 'none',
        triage: true,
        ...common,
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
      triage,
      ...common,
    };
  }
}

/** The model's kind, with the resident's own words for it weighing in. */
function classifyKind(text: string, probs: Map<string, number> | null): { label: RequestKind; p: number } {
  const scores = new Map<string, number>();
  for (const [kind, words] of Object.entries(KIND_WORDS)) {
    const base = probs ? Math.log(Math.max(probs.get(kind) ?? 1e-12, 1e-12)) : 0;
    const said = words.test(text);
    if (probs || said) scores.set(kind, base + (said ? KEYWORD_WEIGHT : 0));
  }
  const best = scores.size ? posterior(scores)[0]! : null;
  return best ? { label: best.label as RequestKind, p: Number(best.p.toFixed(3)) } : { label: FALLBACK_KIND, p: 0 };
}
