/**
 * How well the knowledge base answers on the spot, over lines
 * {"text", "expected": "<entry slug>" | null} (null: no entry answers it, or it
 * must not be answered, e.g. a complaint). Each message goes through the router
 * as the intake sends it (kind, urgency, officials) and then the matcher, with
 * every entry applying (one zone, the district), so the figures measure the
 * answers, not the zone configuration.
 */
import type { CategoryInfo } from '../catalog/catalog.js';
import { buildSnapshot, type ZoneInfo } from '../catalog/catalog.js';
import type { TextClassifier } from '../router/classifier.js';
import { route } from '../router/route.js';
import type { KnowledgeEntryInfo } from './matcher.js';
import { knowledgeAnswer } from './on-the-spot.js';

export interface KnowledgeExample {
  text: string;
  expected: string | null;
}

/** One message's outcome, before any threshold: what the matcher offered, if the message was eligible at all. */
export interface Scored {
  example: KnowledgeExample;
  /** A consultation, not urgent, not about officials: the knowledge base may answer it. */
  eligible: boolean;
  best: { slug: string; score: number } | null;
}

export interface KnowledgeReport {
  minScore: number;
  examples: number;
  /** Lines that name an entry. */
  expecting: number;
  /** Messages the router let through to the knowledge base (consultations, not urgent, not about officials). */
  eligible: number;
  answered: number;
  /** Answered with the expected entry. */
  right: number;
  /** Answered, but the expected answer was another entry or none. */
  wrong: number;
  /** An entry was expected and none was given (below the threshold, or not a consultation to the router). */
  missed: number;
  /** Of `missed`, those the router kept from the knowledge base (kind, urgency, officials). */
  missedByRouter: number;
}

const DISTRICT: ZoneInfo = {
  id: 1,
  code: 'district',
  name: 'district',
  level: 'district',
  parentId: null,
  liaisonId: null,
  aliases: [],
  phoneNumbers: [],
  boundary: null,
  emailAddresses: [],
  active: true,
  supervisory: false,
};

/** Routes and matches every example once; `summarise` then reads the outcome at any threshold. */
export function scoreKnowledge(
  examples: readonly KnowledgeExample[],
  entries: KnowledgeEntryInfo[],
  classifier: TextClassifier,
  categories: CategoryInfo[],
): Scored[] {
  const catalog = buildSnapshot([DISTRICT], categories, [], [], [], entries);
  return examples.map((example) => {
    const decision = route({ text: example.text, channel: 'sms', hints: {}, sender: { identities: [] } }, catalog, classifier, DISTRICT.code);
    // A threshold of 0 records the best entry whatever its score.
    const known = knowledgeAnswer(decision, example.text, catalog, { today: '0000-01-01', minScore: 0 });
    const eligible = decision.classification.kind === 'consultation' && !decision.urgent && !decision.confidential && decision.answer === null;
    return { example, eligible, best: known ? { slug: known.evidence.slug, score: known.evidence.score } : null };
  });
}

export function summarise(scored: readonly Scored[], minScore: number): KnowledgeReport {
  const report: KnowledgeReport = {
    minScore,
    examples: scored.length,
    expecting: scored.filter((s) => s.example.expected).length,
    eligible: 0,
    answered: 0,
    right: 0,
    wrong: 0,
    missed: 0,
    missedByRouter: 0,
  };
  for (const s of scored) {
    if (s.eligible) report.eligible++;
    const given = s.eligible && s.best && s.best.score >= minScore ? s.best.slug : null;
    if (given) {
      report.answered++;
      if (given === s.example.expected) report.right++;
      else report.wrong++;
    } else if (s.example.expected) {
      report.missed++;
      if (!s.eligible) report.missedByRouter++;
    }
  }
  return report;
}

export function formatKnowledgeReport(r: KnowledgeReport): string {
  const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');
  return [
    `threshold (KNOWLEDGE_MIN_SCORE): ${r.minScore}`,
    `messages: ${r.examples}; consultations the knowledge base may answer (router: consultation, not urgent, not about officials): ${r.eligible}`,
    `answered: ${r.answered}; right: ${r.right} (${pct(r.right, r.answered)} of the answers); wrong: ${r.wrong}`,
    `should have been answered but were not: ${r.missed} (of which kept from the knowledge base by the router: ${r.missedByRouter})`,
    `lines naming an entry: ${r.expecting}; answered with it: ${r.right} (${pct(r.right, r.expecting)})`,
  ].join('\n');
}
