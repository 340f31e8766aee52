/**
 * Contact cards in PostgreSQL: issue, rotate, revoke, find, count.
 * At most one live zone-wide card per zone and one live card per liaison in a
 * zone (partial unique indexes), so printing twice never issues two cards.
 * Every change commits with its audit entry.
 */
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { inTransaction, type Queryable } from '../../store/db.js';
import { newNonce } from './token.js';

export interface CardRow {
  id: number;
  zoneId: number;
  zoneCode: string;
  liaisonId: number | null;
  nonce: Buffer;
  revokedAt: Date | null;
  rotatedFromId: number | null;
  /** The card that replaced this one, if it was rotated. */
  rotatedToId: number | null;
  scans: number;
  submissions: number;
  createdAt: Date;
}

const SELECT = `
  SELECT c.id, c.zone_id AS "zoneId", z.code AS "zoneCode", c.liaison_id AS "liaisonId", c.nonce,
         c.revoked_at AS "revokedAt", c.rotated_from AS "rotatedFromId", n.id AS "rotatedToId",
         c.scans, c.submissions, c.created_at AS "createdAt"
  FROM contact_card c JOIN zone z ON z.id = c.zone_id LEFT JOIN contact_card n ON n.rotated_from = c.id`;

const UNIQUE_VIOLATION = '23505';

export async function findCard(db: Queryable, id: number): Promise<CardRow | null> {
  const { rows } = await db.query<CardRow>(`${SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listCards(db: Queryable, zoneId: number): Promise<CardRow[]> {
  return (await db.query<CardRow>(`${SELECT} WHERE c.zone_id = $1 ORDER BY c.id`, [zoneId])).rows;
}

/** A new live card for the zone (or for one liaison in it), audited; a 409 when one is live already. */
export async function issueCard(db: Queryable, zoneId: number, liaisonId: number | null, actor: string): Promise<CardRow> {
  try {
    return await inTransaction(db, async (tx) => {
      const { rows } = await tx.query<{ id: number }>('INSERT INTO contact_card (zone_id, liaison_id, nonce) VALUES ($1, $2, $3) RETURNING id', [
        zoneId,
        liaisonId,
        newNonce(),
      ]);
      const card = (await findCard(tx, rows[0]!.id))!;
      const detail = { zone: card.zoneCode, ...(liaisonId ? { liaisonId } : {}) };
      await audit(tx, { actor, action: 'card.issue', subjectType: 'card', subjectId: String(card.id), detail });
      return card;
    });
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new InputError(liaisonId === null ? 'zone' : 'liaisonId', 'a live card exists already: rotate or revoke it', 409, 'conflict');
    }
    throw err;
  }
}

/**
 * The zones' live zone-wide cards, issuing (and auditing) those that are missing. Returns zone id →
 * card id and the ids issued now.
 */
export async function ensureZoneCards(db: Queryable, zoneIds: number[], actor: string): Promise<{ cards: Map<number, number>; issued: number[] }> {
  if (zoneIds.length === 0) return { cards: new Map(), issued: [] };
  return inTransaction(db, async (tx) => {
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO contact_card (zone_id, nonce) SELECT * FROM unnest($1::int[], $2::bytea[])
       ON CONFLICT (zone_id) WHERE liaison_id IS NULL AND revoked_at IS NULL DO NOTHING RETURNING id`,
      [zoneIds, zoneIds.map(() => newNonce())],
    );
    const { rows } = await tx.query<{ id: number; zone_id: number }>(
      'SELECT id, zone_id FROM contact_card WHERE zone_id = ANY($1) AND liaison_id IS NULL AND revoked_at IS NULL',
      [zoneIds],
    );
    const issued = inserted.rows.map((r) => r.id);
    if (issued.length) await audit(tx, { actor, action: 'card.issue', subjectType: 'card', detail: { cards: issued, reason: 'printed' } });
    return { cards: new Map(rows.map((r) => [r.zone_id, r.id])), issued };
  });
}

/** Revokes a live card and issues its successor for the same zone and liaison, audited; null when it was not live. */
export async function rotateCard(db: Queryable, id: number, actor: string): Promise<CardRow | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ zone_id: number; liaison_id: number | null }>(
      'UPDATE contact_card SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING zone_id, liaison_id',
      [id],
    );
    const old = rows[0];
    if (!old) return null;
    const created = await tx.query<{ id: number }>('INSERT INTO contact_card (zone_id, liaison_id, nonce, rotated_from) VALUES ($1, $2, $3, $4) RETURNING id', [
      old.zone_id,
      old.liaison_id,
      newNonce(),
      id,
    ]);
    const newCard = created.rows[0]!.id;
    await audit(tx, { actor, action: 'card.rotate', subjectType: 'card', subjectId: String(id), detail: { newCard } });
    return findCard(tx, newCard);
  });
}

/** Revokes a live card, audited; false when it was not live. */
export async function revokeCard(db: Queryable, id: number, actor: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ zone: string }>(
      'UPDATE contact_card c SET revoked_at = now() FROM zone z WHERE c.id = $1 AND c.revoked_at IS NULL AND z.id = c.zone_id RETURNING z.code AS zone',
      [id],
    );
    if (!rows[0]) return false;
    await audit(tx, { actor, action: 'card.revoke', subjectType: 'card', subjectId: String(id), detail: { zone: rows[0].zone } });
    return true;
  });
}

const COUNT = {
  scans: 'UPDATE contact_card SET scans = scans + 1 WHERE id = $1',
  submissions: 'UPDATE contact_card SET submissions = submissions + 1 WHERE id = $1',
} as const;

export async function countCardUse(db: Queryable, id: number, what: keyof typeof COUNT): Promise<void> {
  await db.query(COUNT[what], [id]);
}
