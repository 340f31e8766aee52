/**
 * The router's whole decision for one message: category and urgency, the
 * zone (channel hint, place names, triage), then the admin rules on top.
 * The worker stores it on the case; the simulate endpoint shows it.
 */
import type { InboundMessage } from '../core/message.js';
import type { CatalogSnapshot, CategoryInfo, ZoneInfo } from '../catalog/catalog.js';
import { FALLBACK_CATEGORY, type Classification, type TextClassifier } from './classifier.js';
import { applyRules } from './rules.js';
import type { RuleAction } from '../catalog/rule.js';
import { nearestWithLiaison, resolveZone, type ZoneDecision } from '../catalog/zone-resolver.js';
import { isAboutOfficials, namedLiaisons, supervisoryZone, type Named } from './officials.js';
import { zoneChain } from '../catalog/zone-tree.js';

export interface RouteDecision {
  category: CategoryInfo;
  classification: Classification;
  zone: ZoneInfo;
  liaisonId: number | null;
  deadlineHours: number;
  urgent: boolean;
  /** A rule's canned answer: the case is answered on the spot and closed. */
  answer: string | null;
  /** About officials (Art. 30): kept from the zone chain's liaisons. */
  confidential: boolean;
  /** What is stored as the case's routing evidence. */
  evidence: {
    zone: ZoneDecision['evidence'];
    category: Classification;
    rules?: { matched: { id: number; name: string; version: number }[]; action: RuleAction };
    /** Why the case is confidential and where it went instead, or which named liaisons were passed over. */
    officials?: { confidential: boolean; supervisoryZone?: string | null; excluded: Named['liaisons'] };
  };
}

export function route(
  message: Pick<InboundMessage, 'text' | 'channel' | 'hints' | 'sender'>,
  catalog: CatalogSnapshot,
  classifier: Pick<TextClassifier, 'classify'>,
  triageZoneCode: string,
  options: {
    knownZoneId?: number | null;
    inOfficeHours?: boolean;
    onRuleError?: (ruleId: number, err: Error) => void;
    /** Where complaints about officials go (SUPERVISORY_ZONE_CODE); default: the zone flagged supervisory. */
    supervisoryZoneCode?: string;
  } = {},
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
  const named = namedLiaisons(message.text, resolved.zone, catalog);
  const confidential = isAboutOfficials(category.code, classification.kind, message.text, named);
  const excluded = new Set(named.liaisons.map((l) => l.id));
  const supervisory = confidential ? supervisoryZone(catalog, options.supervisoryZoneCode) : undefined;
  // A confidential case goes to the supervisory body (or, where none is configured, the district root
  // with no liaison: admins see it); no rule may send it back to the zone it came from.
  const zone = confidential ? (supervisory ?? rootOf(resolved.zone, catalog)) : (action.zoneCode && catalog.zonesByCode.get(action.zoneCode)) || resolved.zone;
  const wanted = confidential
    ? (supervisory?.liaisonId ?? null)
    : (action.liaisonId ?? (zone === resolved.zone ? resolved.liaisonId : (nearestWithLiaison(zone, catalog)?.liaisonId ?? null)));
  return {
    category,
    classification,
    zone,
    // A confidential case never climbs the zone chain: its named liaison is replaced by no one (admins see it).
    liaisonId: wanted !== null && excluded.has(wanted) ? (confidential ? null : nearestNotNamed(zone, catalog, excluded)) : wanted,
    deadlineHours: action.deadlineHours ?? category.deadlineHours,
    urgent: classification.urgent || action.priority === 'high',
    // Never answer a message about immediate danger, or a complaint about officials, with a canned text.
    answer: classification.urgent || confidential ? null : (action.answer ?? null),
    confidential,
    evidence: {
      zone: resolved.evidence,
      category: classification,
      ...(rules.matched.length ? { rules } : {}),
      ...(confidential || named.liaisons.length
        ? { officials: { confidential, ...(confidential ? { supervisoryZone: supervisory?.code ?? null } : {}), excluded: named.liaisons } }
        : {}),
    },
  };
}

/** The liaison nearest up the tree who is not named in the text (null: none left; admins see the case). */
function nearestNotNamed(zone: ZoneInfo, catalog: CatalogSnapshot, named: Set<number>): number | null {
  return zoneChain(zone, catalog).find((z) => z.liaisonId !== null && !named.has(z.liaisonId))?.liaisonId ?? null;
}

function rootOf(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo {
  return zoneChain(zone, catalog).at(-1)!;
}
