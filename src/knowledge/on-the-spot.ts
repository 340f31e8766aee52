/**
 * When the intake answers a message from the knowledge base (现场答疑): only a
 * consultation (咨询), never a message about immediate danger, a complaint, a
 * report or anything about officials, nor one a routing rule answered already,
 * nor automatic mail (its receipt is withheld, so nobody would read the answer).
 */
import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { RouteDecision } from '../router/route.js';
import { matchKnowledge } from './matcher.js';

/**
 * What the routing evidence records (`routing.knowledge`): the best applicable entry,
 * its score and the threshold, and whether the case was answered with it.
 */
export interface KnowledgeEvidence {
  answered: boolean;
  entryId: number;
  slug: string;
  score: number;
  /** The question variant that matched best. */
  question: string;
  minScore: number;
}

/** The answer to give and the evidence to keep, or null when the message is not a case for the knowledge base. */
export function knowledgeAnswer(
  decision: Pick<RouteDecision, 'classification' | 'urgent' | 'confidential' | 'answer' | 'zone'>,
  text: string,
  catalog: CatalogSnapshot,
  options: { today: string; minScore: number; automatic?: boolean },
): { evidence: KnowledgeEvidence; answerZh: string; answerEn: string } | null {
  if (decision.classification.kind !== 'consultation' || decision.urgent || decision.confidential) return null;
  if (decision.answer !== null || options.automatic) return null;
  const match = matchKnowledge(text, catalog, decision.zone, options.today, options.minScore);
  if (!match) return null;
  const { entry } = match;
  return {
    evidence: {
      answered: match.answered,
      entryId: entry.id,
      slug: entry.slug,
      score: Number(match.score.toFixed(3)),
      question: match.question,
      minScore: options.minScore,
    },
    answerZh: entry.answerZh,
    answerEn: entry.answerEn,
  };
}

/** Today's date (YYYY-MM-DD) in the office time zone: entries are valid through the day their valid_until names. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
