/**
 * Staff requests done once: a console write sent with an `Idempotency-Key`
 * stores its answer in the transaction that did the work, so a double click
 * or a retried request gets the same answer and changes nothing again.
 */
import type { Queryable } from './db.js';

export interface StoredResponse {
  status: number;
  response: unknown;
}

export interface PriorRequest extends StoredResponse {
  /** What the key was used for (e.g. `reply 2612010001`): the same key for another request is refused. */
  route: string;
}

/** The answer of the request made before with this key, if any (read after the case is locked: a concurrent twin has committed). */
export async function priorResponse(db: Queryable, key: string): Promise<PriorRequest | null> {
  const { rows } = await db.query<PriorRequest>('SELECT route, status, response FROM staff_request WHERE key = $1', [key]);
  return rows[0] ?? null;
}

export async function recordResponse(db: Queryable, key: string, route: string, stored: StoredResponse): Promise<void> {
  await db.query('INSERT INTO staff_request (key, route, status, response) VALUES ($1, $2, $3, $4)', [
    key,
    route,
    stored.status,
    JSON.stringify(stored.response),
  ]);
}
