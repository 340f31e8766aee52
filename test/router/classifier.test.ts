import { describe, expect, it } from 'vitest';
import { classify } from '../../src/router/classifier.js';
import { resolveZone } from '../../src/router/zone-resolver.js';
import type { CatalogSnapshot, CategoryInfo, ZoneInfo } from '../../src/router/catalog.js';

const categories: CategoryInfo[] = [
  { code: 'employment', nameZh: '就业创业', nameEn: 'Employment', deadlineHours: 168, keywords: ['工资', '欠薪', 'wage'], active: true },
  { code: 'environment', nameZh: '生态环境', nameEn: 'Environment', deadlineHours: 72, keywords: ['噪音', '垃圾', 'noise'], active: true },
  { code: 'retired', nameZh: '旧', nameEn: 'Old', deadlineHours: 1, keywords: ['垃圾'], active: false },
  { code: 'other', nameZh: '其他', nameEn: 'Other', deadlineHours: 168, keywords: [], active: true },
];

describe('keyword classifier', () => {
  it.each([
    ['老板拖欠工资三个月', 'employment', 1, null],
    ['楼下噪音很大，还有垃圾没人收，工资也没发', 'environment', 0.67, 'employment'],
    ['The NOISE at night is terrible', 'environment', 1, null],
    ['你好', 'other', 0, null],
  ])('should classify %s as %s', (text, category, confidence, runnerUp) => {
    expect(classify(text, categories)).toMatchObject({ category, confidence, runnerUp });
  });

  it('should ignore retired categories', () => {
    expect(classify('垃圾', categories).category).toBe('environment');
  });
});

describe('zone resolver', () => {
  const zone = (id: number, code: string, level: ZoneInfo['level'], parentId: number | null, liaisonId: number | null, active = true): ZoneInfo =>
    ({ id, code, name: code, level, parentId, liaisonId, aliases: [], phoneNumbers: code === 'st' ? ['+868711234567'] : [], active });
  const zones = [zone(1, 'district', 'district', null, 9), zone(2, 'st', 'street', 1, 7), zone(3, 'co', 'community', 2, null), zone(4, 'closed', 'community', 2, 5, false)];
  const catalog: CatalogSnapshot = {
    zonesByCode: new Map(zones.map((z) => [z.code, z])),
    zonesById: new Map(zones.map((z) => [z.id, z])),
    zonesByPhone: new Map([['+868711234567', zones[1]!]]),
    categories,
    categoriesByCode: new Map(categories.map((c) => [c.code, c])),
  };

  it("should take the channel's zone and the nearest liaison up the tree", () => {
    expect(resolveZone({ zoneCode: 'co' }, catalog, 'district')).toMatchObject({
      zone: { code: 'co' }, liaisonId: 7, evidence: { reason: 'channel_hint', zoneCode: 'co', liaisonFrom: 'st' },
    });
  });

  it("should route a call or text to a zone's own hotline number there", () => {
    expect(resolveZone({ calledNumber: '+868711234567' }, catalog, 'district').evidence).toEqual({ reason: 'channel_hint', zoneCode: 'st', hint: 'number:+868711234567' });
    expect(resolveZone({ calledNumber: '+860000000000' }, catalog, 'district').evidence).toEqual({ reason: 'triage', zoneCode: 'district', hint: 'number:+860000000000' });
  });

  it('should send unknown and inactive zones to triage, recording the hint', () => {
    expect(resolveZone({ zoneCode: 'closed' }, catalog, 'district')).toMatchObject({ zone: { code: 'district' }, liaisonId: 9, evidence: { reason: 'triage', hint: 'closed' } });
    expect(resolveZone({}, catalog, 'district').evidence).toEqual({ reason: 'triage', zoneCode: 'district' });
  });
});
