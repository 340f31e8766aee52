/**
 * Cookie sessions of people signed in to the console. The cookie carries a
 * random token; only its SHA-256 is stored (a copy of the table opens no
 * session). A session ends when idle too long, at its absolute expiry, on
 * logout, or at once when its user is disabled or their password reset.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db.js';
import type { Staff } from './staff.js';

export interface SessionLimits {
  idleSeconds: number;
  maxSeconds: number;
}

export interface SessionStaff extends Staff {
  login: string;
  sessionId: string;
  csrfToken: string;
}

/** Sliding expiry: last_seen_at is moved at most this often, so a busy console does not write on every request. */
const TOUCH_EVERY_SECONDS = 60;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session; returns the cookie's token and the CSRF token (both shown only once, here). */
export async function openSession(db: Queryable, userId: number, limits: SessionLimits): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  // The user's sessions that have ended are removed on the way: the table holds live sessions only.
  await db.query(`DELETE FROM staff_session WHERE user_id = $1 AND (expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $2))`, [
    userId,
    limits.idleSeconds,
  ]);
  await db.query(`INSERT INTO staff_session (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`, [
    sessionIdOf(token),
    userId,
    csrfToken,
    limits.maxSeconds,
  ]);
  return { token, csrfToken };
}

/** The staff member of a live session (their user not disabled), moving its idle expiry on. */
export async function staffBySessionToken(db: Queryable, token: string, limits: SessionLimits): Promise<SessionStaff | null> {
  const id = sessionIdOf(token);
  const { rows } = await db.query<SessionStaff & { stale: boolean }>(
    `SELECT u.id, u.login, u.name, u.role, u.liaison_id AS "liaisonId", s.id AS "sessionId", s.csrf_token AS "csrfToken",
            s.last_seen_at < now() - make_interval(secs => $3) AS stale
       FROM staff_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id = $1 AND NOT u.disabled AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)`,
    [id, limits.idleSeconds, TOUCH_EVERY_SECONDS],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query('UPDATE staff_session SET last_seen_at = now() WHERE id = $1', [id]);
  const { stale: _stale, ...staff } = row;
  return staff;
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM staff_session WHERE id = $1', [sessionId]);
}

/** Ends every session of a user (disabled, or their password reset); returns how many. */
export async function endSessionsOf(db: Queryable, userId: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM staff_session WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}
