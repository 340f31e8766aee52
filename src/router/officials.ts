/**
 * Complaints about officials stay away from the officials. 信访工作条例 (2022)
 * Art. 30: a complainant's reports must never be disclosed or passed to the
 * people or units complained about. So:
 * - a complaint about how officials behave (category `conduct`), or a report of
 *   wrongdoing (kind `report`) that is about public staff, is confidential: it
 *   goes to the supervisory zone (e.g. the district's discipline inspection
 *   office), never to the liaisons of the zone chain;
 * - a liaison the text names (by full name, or by surname and title within the
 *   zone's own chain), or the liaison of an office it names, never gets the
 *   case, whatever its category.
 */
import type { CatalogSnapshot, ZoneInfo } from '../catalog/catalog.js';
import { zoneChain } from '../catalog/zone-tree.js';

/** Words for public staff and their misdeeds: a report naming none of them is about someone else (a gambling den). */
const PUBLIC_STAFF =
  /干部|官员|领导|主任|书记|科长|局长|所长|站长|队长|组长|网格员|联络员|工作人员|公务员|城管|执法人员|民警|村委会|居委会|办事处|贪污|受贿|索贿|行贿|回扣|挪用|侵占|吃拿卡要|优亲厚友|以权谋私|\b(official|cadre|bribe|corrupt)/i;
const TITLES = '主任|副主任|书记|副书记|站长|联络员|网格员|组长|干部|科长';
/** The words that turn a zone's name into its office (翠湖社区居委会, 华山街道办). */
const OFFICE = /^(的)?(居委会|村委会|办事处|街道办|办公室|工作站|党委|党支部|服务中心|工作人员|干部|主任|书记|网格员|联络员)/;

export interface Named {
  /** Liaisons who must not get the case, and why. */
  liaisons: { id: number; reason: 'named' | 'title' | 'office'; matched: string }[];
}

/** The liaisons a text names, directly or through their office, among those the router could pick. */
export function namedLiaisons(text: string, zone: ZoneInfo, catalog: CatalogSnapshot): Named {
  const found = new Map<number, Named['liaisons'][number]>();
  for (const l of catalog.liaisons) {
    if (l.name.length >= 2 && text.includes(l.name)) found.set(l.id, { id: l.id, reason: 'named', matched: l.name });
  }
  // 王主任: a surname and a title, taken to mean the liaison of that surname up this zone's chain.
  const chain = zoneChain(zone, catalog);
  for (const z of chain) {
    const liaison = z.liaisonId !== null ? catalog.liaisons.find((l) => l.id === z.liaisonId) : undefined;
    if (!liaison || found.has(liaison.id)) continue;
    const surname = liaison.name.slice(0, 1);
    const titled = new RegExp(`${surname}(${TITLES})`).exec(text);
    if (titled) found.set(liaison.id, { id: liaison.id, reason: 'title', matched: titled[0] });
  }
  // 翠湖社区居委会: the office of a zone, and so its liaison. A name many zones share (第一居民小组)
  // is taken to mean the one in this zone's chain.
  const sharing = nameCounts(catalog);
  for (const z of catalog.zonesById.values()) {
    if (z.liaisonId === null || found.has(z.liaisonId) || z.level === 'district') continue;
    if (sharing.get(z.name)! > 1 && !chain.includes(z)) continue;
    let at = text.indexOf(z.name);
    while (at >= 0) {
      const office = OFFICE.exec(text.slice(at + z.name.length));
      if (office) {
        found.set(z.liaisonId, { id: z.liaisonId, reason: 'office', matched: z.name + office[0] });
        break;
      }
      at = text.indexOf(z.name, at + 1);
    }
  }
  return { liaisons: [...found.values()] };
}

const nameCountCache = new WeakMap<CatalogSnapshot, Map<string, number>>();

/** How many zones bear each name, once per catalog snapshot (this runs for every message). */
function nameCounts(catalog: CatalogSnapshot): Map<string, number> {
  let counts = nameCountCache.get(catalog);
  if (!counts) {
    counts = new Map();
    for (const z of catalog.zonesById.values()) counts.set(z.name, (counts.get(z.name) ?? 0) + 1);
    nameCountCache.set(catalog, counts);
  }
  return counts;
}

/** Whether the message must be kept from the zone chain's liaisons. */
export function isAboutOfficials(category: string, kind: string, text: string, named: Named): boolean {
  return category === 'conduct' || (kind === 'report' && (named.liaisons.length > 0 || PUBLIC_STAFF.test(text)));
}

/** The configured supervisory zone, else the first active one flagged supervisory. */
export function supervisoryZone(catalog: CatalogSnapshot, code?: string): ZoneInfo | undefined {
  if (code) {
    const z = catalog.zonesByCode.get(code);
    if (z?.active) return z;
  }
  return [...catalog.zonesById.values()].find((z) => z.active && z.supervisory);
}
