/**
 * A rule as the form holds it and as the API takes it, both ways: empty
 * fields are left out (the API refuses an empty keyword list), tri-state
 * choices ("any", yes, no) become an absent or a boolean condition.
 */
import type { Rule, RuleAction, RuleConditions, RuleDraft } from '../../api/rules';

type TriState = 'any' | 'yes' | 'no';

export interface RuleFormValues {
  name: string;
  priority: number;
  active: boolean;
  conditions: {
    channels?: RuleConditions['channels'];
    categories?: string[];
    urgent: TriState;
    keywords?: string[];
    pattern?: string;
    zoneCode?: string;
    senders?: string[];
    officeHours: TriState;
  };
  action: {
    zoneCode?: string;
    liaisonId?: number;
    deadlineHours?: number | null;
    priority?: 'normal' | 'high';
    tags?: string[];
    jointMeeting?: boolean;
    answer?: string;
  };
}

const triState = (value: boolean | undefined): TriState => (value === undefined ? 'any' : value ? 'yes' : 'no');
const fromTriState = (value: TriState): boolean | undefined => (value === 'any' ? undefined : value === 'yes');
const list = <T>(value: T[] | undefined): T[] | undefined => (value && value.length ? value : undefined);
const text = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

export function emptyValues(priority: number): RuleFormValues {
  return { name: '', priority, active: true, conditions: { urgent: 'any', officeHours: 'any' }, action: {} };
}

export function valuesOf(rule: Pick<Rule, 'name' | 'priority' | 'active' | 'conditions' | 'action'>): RuleFormValues {
  const { urgent, officeHours, ...conditions } = rule.conditions;
  return {
    name: rule.name,
    priority: rule.priority,
    active: rule.active,
    conditions: { ...conditions, urgent: triState(urgent), officeHours: triState(officeHours) },
    action: { ...rule.action },
  };
}

/** Only the fields that say something, so the draft reads as the admin meant it. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function draftOf(values: RuleFormValues): RuleDraft {
  const c = values.conditions;
  const a = values.action;
  const conditions: RuleConditions = defined({
    channels: list(c.channels),
    categories: list(c.categories),
    urgent: fromTriState(c.urgent),
    keywords: list(c.keywords?.map((k) => k.trim()).filter(Boolean)),
    pattern: text(c.pattern),
    zoneCode: c.zoneCode || undefined,
    senders: list(c.senders),
    officeHours: fromTriState(c.officeHours),
  });
  const action: RuleAction = defined({
    zoneCode: a.zoneCode || undefined,
    liaisonId: a.liaisonId ?? undefined,
    deadlineHours: a.deadlineHours ?? undefined,
    priority: a.priority,
    tags: list(a.tags),
    jointMeeting: a.jointMeeting ? true : undefined,
    answer: text(a.answer),
  });
  return { name: values.name.trim(), priority: values.priority, active: values.active, conditions, action };
}

/**
 * The form field an API error names ("conditions.pattern", or "rule.conditions.pattern" from the
 * preview), as antd's name path; null when it names no single field of the form.
 */
export function formFieldOf(apiField: string | undefined): (string | number)[] | null {
  if (!apiField) return null;
  const path = apiField.replace(/^rule\./, '').split('.');
  const known = ['name', 'priority', 'active'];
  if (path.length === 1 && known.includes(path[0]!)) return path;
  if (path.length >= 2 && (path[0] === 'conditions' || path[0] === 'action')) return path.slice(0, 2);
  return null;
}
