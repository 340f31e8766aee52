/**
 * Places named in a message, matched against the zone gazetteer: every
 * zone's name and aliases (roads, estates, landmarks). The longest match
 * wins over the names inside it; names that several zones share (every
 * community has a 第一居民小组) are settled by the other names in the text,
 * and when they cannot be, the message goes to the zones' common ancestor.
 */
import type { CatalogSnapshot, ZoneInfo } from './catalog.js';
import { zoneChain } from './zone-tree.js';

export interface PlaceMatch {
  zone: ZoneInfo;
  /** The names found in the text, longest first. */
  matched: string[];
  /** True when the names fit several zones and the common ancestor was taken. */
  ambiguous: boolean;
}

const cache = new WeakMap<CatalogSnapshot, Map<string, ZoneInfo[]>>();

/** Name → the zones it may mean (district level excluded: it says nothing about where). */
function termsOf(catalog: CatalogSnapshot): Map<string, ZoneInfo[]> {
  let terms = cache.get(catalog);
  if (!terms) {
    terms = new Map();
    for (const zone of catalog.zonesById.values()) {
      if (!zone.active || zone.level === 'district' || zone.supervisory) continue;
      for (const term of new Set([zone.name, ...zone.aliases])) {
        if (term.length < 2) continue;
        terms.set(term, [...(terms.get(term) ?? []), zone]);
      }
    }
    cache.set(catalog, terms);
  }
  return terms;
}

export function matchPlaces(text: string, catalog: CatalogSnapshot): PlaceMatch | null {
  const terms = termsOf(catalog);
  // Longest first; a name inside an already matched longer name is not a second place.
  const found = [...terms.keys()].filter((t) => text.includes(t)).sort((a, b) => b.length - a.length);
  const taken: [number, number][] = [];
  const matched: string[] = [];
  for (const term of found) {
    let from = text.indexOf(term);
    let free = false;
    while (from !== -1 && !free) {
      free = !taken.some(([s, e]) => from < e && from + term.length > s);
      if (free) taken.push([from, from + term.length]);
      from = text.indexOf(term, from + 1);
    }
    if (free) matched.push(term);
  }
  if (matched.length === 0) return null;

  // The deepest zone that every matched name agrees with (the name is that zone or one above it).
  const candidates = [...new Map(matched.flatMap((t) => terms.get(t)!).map((z) => [z.id, z])).values()];
  const agreeing = candidates.filter((z) => {
    const chain = new Set(zoneChain(z, catalog).map((a) => a.id));
    return matched.every((t) => terms.get(t)!.some((c) => chain.has(c.id)));
  });
  const depth = (z: ZoneInfo) => zoneChain(z, catalog).length;
  const deepest = agreeing.sort((a, b) => depth(b) - depth(a));
  const unique = deepest.filter((z) => depth(z) === depth(deepest[0] ?? candidates[0]!));
  if (unique.length === 1) return { zone: unique[0]!, matched, ambiguous: false };
  return { zone: commonAncestor(unique.length ? unique : candidates, catalog), matched, ambiguous: true };
}

function commonAncestor(zones: ZoneInfo[], catalog: CatalogSnapshot): ZoneInfo {
  const chains = zones.map((z) => zoneChain(z, catalog).reverse()); // district first
  let common = chains[0]![0]!;
  for (let i = 0; chains.every((c) => c[i] && c[i]!.id === chains[0]![i]!.id); i++) common = chains[0]![i]!;
  return common;
}
