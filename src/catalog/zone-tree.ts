/** Walking the zone pyramid held in the catalog snapshot. */
import type { CatalogSnapshot, ZoneInfo } from './catalog.js';

/**
 * A zone's name as a resident can place it: a group or community with its
 * parent's name in front (翠湖社区第一居民小组), since "第一居民小组" alone exists everywhere.
 */
export function zoneLabel(zone: ZoneInfo, catalog: CatalogSnapshot): string {
  const parent = parentOf(zone, catalog);
  return (zone.level === 'group' || zone.level === 'community') && parent ? `${parent.name}${zone.name}` : zone.name;
}

/** The zone and every zone above it: the zone itself first, the district last. */
export function zoneChain(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo[] {
  const chain: ZoneInfo[] = [];
  for (let z: ZoneInfo | undefined = zone; z; z = parentOf(z, catalog)) chain.push(z);
  return chain;
}

export function parentOf(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo | undefined {
  return zone.parentId ? catalog.zonesById.get(zone.parentId) : undefined;
}

const childrenCache = new WeakMap<CatalogSnapshot, Map<number, number[]>>();

/** Zone id → its children's ids, built once per catalog snapshot. */
function childrenOf(catalog: CatalogSnapshot): Map<number, number[]> {
  let children = childrenCache.get(catalog);
  if (!children) {
    children = new Map();
    for (const z of catalog.zonesById.values()) {
      if (z.parentId !== null) children.set(z.parentId, [...(children.get(z.parentId) ?? []), z.id]);
    }
    childrenCache.set(catalog, children);
  }
  return children;
}

/** The ids of a zone and every zone below it, or null for an unknown code. */
export function descendantZoneIds(catalog: CatalogSnapshot, code: string): number[] | null {
  const root = catalog.zonesByCode.get(code);
  if (!root) return null;
  const children = childrenOf(catalog);
  const ids: number[] = [];
  for (const queue = [root.id]; queue.length > 0;) {
    const id = queue.pop()!;
    ids.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return ids;
}
