/**
 * Contact cards in PostgreSQL: issue, rotate, revoke, find, count.
 * At most one live zone-wide card per zone and one live card per liaison in a
 * zone (partial unique indexes), so printing twice never issues two cards.
 */
import type pg from 'pg';
import { InputError } from '../../core/errors.js';
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

export async function findCard(pool: pg.Pool, id: number): Promise<CardRow | null> {
  const { rows } = await pool.query<CardRow>(`${SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listCards(pool: pg.Pool, zoneId: number): Promise<CardRow[]> {
  return (await pool.query<CardRow>(`${SELECT} WHERE c.zone_id = $1 ORDER BY c.id`, [zoneId])).rows;
}

/** A new live card for the zone (or for one liaison in it); a 409 when one is live already. */
export async function issueCard(pool: pg.Pool, zoneId: number, liaisonId: number | null): Promise<CardRow> {
  try {
    const { rows } = await pool.query<{ id: number }>(
      'INSERT INTO contact_card (zone_id, liaison_id, nonce) VALUES ($1, $2, $3) RETURNING id',
      [zoneId, liaisonId, newNonce()],
    );
    return (await findCard(pool, rows[0]!.id))!;
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new InputError(liaisonId === null ? 'zone' : 'liaisonId', 'a live card exists already: rotate or revoke it', 409, 'conflict');
    }
    throw err;
  }
}

/** The zones' live zone-wide cards, issuing those that are missing. Returns zone id → card id and the ids issued now. */
export async function ensureZoneCards(pool: pg.Pool, zoneIds: number[]): Promise<{ cards: Map<number, number>; issued: number[] }> {
  if (zoneIds.length === 0) return { cards: new Map(), issued: [] };
  const inserted = await pool.query<{ id: number }>(
    `INSERT INTO contact_card (zone_id, nonce) SELECT * FROM unnest($1::int[], $2::bytea[])
     ON CONFLICT (zone_id) WHERE liaison_id IS NULL AND revoked_at IS NULL DO NOTHING RETURNING id`,
    [zoneIds, zoneIds.map(() => newNonce())],
  );
  const { rows } = await pool.query<{ id: number; zone_id: number }>(
    'SELECT id, zone_id FROM contact_card WHERE zone_id = ANY($1) AND liaison_id IS NULL AND revoked_at IS NULL',
    [zoneIds],
  );
  return { cards: new Map(rows.map((r) => [r.zone_id, r.id])), issued: inserted.rows.map((r) => r.id) };
}

/** Revokes a live card and issues its successor for the same zone and liaison, in one transaction. */
export async function rotateCard(pool: pg.Pool, id: number): Promise<CardRow | null> {
  const client = await pool.connect();
  let newId: number | null = null;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ zone_id: number; liaison_id: number | null }>(
      'UPDATE contact_card SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING zone_id, liaison_id',
      [id],
    );
    const old = rows[0];
    if (old) {
      const created = await client.query<{ id: number }>(
        'INSERT INTO contact_card (zone_id, liaison_id, nonce, rotated_from) VALUES ($1, $2, $3, $4) RETURNING id',
        [old.zone_id, old.liaison_id, newNonce(), id],
      );
      newId = created.rows[0]!.id;
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return newId === null ? null : findCard(pool, newId);
}

/** Revokes a live card; false when it was not live. */
export async function revokeCard(pool: pg.Pool, id: number): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE contact_card SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return (rowCount ?? 0) > 0;
}

const COUNT = {
  scans: 'UPDATE contact_card SET scans = scans + 1 WHERE id = $1',
  submissions: 'UPDATE contact_card SET submissions = submissions + 1 WHERE id = $1',
} as const;

export async function countCardUse(pool: pg.Pool, id: number, what: keyof typeof COUNT): Promise<void> {
  await pool.query(COUNT[what], [id]);
}
