/** The zones (as a tree), categories and liaisons the filters and actions pick from: loaded once per visit. */
import { useEffect, useState } from 'react';
import { categories, liaisons, zones } from './api/calls';
import type { Category, Liaison, Zone } from './api/types';

export interface ZoneNode {
  title: string;
  value: string;
  children: ZoneNode[];
}

export interface Pickers {
  zones: Zone[];
  zoneTree: ZoneNode[];
  categories: Category[];
  liaisons: Liaison[];
}

const EMPTY: Pickers = { zones: [], zoneTree: [], categories: [], liaisons: [] };
let loading: Promise<Pickers> | null = null;

/** The zones as nested nodes under their parents (the district at the root). */
export function zoneTreeOf(list: Zone[]): ZoneNode[] {
  const nodes = new Map(list.map((z) => [z.code, { title: z.name, value: z.code, children: [] as ZoneNode[] }]));
  const roots: ZoneNode[] = [];
  for (const zone of list) {
    const node = nodes.get(zone.code)!;
    const parent = zone.parentCode ? nodes.get(zone.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

async function load(): Promise<Pickers> {
  // A role that may not read one of the lists still gets the others.
  const [z, c, l] = await Promise.all([zones().catch(() => []), categories().catch(() => []), liaisons().catch(() => [])]);
  const active = z.filter((zone) => zone.active);
  return { zones: active, zoneTree: zoneTreeOf(active), categories: c.filter((cat) => cat.active), liaisons: l.filter((li) => li.active) };
}

export function usePickers(): Pickers {
  const [value, setValue] = useState<Pickers>(EMPTY);
  useEffect(() => {
    loading ??= load();
    let live = true;
    loading.then(
      (p) => live && setValue(p),
      () => {
        loading = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return value;
}
