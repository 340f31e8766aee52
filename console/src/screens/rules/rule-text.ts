/** A rule's conditions and actions, and a changed field's values, in words for the list and the history. */
import type { Translate } from '../../i18n';
import { labelOf } from '../../i18n';
import type { Pickers } from '../../pickers';
import type { Rule } from '../../api/rules';

export interface Names {
  zone: (code: string) => string;
  category: (code: string) => string;
  liaison: (id: number) => string;
}

export function namesOf(pickers: Pickers, lang: 'zh' | 'en'): Names {
  const zones = new Map(pickers.zones.map((z) => [z.code, z.name]));
  const categories = new Map(pickers.categories.map((c) => [c.code, lang === 'zh' ? c.nameZh : c.nameEn]));
  const liaisons = new Map(pickers.liaisons.map((l) => [l.id, l.name]));
  return {
    zone: (code) => zones.get(code) ?? code,
    category: (code) => categories.get(code) ?? code,
    liaison: (id) => liaisons.get(id) ?? `#${id}`,
  };
}

const joined = (values: string[]) => values.join('、');

/** One field's value (a condition's or an action's, by its key) in words. */
export function valueText(key: string, value: unknown, t: Translate, names: Names): string {
  if (value === null || value === undefined) return t('rules_none');
  if (typeof value === 'boolean') {
    if (key === 'urgent') return value ? t('rules_urgentYes') : t('rules_urgentNo');
    if (key === 'officeHours') return value ? t('rules_inHours') : t('rules_outHours');
    return value ? t('rules_yes') : t('rules_no');
  }
  if (key === 'zoneCode' && typeof value === 'string') return names.zone(value);
  if (key === 'liaisonId' && typeof value === 'number') return names.liaison(value);
  if (key === 'priority' && typeof value === 'string') return labelOf(t, 'rules', value);
  if (key === 'channels' && Array.isArray(value)) return joined(value.map((c) => labelOf(t, 'rules_channel', String(c))));
  if (key === 'categories' && Array.isArray(value)) return joined(value.map((c) => names.category(String(c))));
  if (Array.isArray(value)) return joined(value.map(String));
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The label of a field as the API names it ("conditions.keywords", "name"). */
export function fieldLabel(field: string, t: Translate): string {
  const [part, key] = field.split('.');
  if (!key) return labelOf(t, 'rules_field', field);
  return labelOf(t, part === 'conditions' ? 'rules_c' : 'rules_a', key);
}

function parts(record: Record<string, unknown>, prefix: 'rules_c' | 'rules_a', t: Translate, names: Names): string[] {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([key, value]) => `${labelOf(t, prefix, key)}: ${valueText(key, value, t, names)}`);
}

export function whenText(rule: Pick<Rule, 'conditions'>, t: Translate, names: Names): string {
  const said = parts(rule.conditions, 'rules_c', t, names);
  return said.length ? said.join('；') : t('rules_always');
}

export function thenText(rule: Pick<Rule, 'action'>, t: Translate, names: Names): string {
  return parts(rule.action, 'rules_a', t, names).join('；');
}
