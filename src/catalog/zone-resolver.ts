/**
 * Which responsibility zone gets a message, and why, strongest signal first:
 * the contact card the resident scanned (its zone, and its liaison when the
 * card is a liaison's own), the zone the channel names (a form's picker, a
 * zone's own number), the zone of the resident's earlier cases, places named
 * in the text (the gazetteer), a shared location inside a zone's boundary,
 * else the district's triage desk. A location refines a place name when it
 * falls in a zone below it. The evidence is stored on the case so admins can
 * see why it went where it went.
 */
import type { InboundMessage } from '../core/message.js';
import type { CatalogSnapshot, ZoneInfo } from './catalog.js';
import { matchPlaces } from './gazetteer.js';
import { zoneChain } from './zone-tree.js';
import { zoneAt, type Point } from './geo.js';

export interface ZoneDecision {
  zone: ZoneInfo;
  /** The zone's own liaison, or the nearest one up the tree. */
  liaisonId: number | null;
  evidence: {
    reason: 'contact_card' | 'channel_hint' | 'known_resident' | 'place_names' | 'location' | 'triage';
    zoneCode: string;
    /** The contact card that opened the form. */
    cardId?: number;
    /** The hint as the channel gave it: a zone code, `number:<E.164>` for a zone's own hotline, `mailbox:<address>` for its own mailbox. */
    hint?: string;
    /** Place names found in the text, and whether they fitted several zones (then their common ancestor). */
    places?: string[];
    ambiguous?: boolean;
    /** A shared location, and the zone whose boundary holds it (if any). */
    location?: Point & { zoneCode: string | null };
    liaisonFrom?: string;
  };
}

export function resolveZone(
  hints: InboundMessage['hints'],
  catalog: CatalogSnapshot,
  triageZoneCode: string,
  text = '',
  /** The zone of the sender's latest earlier case outside triage, if any. */
  knownZoneId: number | null = null,
): ZoneDecision {
  const carded = hints.card ? catalog.zonesByCode.get(hints.card.zoneCode) : undefined;
  const card = hints.card && carded?.active ? { ...hints.card, zone: carded } : undefined;
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
  const channelZone = !card && hinted?.active ? hinted : undefined;
  const residentZone = !card && !channelZone && known?.active ? known : undefined;
  const places = card || channelZone || residentZone ? null : matchPlaces(text, catalog);
  const located = card || channelZone || residentZone || !hints.location ? undefined : zoneAt(hints.location, catalog);
  // A location counts where no place was named, or where it narrows the named place down.
  const byLocation = located && (!places || isBelow(located, places.zone, catalog)) ? located : undefined;
  const zone = card?.zone ?? channelZone ?? residentZone ?? byLocation ?? places?.zone ?? catalog.zonesByCode.get(triageZoneCode);
  if (!zone) throw new Error(`triage zone ${triageZoneCode} does not exist`);

  // A liaison's own card goes to that liaison; otherwise the zone's, or the nearest one above it.
  const liaisonZone = card?.liaisonId ? undefined : nearestWithLiaison(zone, catalog);
  return {
    zone,
    liaisonId: card?.liaisonId ?? liaisonZone?.liaisonId ?? null,
    evidence: {
      reason: card
        ? 'contact_card'
        : channelZone
          ? 'channel_hint'
          : residentZone
            ? 'known_resident'
            : byLocation
              ? 'location'
              : places
                ? 'place_names'
                : 'triage',
      zoneCode: zone.code,
      ...(card ? { cardId: card.id } : {}),
      ...(hint ? { hint } : {}),
      ...(places ? { places: places.matched, ...(places.ambiguous ? { ambiguous: true } : {}) } : {}),
      ...(hints.location && !card && !channelZone && !residentZone ? { location: { ...hints.location, zoneCode: located?.code ?? null } } : {}),
      ...(liaisonZone && liaisonZone !== zone ? { liaisonFrom: liaisonZone.code } : {}),
    },
  };
}

/** The zone itself if it has a liaison, else the nearest zone above it that has one. */
export function nearestWithLiaison(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo | undefined {
  return zoneChain(zone, catalog).find((z) => z.liaisonId);
}

/** True when `zone` lies strictly below `ancestor`. */
function isBelow(zone: ZoneInfo, ancestor: ZoneInfo, catalog: CatalogSnapshot): boolean {
  return zoneChain(zone, catalog).slice(1).includes(ancestor);
}
