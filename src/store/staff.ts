/**
 * Staff (app_user): machines found by the SHA-256 hash of their API key, people
 * by their login (a scrypt hash of the password, src/core/password.ts). Neither
 * the key nor the password is stored. People's sessions: src/store/staff-sessions.ts.
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

/** A person who signs in, as the users API shows them (never the hash). */
export interface StaffAccount {
  id: number;
  login: string;
  name: string;
  role: Role;
  liaison: { id: number; name: string } | null;
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

const ACCOUNT_COLUMNS = `u.id, u.login, u.name, u.role, u.disabled, u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt",
  CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('id', l.id, 'name', l.name) END AS liaison`;

/** Every person with a login (API-key-only rows are machines, not listed), oldest first. */
export async function listAccounts(db: Queryable): Promise<StaffAccount[]> {
  const { rows } = await db.query<StaffAccount>(
    `SELECT ${ACCOUNT_COLUMNS} FROM app_user u LEFT JOIN liaison l ON l.id = u.liaison_id WHERE u.login IS NOT NULL ORDER BY u.id`,
  );
  return rows;
}

export async function findAccount(db: Queryable, id: number): Promise<StaffAccount | null> {
  const { rows } = await db.query<StaffAccount>(
    `SELECT ${ACCOUNT_COLUMNS} FROM app_user u LEFT JOIN liaison l ON l.id = u.liaison_id WHERE u.id = $1 AND u.login IS NOT NULL`,
    [id],
  );
  return rows[0] ?? null;
}

/** Adds a person; null when the login is taken (logins are unique). */
export async function addAccount(
  db: Queryable,
  a: { login: string; name: string; role: Role; passwordHash: string; liaisonId: number | null },
): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO app_user (login, name, role, password_hash, liaison_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login) DO NOTHING RETURNING id',
    [a.login, a.name, a.role, a.passwordHash, a.liaisonId],
  );
  return rows[0]?.id ?? null;
}

/** What signing in needs to know about a login (the caller must not reveal which part failed). */
export interface Credentials extends Staff {
  login: string;
  passwordHash: string | null;
  disabled: boolean;
}

export async function credentialsByLogin(db: Queryable, login: string): Promise<Credentials | null> {
  const { rows } = await db.query<Credentials>(
    'SELECT id, login, name, role, liaison_id AS "liaisonId", password_hash AS "passwordHash", disabled FROM app_user WHERE login = $1',
    [login],
  );
  return rows[0] ?? null;
}

/** Sets `disabled`; false when there is no person of this id. */
export async function setDisabled(db: Queryable, id: number, disabled: boolean): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE app_user SET disabled = $2 WHERE id = $1 AND login IS NOT NULL', [id, disabled]);
  return rowCount === 1;
}

export async function setPasswordHash(db: Queryable, id: number, passwordHash: string): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE app_user SET password_hash = $2 WHERE id = $1 AND login IS NOT NULL', [id, passwordHash]);
  return rowCount === 1;
}

export async function noteLogin(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [id]);
}
