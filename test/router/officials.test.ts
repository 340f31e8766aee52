/**
 * Complaints about officials stay away from the officials (信访工作条例 Art. 30):
 * routing decisions on a small zone tree, with a model trained on a few lines.
 */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, type CategoryInfo, type ZoneInfo } from '../../src/catalog/catalog.js';
import { TextClassifier } from '../../src/router/classifier.js';
import { route } from '../../src/router/route.js';

const zone = (
  id: number,
  code: string,
  name: string,
  level: ZoneInfo['level'],
  parentId: number | null,
  liaisonId: number | null,
  supervisory = false,
): ZoneInfo => ({
  id,
  code,
  name,
  level,
  parentId,
  liaisonId,
  aliases: [],
  phoneNumbers: [],
  emailAddresses: [],
  boundary: null,
  active: true,
  supervisory,
});
const zones = [
  zone(1, 'district', '五华区', 'district', null, 1),
  zone(2, 'st', '华山街道', 'street', 1, 2),
  zone(3, 'ch', '翠湖社区', 'community', 2, 3),
  zone(4, 'ch-01', '第一居民小组', 'group', 3, 4),
  zone(9, 'jw', '区纪委信访室', 'street', 1, 9, true),
];
const liaisons = [
  { id: 1, name: '周明华' },
  { id: 2, name: '李建华' },
  { id: 3, name: '杨丽芬' },
  { id: 4, name: '赵桂兰' },
  { id: 9, name: '许文清' },
];
const category = (code: string, keywords: string[]): CategoryInfo => ({ code, nameZh: code, nameEn: code, deadlineHours: 72, keywords, active: true });
const catalog = buildSnapshot(
  zones,
  [category('conduct', ['态度', '推诿']), category('housing', ['物业']), category('public_safety', ['赌博']), category('other', [])],
  [],
  [],
  liaisons,
);
const classifier = new TextClassifier([]);
const routeOf = (text: string, zoneCode = 'ch-01') =>
  route({ text, channel: 'web', hints: { zoneCode }, sender: { identities: [] } }, catalog, classifier, 'district');

describe('complaints about officials', () => {
  it('should send a conduct complaint to the supervisory zone, not to the zone chain', () => {
    const d = routeOf('社区工作人员态度恶劣，办事推诿');
    expect(d).toMatchObject({ confidential: true, zone: { code: 'jw' }, liaisonId: 9 });
    expect(d.evidence.officials).toMatchObject({ confidential: true, supervisoryZone: 'jw' });
  });

  it('should keep a report of bribery from the office it names', () => {
    const d = routeOf('我要举报翠湖社区居委会收红包，帮亲戚评低保');
    expect(d).toMatchObject({ confidential: true, zone: { code: 'jw' }, liaisonId: 9 });
    expect(d.evidence.officials!.excluded).toEqual([expect.objectContaining({ id: 3, reason: 'office' })]);
  });

  it('should not treat a report of a gambling den as a complaint about officials', () => {
    const d = routeOf('举报：楼下麻将馆聚众赌博，天天到半夜');
    expect(d.classification.kind).toBe('report');
    expect(d).toMatchObject({ confidential: false, zone: { code: 'ch-01' }, liaisonId: 4 });
  });

  it('should pass over a liaison the text names, even for another category, and say so', () => {
    const byName = routeOf('物业不修电梯，赵桂兰也说管不了');
    expect(byName).toMatchObject({ confidential: false, zone: { code: 'ch-01' }, liaisonId: 3 });
    expect(byName.evidence.officials!.excluded).toEqual([{ id: 4, reason: 'named', matched: '赵桂兰' }]);
    const byTitle = routeOf('物业的事找了杨主任三次了');
    expect(byTitle.liaisonId).toBe(4);
    expect(byTitle.evidence.officials!.excluded).toEqual([{ id: 3, reason: 'title', matched: '杨主任' }]);
  });

  it('should leave a confidential case with no liaison where no supervisory zone exists', () => {
    const bare = buildSnapshot(
      zones.filter((z) => !z.supervisory),
      catalog.categories,
      [],
      [],
      liaisons,
    );
    const d = route(
      { text: '街道干部推诿扯皮，态度很差', channel: 'web', hints: { zoneCode: 'ch-01' }, sender: { identities: [] } },
      bare,
      classifier,
      'district',
    );
    expect(d).toMatchObject({ confidential: true, zone: { code: 'district' }, liaisonId: null });
  });
});
