/**
 * A zone's boundary from an uploaded GeoJSON file, and its shape as an SVG
 * path (no map tiles: the console's CSP loads nothing from elsewhere).
 */
import type { Boundary } from '../../api/zones';

type Geometry = { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };

/**
 * The Polygon or MultiPolygon a file holds: the geometry itself, a Feature of one,
 * or a FeatureCollection holding exactly one. The API checks the rings themselves.
 */
export function boundaryOf(text: string): Boundary | 'not_json' | 'no_polygon' | 'many_features' {
  let json: Geometry;
  try {
    json = JSON.parse(text) as Geometry;
  } catch {
    return 'not_json';
  }
  if (json?.type === 'FeatureCollection') {
    const features = Array.isArray(json.features) ? (json.features as Geometry[]) : [];
    const polygons = features.filter((f) => isPolygon(f?.geometry));
    if (polygons.length > 1) return 'many_features';
    json = polygons[0] ?? {};
  }
  const geometry = json?.type === 'Feature' ? (json.geometry as Geometry) : json;
  return isPolygon(geometry) ? ({ type: geometry.type, coordinates: geometry.coordinates } as Boundary) : 'no_polygon';
}

function isPolygon(g: unknown): g is Geometry & { type: 'Polygon' | 'MultiPolygon' } {
  const type = (g as Geometry | null)?.type;
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray((g as Geometry).coordinates);
}

/** The shape as an SVG path in a `size`×`size` box, longitude shrunk by the cosine of the latitude so it keeps its proportions. */
export function boundaryPath(boundary: Boundary, size: number): string {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  const points = polygons.flat(2);
  const lats = points.map((p) => p[1]!);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const squeeze = Math.cos((midLat * Math.PI) / 180);
  const xs = points.map((p) => p[0]! * squeeze);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const scale = (size * 0.9) / Math.max(maxX - minX, maxY - minY, 1e-9);
  const padX = (size - (maxX - minX) * scale) / 2;
  const padY = (size - (maxY - minY) * scale) / 2;
  const at = (p: number[]) => `${(padX + (p[0]! * squeeze - minX) * scale).toFixed(1)},${(padY + (maxY - p[1]!) * scale).toFixed(1)}`;
  return polygons
    .flat()
    .map((ring) => `M${ring.map(at).join('L')}Z`)
    .join(' ');
}
