/**
 * Find or create the resident behind a message's identities, so one person
 * writing from a phone and an email is one contact. One statement in the
 * common case; a concurrent first message from the same address is retried.
 */
import type pg from 'pg';
import type { Identity } from '../core/message.js';

const FIND_OR_CREATE = `
  WITH ids AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(kind, address)),
  found AS (
    SELECT ci.contact_id AS id FROM channel_identity ci JOIN ids USING (kind, address)
    ORDER BY ci.id LIMIT 1
  ),
  created AS (
    INSERT INTO contact (name) SELECT $3 WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id
  ),
  owner AS (SELECT id FROM found UNION ALL SELECT id FROM created),
  linked AS (
    INSERT INTO channel_identity (contact_id, kind, address)
    SELECT owner.id, ids.kind, ids.address FROM owner, ids
    ON CONFLICT (kind, address) DO NOTHING
    RETURNING 1
  )
  SELECT id, EXISTS (SELECT 1 FROM created) AS is_new, (SELECT count(*) FROM linked)::int AS linked
  FROM owner`;

export async function resolveContact(
  db: pg.Pool | pg.PoolClient,
  identities: readonly Identity[],
  name: string | undefined,
): Promise<number | null> {
  if (identities.length === 0) return null;
  const kinds = identities.map((i) => i.kind);
  const addresses = identities.map((i) => i.address);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows } = await db.query<{ id: number; is_new: boolean; linked: number }>(FIND_OR_CREATE, [
      kinds,
      addresses,
      name ?? null,
    ]);
    const row = rows[0]!;
    // A new contact whose identities were taken meanwhile lost a race: use the winner's.
    if (!row.is_new || row.linked === identities.length) return row.id;
  }
  throw new Error('could not resolve contact after concurrent updates');
}
