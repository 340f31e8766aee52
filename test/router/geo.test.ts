import { describe, expect, it } from 'vitest';
import { Boundary, contains, zoneAt } from '../../src/catalog/geo.js';
import { buildSnapshot, type ZoneInfo } from '../../src/catalog/catalog.js';
import { resolveZone } from '../../src/catalog/zone-resolver.js';
import { zoneInfo } from '../helpers/zones.js';

const square = (x0: number, y0: number, x1: number, y1: number) =>
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ] as [number, number][];
const zone = (id: number, code: string, level: ZoneInfo['level'], parentId: number | null, boundary: Boundary | null, aliases: string[] = []) =>
  zoneInfo(id, code, level, parentId, { boundary, aliases });

// A street with a community inside it, and a group inside that community (coordinates near Cuihu, Kunming).
const street = zone(2, 'st', 'street', 1, { type: 'Polygon', coordinates: [square(102.6, 25.0, 102.8, 25.1)] }, ['华山西路']);
const community = zone(3, 'co', 'community', 2, { type: 'Polygon', coordinates: [square(102.65, 25.02, 102.7, 25.06), square(102.66, 25.03, 102.67, 25.04)] });
const group = zone(4, 'gr', 'group', 3, {
  type: 'MultiPolygon',
  coordinates: [[square(102.68, 25.05, 102.69, 25.06)], [square(102.65, 25.02, 102.655, 25.025)]],
});
const elsewhere = zone(5, 'st2', 'street', 1, null, ['北京路']);
const catalog = buildSnapshot([zone(1, 'district', 'district', null, null), street, community, group, elsewhere], []);

describe('zone boundaries', () => {
  it('should hold a point inside the outer ring but not inside a hole', () => {
    expect(contains(community.boundary!, { lng: 102.69, lat: 25.03 })).toBe(true);
    expect(contains(community.boundary!, { lng: 102.665, lat: 25.035 })).toBe(false); // the hole
    expect(contains(community.boundary!, { lng: 102.75, lat: 25.03 })).toBe(false);
  });

  it('should find the most specific zone, through every part of a multipolygon', () => {
    expect(zoneAt({ lng: 102.685, lat: 25.055 }, catalog)?.code).toBe('gr');
    expect(zoneAt({ lng: 102.652, lat: 25.022 }, catalog)?.code).toBe('gr');
    expect(zoneAt({ lng: 102.69, lat: 25.03 }, catalog)?.code).toBe('co');
    expect(zoneAt({ lng: 102.665, lat: 25.035 }, catalog)?.code).toBe('st'); // in the community's hole, still in the street
    expect(zoneAt({ lng: 100, lat: 20 }, catalog)).toBeUndefined();
  });

  it('should refuse rings that are open or too short', () => {
    expect(
      Boundary.safeParse({
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 2],
          ],
        ],
      }).success,
    ).toBe(false);
    expect(
      Boundary.safeParse({
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [1, 1],
          ],
        ],
      }).success,
    ).toBe(false);
    expect(
      Boundary.safeParse({
        type: 'Polygon',
        coordinates: [
          [
            [181, 1],
            [2, 1],
            [2, 2],
            [181, 1],
          ],
        ],
      }).success,
    ).toBe(false);
    expect(Boundary.safeParse({ type: 'Polygon', coordinates: [square(1, 1, 2, 2)] }).success).toBe(true);
  });
});

describe('zone resolution with a shared location', () => {
  const resolve = (text: string, location?: { lat: number; lng: number }, zoneCode?: string) =>
    resolveZone({ ...(location ? { location } : {}), ...(zoneCode ? { zoneCode } : {}) }, catalog, 'district', text);

  it('should route by the location where the text names no place', () => {
    expect(resolve('路灯坏了', { lng: 102.685, lat: 25.055 }).evidence).toMatchObject({ reason: 'location', zoneCode: 'gr', location: { zoneCode: 'gr' } });
  });

  it('should let a location narrow down a named place, but not contradict it', () => {
    expect(resolve('华山西路的路灯坏了', { lng: 102.685, lat: 25.055 }).evidence).toMatchObject({ reason: 'location', zoneCode: 'gr', places: ['华山西路'] });
    expect(resolve('北京路的路灯坏了', { lng: 102.685, lat: 25.055 }).evidence).toMatchObject({
      reason: 'place_names',
      zoneCode: 'st2',
      location: { zoneCode: 'gr' },
    });
  });

  it('should go to triage from a location outside every boundary, and yield to a zone the form names', () => {
    expect(resolve('路灯坏了', { lng: 100, lat: 20 }).evidence).toMatchObject({ reason: 'triage', location: { zoneCode: null } });
    expect(resolve('路灯坏了', { lng: 102.685, lat: 25.055 }, 'st2').evidence).toMatchObject({ reason: 'channel_hint', zoneCode: 'st2' });
  });
});
