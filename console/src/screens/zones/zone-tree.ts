/** The zone list as a tree for antd's Tree, filtered by a search, and each zone's path (华山街道/翠湖社区). */
import type { Zone } from '../../api/types';

export interface ZoneNode {
  key: string;
  zone: Zone;
  children: ZoneNode[];
}

export const LEVELS = ['district', 'street', 'community', 'group'] as const;
export type Level = (typeof LEVELS)[number];

/** The level a child of this zone has, or null below a group. */
export function childLevel(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

export function parentLevel(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) - 1] ?? null;
}

export function byCode(zones: readonly Zone[]): Map<string, Zone> {
  return new Map(zones.map((z) => [z.code, z]));
}

/** The codes of the zones above this one, nearest first. */
export function ancestorsOf(zone: Zone | undefined, zones: Map<string, Zone>): string[] {
  const codes: string[] = [];
  for (let z = zone?.parentCode ? zones.get(zone.parentCode) : undefined; z; z = z.parentCode ? zones.get(z.parentCode) : undefined) codes.push(z.code);
  return codes;
}

/** 华山街道/翠湖社区/第一居民小组: the names from the top down (the district's own name left out). */
export function pathOf(zone: Zone, zones: Map<string, Zone>): string {
  const names: string[] = [];
  for (let z: Zone | undefined = zone; z; z = z.parentCode ? zones.get(z.parentCode) : undefined) {
    if (z.level !== 'district' || z === zone) names.unshift(z.name);
  }
  return names.join('/');
}

function matches(zone: Zone, needle: string): boolean {
  return [zone.name, zone.code, ...zone.aliases].some((text) => text.toLowerCase().includes(needle));
}

/**
 * The tree; with a search, only the zones that match, the zones above them
 * (to reach them) and below them (typing 翠湖 shows its groups).
 */
export function zoneTree(zones: readonly Zone[], search: string): ZoneNode[] {
  const children = new Map<string | null, Zone[]>();
  for (const zone of zones) children.set(zone.parentCode, [...(children.get(zone.parentCode) ?? []), zone]);
  const needle = search.trim().toLowerCase();
  const build = (zone: Zone, shown: boolean): ZoneNode | null => {
    const hit = shown || !needle || matches(zone, needle);
    const kids = (children.get(zone.code) ?? []).map((child) => build(child, hit)).filter((n): n is ZoneNode => n !== null);
    return hit || kids.length ? { key: zone.code, zone, children: kids } : null;
  };
  const codes = new Set(zones.map((z) => z.code));
  const roots = zones.filter((z) => !z.parentCode || !codes.has(z.parentCode));
  return roots.map((root) => build(root, false)).filter((n): n is ZoneNode => n !== null);
}

/** Every key of a tree, to expand all of it while searching. */
export function allKeys(nodes: readonly ZoneNode[]): string[] {
  return nodes.flatMap((n) => [n.key, ...allKeys(n.children)]);
}
