/**
 * Admin routing rules: ordered conditions on a message, and what to do when
 * they hold. Every matching rule applies, in priority order; for each action
 * the first rule that sets it wins. A rule that fails while running (a regex
 * gone wrong) is skipped, logged and counted, never fatal for the message.
 */
import client from 'prom-client';
import { registry } from '../core/metrics.js';
import type { CatalogSnapshot, ZoneInfo } from '../catalog/catalog.js';
import { descendantZoneIds } from '../catalog/zone-tree.js';
import { compileRulePattern, rulePatternFinds } from './rule-pattern.js';
import type { Rule, RuleAction, RuleConditions } from '../catalog/rule.js';

export interface RuleInput {
  text: string;
  channel: string;
  category: string;
  urgent: boolean;
  zone: ZoneInfo;
  senders: string[];
  /** Whether the message arrived during office hours. */
  inOfficeHours: boolean;
}

export interface RuleOutcome {
  matched: { id: number; name: string; version: number }[];
  action: RuleAction;
}

const ruleErrors = new client.Counter({
  name: 'minqing_rule_errors_total',
  help: 'Routing rules skipped because they failed while running',
  registers: [registry],
});

/**
 * Why a rule can never be valid or never match, or null. Checked when an
 * admin saves it, against the zones, categories and channels that exist.
 */
export function ruleProblem(
  conditions: RuleConditions,
  action: RuleAction,
  catalog: CatalogSnapshot,
  channels: readonly string[],
): { field: string; message: string } | null {
  if (conditions.pattern) {
    try {
      new RegExp(conditions.pattern, 'i');
    } catch (err) {
      return { field: 'conditions.pattern', message: `not a valid regular expression: ${(err as Error).message}` };
    }
  }
  const unknownChannel = conditions.channels?.find((c) => !channels.includes(c));
  if (unknownChannel) return { field: 'conditions.channels', message: `no channel ${unknownChannel}: the rule could never match` };
  const unknownCategory = conditions.categories?.find((c) => !catalog.categoriesByCode.get(c)?.active);
  if (unknownCategory) return { field: 'conditions.categories', message: `no active category ${unknownCategory}: the rule could never match` };
  if (conditions.zoneCode && !catalog.zonesByCode.has(conditions.zoneCode))
    return { field: 'conditions.zoneCode', message: `unknown zone ${conditions.zoneCode}` };
  if (action.zoneCode && !catalog.zonesByCode.get(action.zoneCode)?.active) return { field: 'action.zoneCode', message: `unknown zone ${action.zoneCode}` };
  return null;
}

// Rules live as long as their catalog snapshot: compile each pattern once, not per message.
// RE2 matches in linear time, so even a catastrophic pattern put in the table by hand cannot stall a worker.
const compiled = new WeakMap<Rule, ReturnType<typeof compileRulePattern>>();
function patternOf(rule: Rule, pattern: string) {
  let re = compiled.get(rule);
  if (!re) compiled.set(rule, (re = compileRulePattern(pattern)));
  return re;
}

function matches(rule: Rule, input: RuleInput, catalog: CatalogSnapshot): boolean {
  const c = rule.conditions;
  if (c.channels && !c.channels.includes(input.channel)) return false;
  if (c.categories && !c.categories.includes(input.category)) return false;
  if (c.urgent !== undefined && c.urgent !== input.urgent) return false;
  const text = input.text.toLowerCase();
  if (c.keywords && !c.keywords.some((k) => text.includes(k.toLowerCase()))) return false;
  if (c.pattern && !rulePatternFinds(patternOf(rule, c.pattern), input.text)) return false;
  if (c.zoneCode && !(descendantZoneIds(catalog, c.zoneCode) ?? []).includes(input.zone.id)) return false;
  if (c.senders && !c.senders.some((s) => input.senders.includes(s))) return false;
  if (c.officeHours !== undefined && c.officeHours !== input.inOfficeHours) return false;
  return true;
}

export function applyRules(rules: readonly Rule[], input: RuleInput, catalog: CatalogSnapshot, onError?: (rule: Rule, err: Error) => void): RuleOutcome {
  const outcome: RuleOutcome = { matched: [], action: {} };
  for (const rule of rules) {
    try {
      if (!matches(rule, input, catalog)) continue;
    } catch (err) {
      ruleErrors.inc();
      onError?.(rule, err as Error);
      continue;
    }
    outcome.matched.push({ id: rule.id, name: rule.name, version: rule.version });
    for (const [key, value] of Object.entries(rule.action) as [keyof RuleAction, unknown][]) {
      if (outcome.action[key] === undefined) (outcome.action as Record<string, unknown>)[key] = value;
    }
  }
  return outcome;
}
