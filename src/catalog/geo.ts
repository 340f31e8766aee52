/**
 * Zone boundaries as GeoJSON polygons (WGS-84 longitude, latitude), and which
 * zone a shared location falls in: the most specific active zone whose
 * boundary contains the point.
 */
import { z } from 'zod';
import type { CatalogSnapshot, ZoneInfo } from './catalog.js';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z
  .array(Position)
  .min(4, 'a ring needs at least 4 positions (the first repeated at the end)')
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a ring must end where it starts');
/** The outer ring first, then any holes. */
const PolygonRings = z.array(Ring).min(1).max(50);

export const Boundary = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: PolygonRings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonRings).min(1).max(50) }),
]);
export type Boundary = z.infer<typeof Boundary>;

export interface Point {
  lat: number;
  lng: number;
}

const DEPTH = { district: 0, street: 1, community: 2, group: 3 } as const;

/** Ray casting: a point exactly on an edge may fall either way, which is fine for routing. */
function inRing(ring: readonly (readonly number[])[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

function inPolygon(rings: readonly (readonly (readonly number[])[])[], x: number, y: number): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(outer, x, y) && !holes.some((h) => inRing(h, x, y));
}

export function contains(boundary: Boundary, point: Point): boolean {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polygons.some((p) => inPolygon(p, point.lng, point.lat));
}

/** The deepest active zone whose boundary holds the point, or undefined. */
export function zoneAt(point: Point, catalog: CatalogSnapshot): ZoneInfo | undefined {
  let best: ZoneInfo | undefined;
  for (const zone of catalog.zonesById.values()) {
    if (!zone.active || !zone.boundary || !contains(zone.boundary, point)) continue;
    if (!best || DEPTH[zone.level] > DEPTH[best.level]) best = zone;
  }
  return best;
}
