/**
 * Which responsibility zone gets a message, and why. Today: the zone the
 * channel names (a form's picker), else the district's triage desk. The
 * evidence is stored on the case so admins can see why it went where it went.
 */
import type { CatalogSnapshot, ZoneInfo } from './catalog.js';

export interface ZoneDecision {
  zone: ZoneInfo;
  /** The zone's own liaison, or the nearest one up the tree. */
  liaisonId: number | null;
  evidence: {
    reason: 'channel_hint' | 'triage';
    zoneCode: string;
    /** The hint as the channel gave it: a zone code, or `number:<E.164>` for a zone's own hotline. */
    hint?: string;
    liaisonFrom?: string;
  };
}

export function resolveZone(
  hints: { zoneCode?: string; calledNumber?: string },
  catalog: CatalogSnapshot,
  triageZoneCode: string,
): ZoneDecision {
  const hinted = hints.zoneCode
    ? catalog.zonesByCode.get(hints.zoneCode)
    : hints.calledNumber
      ? catalog.zonesByPhone.get(hints.calledNumber)
      : undefined;
  const hint = hints.zoneCode ?? (hints.calledNumber ? `number:${hints.calledNumber}` : undefined);
  const zone = hinted?.active ? hinted : catalog.zonesByCode.get(triageZoneCode);
  if (!zone) throw new Error(`triage zone ${triageZoneCode} does not exist`);

  const liaisonZone = nearestWithLiaison(zone, catalog);
  return {
    zone,
    liaisonId: liaisonZone?.liaisonId ?? null,
    evidence: {
      reason: zone === hinted ? 'channel_hint' : 'triage',
      zoneCode: zone.code,
      ...(hint ? { hint } : {}),
      ...(liaisonZone && liaisonZone !== zone ? { liaisonFrom: liaisonZone.code } : {}),
    },
  };
}

function nearestWithLiaison(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo | undefined {
  for (let z: ZoneInfo | undefined = zone; z; z = z.parentId ? catalog.zonesById.get(z.parentId) : undefined) {
    if (z.liaisonId) return z;
  }
  return undefined;
}
