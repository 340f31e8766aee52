/**
 * Staff who use the admin API (app_user), found by the SHA-256 hash of their
 * API key: the key itself is never stored.
 */
import type { Queryable } from './db.js';

/**
 * `admin` everything; `supervisor` reads everything, changes nothing; `dispatcher` works every case
 * (triage, transfer, answer), no configuration; `liaison` works the cases of their own zones and below.
 */
export type Role = 'admin' | 'supervisor' | 'dispatcher' | 'liaison';

export interface Staff {
  id: number;
  name: string;
  role: Role;
  /** The liaison a user with the liaison role acts for (null for every other role). */
  liaisonId: number | null;
}

/** The staff member holding the key of this hash, unless their key is disabled. */
export async function staffByKeyHash(db: Queryable, keyHash: string): Promise<Staff | null> {
  const { rows } = await db.query<Staff>('SELECT id, name, role, liaison_id AS "liaisonId" FROM app_user WHERE api_key_hash = $1 AND NOT disabled', [keyHash]);
  return rows[0] ?? null;
}

/** Adds a key for a staff member; a key that exists already is left as it is. */
export async function addStaffKey(db: Queryable, s: { name: string; role: Role; keyHash: string }): Promise<void> {
  await db.query('INSERT INTO app_user (name, role, api_key_hash) VALUES ($1, $2, $3) ON CONFLICT (api_key_hash) DO NOTHING', [s.name, s.role, s.keyHash]);
}
