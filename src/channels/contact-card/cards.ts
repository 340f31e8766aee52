/**
 * Contact cards as the routes see them: a token looked up to its card, a card
 * presented to staff, and the face printed for it (zone, liaison, hotline,
 * mailbox, link).
 */
import { zoneChain } from '../../catalog/zone-tree.js';
import client from 'prom-client';
import { z } from 'zod';
import { businessRegistry } from '../../core/metrics.js';
import type { CatalogSnapshot, ZoneInfo } from '../../catalog/catalog.js';
import { nearestWithLiaison } from '../../catalog/zone-resolver.js';
import type { CardFace } from './card-face.js';
import { findCard, type CardRow } from './store.js';
import { nonceMatches, signCardToken, verifyCardToken } from './token.js';
import type { ChannelContext } from '../contract.js';
import { liaisonsById } from '../../liaisons/liaisons-repository.js';

export const cardScans = new client.Counter({
  name: 'minqing_card_scans_total',
  help: 'Contact card forms opened from the QR code, by card id',
  labelNames: ['card'] as const,
  registers: [businessRegistry],
});

export const cardSubmissions = new client.Counter({
  name: 'minqing_card_submissions_total',
  help: 'Messages submitted through a contact card, by card id',
  labelNames: ['card'] as const,
  registers: [businessRegistry],
});

export type CardStatus = 'live' | 'rotated' | 'revoked';

export function statusOf(card: CardRow): CardStatus {
  return card.revokedAt === null ? 'live' : card.rotatedToId !== null ? 'rotated' : 'revoked';
}

/** The card a token names: null for a malformed, forged, stale-nonce or unknown token (all a plain 404). */
export async function cardForToken(context: ChannelContext, token: string): Promise<CardRow | null> {
  const payload = verifyCardToken(context.secret, token);
  if (!payload) return null;
  const card = await findCard(context.pool, payload.cardId);
  return card && nonceMatches(card.nonce, payload.nonce) ? card : null;
}

/** The link a card's QR code carries. */
export function cardUrl(context: ChannelContext, card: CardRow): string {
  const base = context.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  return `${base}/c/${signCardToken(context.secret, { cardId: card.id, nonce: card.nonce })}`;
}

export const CardView = z.object({
  id: z.number(),
  zoneCode: z.string(),
  /** Set for a liaison's own card: its messages go to that liaison. */
  liaisonId: z.number().nullable(),
  status: z.enum(['live', 'rotated', 'revoked']),
  /** Only while live: the link the QR code carries. */
  url: z.string().optional(),
  scans: z.number(),
  submissions: z.number(),
  rotatedFrom: z.number().nullable(),
  rotatedTo: z.number().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export function presentCard(context: ChannelContext, card: CardRow): z.infer<typeof CardView> {
  const status = statusOf(card);
  return {
    id: card.id,
    zoneCode: card.zoneCode,
    liaisonId: card.liaisonId,
    status,
    ...(status === 'live' ? { url: cardUrl(context, card) } : {}),
    scans: card.scans,
    submissions: card.submissions,
    rotatedFrom: card.rotatedFromId,
    rotatedTo: card.rotatedToId,
    createdAt: card.createdAt.toISOString(),
    revokedAt: card.revokedAt?.toISOString() ?? null,
  };
}

/** The zone's ancestors below the district, top down. */
function ancestors(zone: ZoneInfo, catalog: CatalogSnapshot): ZoneInfo[] {
  return zoneChain(zone, catalog)
    .slice(1)
    .filter((z) => z.level !== 'district')
    .reverse();
}

/** `+8613800000100` → `138 0000 0100`, `+868711234567` → `0871-1234567`; anything else as it is. */
function displayPhone(phone: string): string {
  const mobile = phone.match(/^\+86(1\d{2})(\d{4})(\d{4})$/);
  if (mobile) return mobile.slice(1).join(' ');
  const landline = phone.match(/^\+86(\d{2,3})(\d{7,8})$/);
  return landline ? `0${landline[1]}-${landline[2]}` : phone;
}

/** Addresses that reach no one outside a test or a demo: never printed. */
const UNREAL_MAIL = /@(?:[^@]*\.)?(?:localhost|invalid|test|example|local)$|@example\.(?:com|org|net)$/i;

/** The national government service hotline (12345 政务服务便民热线): a card always has a number to call. */
const NATIONAL_HOTLINE = '12345';

/**
 * The printed face of each card (same order): the liaison's public work number in full (their private
 * number never), a hotline always (the zone's or the nearest above it, else the district's default, else
 * 12345), a mailbox that exists (else the online window), and whose card it is (district, issuing office).
 */
export async function cardFaces(context: ChannelContext, cards: CardRow[]): Promise<CardFace[]> {
  const catalog = await context.catalog.get();
  const { config } = context;
  const zones = cards.map((c) => catalog.zonesById.get(c.zoneId)!);
  const liaisonIds = cards.map((c, n) => c.liaisonId ?? nearestWithLiaison(zones[n]!, catalog)?.liaisonId ?? null);
  const liaisons = new Map(
    (
      await liaisonsById(
        context.pool,
        liaisonIds.filter((id) => id !== null),
      )
    ).map((l) => [l.id, l]),
  );
  const defaultHotline = config.CARD_HOTLINE ?? config.TWILIO_FROM_NUMBER ?? NATIONAL_HOTLINE;
  const window = `${config.PUBLIC_BASE_URL.replace(/^https?:\/\//, '').replace(/\/$/, '')}/window`;
  return cards.map((card, n) => {
    const zone = zones[n]!;
    const above = ancestors(zone, catalog);
    const upwards = [zone, ...above.toReversed()];
    // The zone's own hotline number, or the nearest one above it.
    const ownNumber = upwards.find((z) => z.phoneNumbers.length > 0)?.phoneNumbers[0];
    const liaison = liaisonIds[n] !== null ? liaisons.get(liaisonIds[n]!) : undefined;
    // CARD_MAILBOX as configured; else the zone's own mailbox (or the nearest above it), else the district's, if it reaches anyone.
    const mailbox = config.CARD_MAILBOX ?? [...upwards.flatMap((z) => z.emailAddresses), ...config.EMAIL_MAILBOXES].find((m) => !UNREAL_MAIL.test(m));
    return {
      url: cardUrl(context, card),
      place: [config.SERVICE_DISTRICT, ...above.filter((z) => z.level !== 'district').map((z) => z.name)].join(' · '),
      zoneName: zone.name,
      liaison: liaison ? { name: liaison.name, phone: liaison.workPhone ? displayPhone(liaison.workPhone) : null } : null,
      hotline: displayPhone(ownNumber ?? defaultHotline),
      mailbox: mailbox ?? window,
      issuer: config.SERVICE_OFFICE,
    };
  });
}
