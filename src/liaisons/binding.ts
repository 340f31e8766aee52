/**
 * Binding a liaison's chat account: an admin issues a one-time code
 * (POST /api/v1/liaisons/:id/bind-code), the liaison sends it to the bot once,
 * and the chat stays bound until revoked. Only a hash of the code is stored.
 */
import { createHash, randomInt } from 'node:crypto';
import type pg from 'pg';
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';

export const BIND_CODE_TTL_HOURS = 24;

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

export interface BoundLiaison {
  id: number;
  name: string;
}

/** A fresh 8-digit code for the liaison, audited; earlier unused codes stop working. */
export async function issueBindCode(db: Queryable, liaisonId: number, actor: string): Promise<{ code: string; expiresAt: Date }> {
  const code = String(randomInt(10_000_000, 100_000_000));
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ expires_at: Date }>(
      `WITH expired AS (UPDATE liaison_bind_code SET expires_at = now() WHERE liaison_id = $2 AND used_at IS NULL AND expires_at > now())
       INSERT INTO liaison_bind_code (code_hash, liaison_id, expires_at, created_by)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4) RETURNING expires_at`,
      [hash(code), liaisonId, BIND_CODE_TTL_HOURS, actor],
    );
    await audit(tx, { actor, action: 'liaison.bind_code', subjectType: 'liaison', subjectId: String(liaisonId) });
    return { code, expiresAt: rows[0]!.expires_at };
  });
}

/** Binds the chat with a valid code, once; null when the code is wrong, used or expired. */
export async function bindChat(db: Queryable, channel: string, address: string, code: string): Promise<BoundLiaison | null> {
  const { rows } = await db.query<BoundLiaison>(
    `WITH used AS (
       UPDATE liaison_bind_code SET used_at = now()
       WHERE code_hash = $3 AND used_at IS NULL AND expires_at > now() RETURNING liaison_id
     ),
     bound AS (
       INSERT INTO liaison_chat (liaison_id, channel, address) SELECT liaison_id, $1, $2 FROM used
       ON CONFLICT (channel, address) DO UPDATE SET liaison_id = excluded.liaison_id, bound_at = now(), revoked_at = NULL
       RETURNING liaison_id
     )
     SELECT l.id, l.name FROM bound JOIN liaison l ON l.id = bound.liaison_id`,
    [channel, address, hash(code)],
  );
  return rows[0] ?? null;
}

/** The active liaison bound to this chat, if any. */
export async function liaisonOfChat(pool: pg.Pool, channel: string, address: string): Promise<BoundLiaison | null> {
  const { rows } = await pool.query<BoundLiaison>(
    `SELECT l.id, l.name FROM liaison_chat c JOIN liaison l ON l.id = c.liaison_id
     WHERE c.channel = $1 AND c.address = $2 AND c.revoked_at IS NULL AND l.active`,
    [channel, address],
  );
  return rows[0] ?? null;
}
