/**
 * Liaisons (民情联络员) in PostgreSQL, for admins: who they are, the zones
 * they serve and the chat accounts they have bound. Every change commits
 * with its audit entry. Binding codes are binding.ts's.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { assignments } from '../store/update-set.js';

export interface LiaisonRecord {
  id: number;
  name: string;
  /** Private: for sends to the liaison only. */
  phone: string | null;
  /** Public: printed on contact cards. */
  workPhone: string | null;
  email: string | null;
  active: boolean;
}

export interface LiaisonOverview extends LiaisonRecord {
  /** The codes of the zones whose liaison they are. */
  zones: string[];
  /** Chat accounts bound and not revoked. */
  chats: { id: number; channel: string; boundAt: Date }[];
}

export async function listLiaisons(db: Queryable): Promise<LiaisonOverview[]> {
  const { rows } = await db.query<Omit<LiaisonOverview, 'chats'> & { chats: { id: number; channel: string; boundAt: string }[] }>(
    `SELECT l.id, l.name, l.phone, l.work_phone AS "workPhone", l.email, l.active,
            coalesce((SELECT array_agg(z.code ORDER BY z.id) FROM zone z WHERE z.liaison_id = l.id), '{}') AS zones,
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'channel', c.channel, 'boundAt', c.bound_at) ORDER BY c.id)
                      FROM liaison_chat c WHERE c.liaison_id = l.id AND c.revoked_at IS NULL), '[]') AS chats
     FROM liaison l ORDER BY l.id`,
  );
  return rows.map((l) => ({ ...l, chats: l.chats.map((c) => ({ ...c, boundAt: new Date(c.boundAt) })) }));
}

export async function findLiaison(db: Queryable, id: number): Promise<LiaisonRecord | null> {
  const { rows } = await db.query<LiaisonRecord>('SELECT id, name, phone, work_phone AS "workPhone", email, active FROM liaison WHERE id = $1', [id]);
  return rows[0] ?? null;
}

/** The liaisons of these ids (in no particular order; unknown ids are left out). */
export async function liaisonsById(db: Queryable, ids: readonly number[]): Promise<LiaisonRecord[]> {
  return (await db.query<LiaisonRecord>('SELECT id, name, phone, work_phone AS "workPhone", email, active FROM liaison WHERE id = ANY($1::int[])', [ids])).rows;
}

/** Whether the liaison exists (and, with `activeOnly`, is active). */
export async function liaisonExists(db: Queryable, id: number, { activeOnly = false } = {}): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM liaison WHERE id = $1 AND (active OR NOT $2)', [id, activeOnly]);
  return rowCount === 1;
}

/** Adds a liaison; `phone` in E.164. Returns the new id. */
export async function createLiaison(
  db: Queryable,
  l: { name: string; phone: string; workPhone?: string | undefined; email?: string | undefined },
  actor: string,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<{ id: number }>('INSERT INTO liaison (name, phone, work_phone, email) VALUES ($1, $2, $3, $4) RETURNING id', [
      l.name,
      l.phone,
      l.workPhone ?? null,
      l.email ?? null,
    ]);
    const id = rows[0]!.id;
    await audit(tx, { actor, action: 'liaison.create', subjectType: 'liaison', subjectId: String(id), detail: { name: l.name } });
    return id;
  });
}

/** undefined: unchanged; null (work phone, email): removed. `phone` and `workPhone` in E.164. */
export interface LiaisonChange {
  name?: string | undefined;
  phone?: string | undefined;
  workPhone?: string | null | undefined;
  email?: string | null | undefined;
  active?: boolean | undefined;
}

const CHANGEABLE = { name: 'name', phone: 'phone', workPhone: 'work_phone', email: 'email', active: 'active' } as const;

/** Changes the liaison, audited (the fields changed, not their values: phones are private); null when there is none. */
export async function updateLiaison(db: Queryable, id: number, change: LiaisonChange, actor: string): Promise<LiaisonRecord | null> {
  const { set, values } = assignments(change, CHANGEABLE, 2);
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<LiaisonRecord>(
      `UPDATE liaison SET ${[...set, 'id = id'].join(', ')} WHERE id = $1
       RETURNING id, name, phone, work_phone AS "workPhone", email, active`,
      [id, ...values],
    );
    if (!rows[0]) return null;
    const fields = Object.keys(CHANGEABLE).filter((key) => change[key as keyof LiaisonChange] !== undefined);
    await audit(tx, {
      actor,
      action: 'liaison.update',
      subjectType: 'liaison',
      subjectId: String(id),
      detail: { fields, name: change.name, active: change.active },
    });
    return rows[0];
  });
}

/** Revokes one of the liaison's bound chat accounts; false when it is not bound to them (or revoked already). */
export async function revokeChat(db: Queryable, liaisonId: number, chatId: number, actor: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { rowCount } = await tx.query('UPDATE liaison_chat SET revoked_at = now() WHERE id = $1 AND liaison_id = $2 AND revoked_at IS NULL', [
      chatId,
      liaisonId,
    ]);
    if (!rowCount) return false;
    await audit(tx, { actor, action: 'liaison.revoke_chat', subjectType: 'liaison', subjectId: String(liaisonId), detail: { chatId } });
    return true;
  });
}
