/**
 * The router's whole decision for one message: category and urgency, the
 * zone (channel hint, place names, triage), then the admin rules on top.
 * The worker stores it on the case; the simulate endpoint shows it.
 */
import type { InboundMessage } from '../core/message.js';
import type { CatalogSnapshot, CategoryInfo, ZoneInfo } from './catalog.js';
import { FALLBACK_CATEGORY, type Classification, type TextClassifier } from './classifier.js';
import { applyRules, type RuleAction } from './rules.js';
import { nearestWithLiaison, resolveZone, type ZoneDecision } from './zone-resolver.js';

export interface RouteDecision {
  category: CategoryInfo;
  classification: Classification;
  zone: ZoneInfo;
  liaisonId: number | null;
  deadlineHours: number;
  urgent: boolean;
  /** A rule's canned answer: the case is answered on the spot and closed. */
  answer: string | null;
  /** What is stored as the case's routing evidence. */
  evidence: { zone: ZoneDecision['evidence']; category: Classification; rules?: { matched: { id: number; name: string; version: number }[]; action: RuleAction } };
}

export function route(
  message: Pick<InboundMessage, 'text' | 'channel' | 'hints' | 'sender'>,
  catalog: CatalogSnapshot,
  classifier: TextClassifier,
  triageZoneCode: string,
  options: { knownZoneId?: number | null; inOfficeHours?: boolean; onRuleError?: (ruleId: number, err: Error) => void } = {},
): RouteDecision {
  const classification = classifier.classify(message.text, catalog.categories);
  const category = catalog.categoriesByCode.get(classification.category) ?? catalog.categoriesByCode.get(FALLBACK_CATEGORY)!;
  const resolved = resolveZone(message.hints, catalog, triageZoneCode, message.text, options.knownZoneId ?? null);
  const rules = applyRules(
    catalog.rules,
    {
      text: message.text,
      channel: message.channel,
      category: category.code,
      urgent: classification.urgent,
      zone: resolved.zone,
      senders: message.sender.identities.map((i) => i.address),
      inOfficeHours: options.inOfficeHours ?? false,
    },
    catalog,
    (rule, err) => options.onRuleError?.(rule.id, err),
  );
  const { action } = rules;
  const zone = (action.zoneCode && catalog.zonesByCode.get(action.zoneCode)) || resolved.zone;
  return {
    category,
    classification,
    zone,
    liaisonId: action.liaisonId ?? (zone === resolved.zone ? resolved.liaisonId : (nearestWithLiaison(zone, catalog)?.liaisonId ?? null)),
    deadlineHours: action.deadlineHours ?? category.deadlineHours,
    urgent: classification.urgent || action.priority === 'high',
    // Never answer a message about immediate danger with a canned text.
    answer: classification.urgent ? null : (action.answer ?? null),
    evidence: {
      zone: resolved.evidence,
      category: classification,
      ...(rules.matched.length ? { rules } : {}),
    },
  };
}
