import { describe, expect, it } from 'vitest';
import { matchPlaces } from '../../src/catalog/gazetteer.js';
import { resolveZone } from '../../src/catalog/zone-resolver.js';
import { buildSnapshot, type ZoneInfo } from '../../src/catalog/catalog.js';

let nextId = 1;
const zones: ZoneInfo[] = [];
function zone(code: string, name: string, level: ZoneInfo['level'], parent: ZoneInfo | null, aliases: string[] = []): ZoneInfo {
  const z: ZoneInfo = {
    id: nextId++,
    code,
    name,
    level,
    parentId: parent?.id ?? null,
    liaisonId: null,
    aliases,
    phoneNumbers: [],
    emailAddresses: [],
    boundary: null,
    active: true,
    supervisory: false,
  };
  zones.push(z);
  return z;
}
const district = zone('district', '五华区', 'district', null);
const huashan = zone('hs', '华山街道', 'street', district, ['华山南路', '五一路']);
const cuihu = zone('hs-ch', '翠湖社区', 'community', huashan, ['翠湖', '翠湖南路']);
zone('hs-ch-01', '第一居民小组', 'group', cuihu, ['翠湖南路1号院']);
const yuantong = zone('hs-yt', '圆通社区', 'community', huashan, ['圆通街']);
zone('hs-yt-01', '第一居民小组', 'group', yuantong);
const daguan = zone('dg', '大观街道', 'street', district, ['大观楼']);
zone('dg-dgl', '大观楼社区', 'community', daguan);
const catalog = buildSnapshot(zones, []);

describe('gazetteer', () => {
  it.each([
    ['翠湖南路的路灯坏了', 'hs-ch', ['翠湖南路'], false],
    ['翠湖南路1号院门口积水', 'hs-ch-01', ['翠湖南路1号院'], false], // the longest name wins over 翠湖南路 and 翠湖
    ['翠湖社区第一居民小组的垃圾没人收', 'hs-ch-01', ['第一居民小组', '翠湖社区'], false], // the community settles which 第一居民小组
    ['第一居民小组的路灯坏了', 'hs', ['第一居民小组'], true], // which one? their common ancestor
    ['大观楼社区附近噪音很大', 'dg-dgl', ['大观楼社区'], false], // 大观楼 (a street alias) is inside the community's name
    ['五一路和圆通街交叉口有坑', 'hs-yt', ['五一路', '圆通街'], false], // names that agree: the deeper one
    ['翠湖和大观楼都有人乱扔垃圾', 'district', ['大观楼', '翠湖'], true], // names that disagree: the common ancestor
  ])('should place %s in %s', (text, code, matched, ambiguous) => {
    const m = matchPlaces(text, catalog)!;
    expect(m.zone.code).toBe(code);
    expect(m.matched.sort()).toEqual([...matched].sort());
    expect(m.ambiguous).toBe(ambiguous);
  });

  it('should find nothing in a text that names no place', () => {
    expect(matchPlaces('工资被拖欠了三个月', catalog)).toBeNull();
  });

  it("should rank the resident's known zone below a channel hint and above place names", () => {
    expect(resolveZone({}, catalog, 'district', '翠湖南路的路灯坏了', daguan.id).evidence).toEqual({ reason: 'known_resident', zoneCode: 'dg' });
    expect(resolveZone({ zoneCode: 'hs' }, catalog, 'district', '', daguan.id).evidence.reason).toBe('channel_hint');
  });

  it('should rank a channel hint above place names, and record the names as evidence otherwise', () => {
    expect(resolveZone({ zoneCode: 'dg' }, catalog, 'district', '翠湖南路的路灯坏了').evidence).toMatchObject({ reason: 'channel_hint', zoneCode: 'dg' });
    expect(resolveZone({}, catalog, 'district', '翠湖南路的路灯坏了').evidence).toEqual({ reason: 'place_names', zoneCode: 'hs-ch', places: ['翠湖南路'] });
  });
});
