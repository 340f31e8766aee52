/**
 * The impact preview of a draft rule set: the cases of the last days replayed
 * through the router twice, once with the rules in force and once with the
 * draft, each from what the case stored (its first message's text, channel,
 * hints and sender, and the zone its resident was known by), and what would
 * have come out differently. Read-only and bounded: the newest `maxCases`
 * cases of the period, within `budgetMs`, in batches with the event loop free
 * between them, so intake on the same process never waits on it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { Rule } from '../catalog/rule.js';
import type { OfficeHours } from '../catalog/calendar.js';
import { calendarOf } from '../catalog/calendar-of.js';
import { zoneLabel } from '../catalog/zone-tree.js';
import type { InboundMessage } from '../core/message.js';
import type { Queryable } from '../store/db.js';
import type { Classification, TextClassifier } from './classifier.js';
import { route, type RouteDecision } from './route.js';

export const ASPECTS = ['zone', 'liaison', 'category', 'tags', 'answer'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** One case that would change: its number and the aspect's value before and after (null: none). */
export interface PreviewExample {
  caseNo: string;
  before: string | null;
  after: string | null;
}

export interface PreviewResult {
  days: number;
  /** Cases opened in the period. */
  total: number;
  /** Cases replayed: the newest first, up to the cap and the time budget. */
  considered: number;
  /** Whether fewer cases than the period holds were replayed (the cap or the time budget). */
  sampled: boolean;
  /** Whether the time budget ran out before the cap. */
  timedOut: boolean;
  /** Cases with any aspect changed. */
  changed: number;
  /** Cases the focused draft rule matches (with no focus: any rule of the draft). */
  matched: number;
  aspects: Record<Aspect, { count: number; examples: PreviewExample[] }>;
}

export interface PreviewContext {
  classifier: Pick<TextClassifier, 'classify'>;
  triageZoneCode: string;
  supervisoryZoneCode?: string;
  office: OfficeHours;
}

export interface PreviewLimits {
  days: number;
  maxCases: number;
  budgetMs: number;
  /** Examples kept per aspect. */
  examples: number;
  /** The rule being edited, whose matches are counted (its id, 0 for a new one). */
  focus?: number;
}

interface StoredCase {
  id: number;
  caseNo: string;
  createdAt: Date;
  reason: string | null;
  resolvedZone: string | null;
  body: string;
  channel: string;
  meta: Partial<Pick<InboundMessage, 'hints' | 'sender'>>;
}

const BATCH = 100;

// Each case with its first inbound message (the one that opened it), newest first, a page after the last one read.
const CASES_PAGE = `
  SELECT c.id, c.case_no AS "caseNo", c.created_at AS "createdAt",
         c.routing -> 'zone' ->> 'reason' AS reason, c.routing -> 'zone' ->> 'zoneCode' AS "resolvedZone",
         m.body, m.channel, m.meta
  FROM "case" c
  JOIN LATERAL (SELECT body, channel, meta FROM message WHERE case_id = c.id AND direction = 'in' ORDER BY id LIMIT 1) m ON true
  WHERE c.created_at >= $1 AND (c.created_at, c.id) < ($2, $3)
  ORDER BY c.created_at DESC, c.id DESC
  LIMIT $4`;

export async function previewRules(
  db: Queryable,
  catalog: CatalogSnapshot,
  draft: readonly Rule[],
  context: PreviewContext,
  limits: PreviewLimits,
): Promise<PreviewResult> {
  const started = Date.now();
  const since = new Date(started - limits.days * 86_400_000);
  const { rows: counted } = await db.query<{ total: number }>('SELECT count(*)::int AS total FROM "case" WHERE created_at >= $1', [since]);
  const total = counted[0]!.total;
  const drafted: CatalogSnapshot = { ...catalog, rules: [...draft] };
  const calendar = calendarOf(catalog, context.office);
  // The classifier does not depend on the rules: classify each text once for both runs.
  const classifier = memoized(context.classifier);
  const result: PreviewResult = {
    days: limits.days,
    total,
    considered: 0,
    sampled: false,
    timedOut: false,
    changed: 0,
    matched: 0,
    aspects: Object.fromEntries(ASPECTS.map((a) => [a, { count: 0, examples: [] }])) as unknown as PreviewResult['aspects'],
  };

  // Keyset paging from just after now (a clock a little ahead on the database's side loses nothing).
  let after: [Date, number] = [new Date(started + 86_400_000), 0];
  while (result.considered < limits.maxCases) {
    if (Date.now() - started > limits.budgetMs) {
      result.timedOut = true;
      break;
    }
    const size = Math.min(BATCH, limits.maxCases - result.considered);
    const { rows } = await db.query<StoredCase>(CASES_PAGE, [since, after[0], after[1], size]);
    for (const stored of rows) {
      const message = {
        text: stored.body,
        channel: stored.channel,
        hints: stored.meta.hints ?? {},
        sender: stored.meta.sender ?? { identities: [] },
      } as Pick<InboundMessage, 'text' | 'channel' | 'hints' | 'sender'>;
      // The zone the resident was known by then, where that is what decided the zone.
      const known = stored.reason === 'known_resident' && stored.resolvedZone ? (catalog.zonesByCode.get(stored.resolvedZone)?.id ?? null) : null;
      const options = { knownZoneId: known, inOfficeHours: calendar.isOpen(stored.createdAt), supervisoryZoneCode: context.supervisoryZoneCode };
      const now = route(message, catalog, classifier, context.triageZoneCode, options);
      const then = route(message, drafted, classifier, context.triageZoneCode, options);
      tally(result, stored.caseNo, describe(now, catalog), describe(then, drafted), limits.examples);
      if (then.evidence.rules?.matched.some((m) => limits.focus === undefined || m.id === limits.focus)) result.matched++;
      result.considered++;
    }
    if (rows.length < size) break;
    const last = rows.at(-1)!;
    after = [last.createdAt, last.id];
    // Let the intake's requests and jobs on this process run between batches.
    await nextTurn();
  }
  result.sampled = result.considered < total;
  return result;
}

/** What each aspect of a decision is, as words a person compares. */
function describe(d: RouteDecision, catalog: CatalogSnapshot): Record<Aspect, string | null> {
  const tags = d.evidence.rules?.action.tags ?? [];
  return {
    zone: zoneLabel(d.zone, catalog),
    liaison: d.liaisonId === null ? null : (catalog.liaisons.find((l) => l.id === d.liaisonId)?.name ?? `#${d.liaisonId}`),
    category: d.category.code,
    tags: tags.length ? [...tags].sort().join('、') : null,
    answer: d.answer,
  };
}

function tally(result: PreviewResult, caseNo: string, before: Record<Aspect, string | null>, after: Record<Aspect, string | null>, examples: number) {
  let changed = false;
  for (const aspect of ASPECTS) {
    if (before[aspect] === after[aspect]) continue;
    changed = true;
    const entry = result.aspects[aspect];
    entry.count++;
    if (entry.examples.length < examples) entry.examples.push({ caseNo, before: before[aspect], after: after[aspect] });
  }
  if (changed) result.changed++;
}

/** The classifier, remembering its last answer: the two runs of one case ask about the same text in turn. */
function memoized(classifier: Pick<TextClassifier, 'classify'>): Pick<TextClassifier, 'classify'> {
  let last: { text: string; answer: Classification } | null = null;
  return {
    classify(text, categories) {
      if (last?.text !== text) last = { text, answer: classifier.classify(text, categories) };
      return last.answer;
    },
  };
}
