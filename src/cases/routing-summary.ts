/**
 * A case's routing evidence (stored as `case.routing` when it opened) in plain
 * words for staff, e.g. "按联系卡 → 翠湖社区第一居民小组；类别 市政设施 0.93；规则 #4「井盖归大观街道」".
 * Unknown or missing parts are left out, never guessed.
 */
import type { CatalogSnapshot } from '../catalog/catalog.js';
import { zoneLabel } from '../catalog/zone-tree.js';

interface StoredRouting {
  zone?: { reason?: string; zoneCode?: string; places?: string[]; ambiguous?: boolean };
  category?: { category?: string; confidence?: number; triage?: boolean };
  rules?: { matched?: { id: number; name?: string }[] };
  officials?: { confidential?: boolean };
  knowledge?: unknown;
}

const REASONS: Record<string, { zh: string; en: string }> = {
  contact_card: { zh: '按联系卡', en: 'by contact card' },
  channel_hint: { zh: '按来信渠道', en: "by the channel's zone" },
  known_resident: { zh: '按居民以往案件', en: "by the resident's earlier cases" },
  place_names: { zh: '按地名', en: 'by place names' },
  location: { zh: '按位置', en: 'by location' },
  triage: { zh: '未能判断地点，转分拣', en: 'no place found: triage' },
};

export function routingSummary(routing: unknown, catalog: CatalogSnapshot): { zh: string; en: string } {
  const r = (routing ?? {}) as StoredRouting;
  const zh: string[] = [];
  const en: string[] = [];
  if (r.zone?.reason) {
    const reason = REASONS[r.zone.reason] ?? { zh: r.zone.reason, en: r.zone.reason };
    const zone = r.zone.zoneCode ? catalog.zonesByCode.get(r.zone.zoneCode) : undefined;
    const where = zone ? zoneLabel(zone, catalog) : (r.zone.zoneCode ?? '');
    const places = r.zone.places?.length ? `「${r.zone.places.join('、')}」` : '';
    zh.push(`${reason.zh}${places} → ${where}`);
    en.push(`${reason.en}${places ? ` ${places}` : ''} → ${where}`);
  }
  if (r.category?.category) {
    const category = catalog.categoriesByCode.get(r.category.category);
    const confidence = typeof r.category.confidence === 'number' ? ` ${r.category.confidence.toFixed(2)}` : '';
    zh.push(`类别 ${category?.nameZh ?? r.category.category}${confidence}${r.category.triage ? '（待人工分拣）' : ''}`);
    en.push(`category ${category?.nameEn ?? r.category.category}${confidence}${r.category.triage ? ' (to triage)' : ''}`);
  }
  for (const rule of r.rules?.matched ?? []) {
    // Named as it was when it applied, so staff recognise it without opening the rules.
    zh.push(`规则 #${rule.id}${rule.name ? `「${rule.name}」` : ''}`);
    en.push(`rule #${rule.id}${rule.name ? ` "${rule.name}"` : ''}`);
  }
  if (r.officials?.confidential) {
    zh.push('涉及公职人员，交监督机构');
    en.push('about officials: to the supervisory body');
  }
  if (r.knowledge) {
    zh.push('知识库答复');
    en.push('answered from the knowledge base');
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
