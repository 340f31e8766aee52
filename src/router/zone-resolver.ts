/**
 * Which responsibility zone gets a message, and why, strongest signal first:
 * the zone the channel names (a form's picker, a zone's own number), the zone
 * of the resident's earlier cases, places named in the text (the gazetteer),
 * else the district's triage desk. The
 * evidence is stored on the case so admins can see why it went where it went.
 */
import type { CatalogSnapshot, ZoneInfo } from './catalog.js';
import { matchPlaces } from './gazetteer.js';

export interface ZoneDecision {
  zone: ZoneInfo;
  /** The zone's own liaison, or the nearest one up the tree. */
  liaisonId: number | null;
  evidence: {
    reason: 'channel_hint' | 'known_resident' | 'place_names' | 'triage';
    zoneCode: string;
    /** The hint as the channel gave it: a zone code, `number:<E.164>` for a zone's own hotline, `mailbox:<address>` for its own mailbox. */
    hint?: string;
    /** Place names found in the text, and whether they fitted several zones (then their common ancestor). */
    places?: string[];
    ambiguous?: boolean;
    liaisonFrom?: string;
  };
}

export function resolveZone(
  hints: { zoneCode?: string; calledNumber?: string; mailbox?: string },
  catalog: CatalogSnapshot,
  triageZoneCode: string,
  text = '',
  /** The zone of the sender's latest earlier case outside triage, if any. */
  knownZoneId: number | null = null,
): ZoneDecision {
  const hinted = hints.zoneCode
    ? catalog.zonesByCode.get(hints.zoneCode)
    : hints.calledNumber
      ? catalog.zonesByPhone.get(hints.calledNumber)
      : hints.mailbox
        ? catalog.zonesByEmail.get(hints.mailbox.toLowerCase())
        : undefined;
  const hint =
    hints.zoneCode ?? (hints.calledNumber ? `number:${hints.calledNumber}` : hints.mailbox && hinted ? `mailbox:${hints.mailbox.toLowerCase()}` : undefined);
  const known = knownZoneId !== null ? catalog.zonesById.get(knownZoneId) : undefined;
  const channelZone = hinted?.active ? hinted : undefined;
  const residentZone = !channelZone && known?.active ? known : undefined;
  const places = channelZone || residentZone ? null : matchPlaces(text, catalog);
  const zone = channelZone ?? residentZone ?? places?.zone ?? catalog.zonesByCode.get(triageZoneCode);
  if (!zone) throw new Error(`triage zone ${triageZoneCode} does not exist`);

  const liaisonZone = nearestWithLiaison(zone, catalog);
  return {
    zone,
    liaisonId: liaisonZone?.liaisonId ?? null,
    evidence: {
      reason: channelZone ? 'channel_hint' : residentZone ? 'known_resident' : places ? 'place_names' : 'triage',
      zoneCode: zone.code,
      ...(hint ? { hint } : {}),
      ...(places ? { places: places.matched, ...(places.ambiguous ? { ambiguous: true } : {}) } : {}),
      ...(liaisonZone && liaisonZone !== zone ? { liaisonFrom: liaisonZone.code } : {}),
    },
  };
}

/** The zone itself if it has a liaison, else the nearest zone above it that has one. */
export function nearestWithLiaison(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo | undefined {
  for (let z: ZoneInfo | undefined = zone; z; z = z.parentId ? catalog.zonesById.get(z.parentId) : undefined) {
    if (z.liaisonId) return z;
  }
  return undefined;
}
