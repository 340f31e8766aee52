/**
 * Find or create the residents behind a batch of messages, so one person
 * writing from a phone and an email is one contact. Two statements per batch:
 * look every address up, then create the missing contacts and link new
 * addresses. Senders in one batch that share an address become one contact.
 */
import type pg from 'pg';
import type { Identity } from '../core/message.js';

export interface Sender {
  identities: readonly Identity[];
  name?: string;
}

const FIND = `
  SELECT ci.kind, ci.address, ci.contact_id FROM channel_identity ci
  WHERE (ci.kind, ci.address) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;

/** Creates `$1` contacts (names `$2`) and links addresses to a known contact or to new contact number `g`. */
const CREATE_AND_LINK = `
  WITH ids AS (
    SELECT nextval(pg_get_serial_sequence('contact', 'id'))::int AS id, g FROM generate_series(1, $1::int) AS g
  ),
  made AS (INSERT INTO contact (id, name) SELECT ids.id, ($2::text[])[ids.g] FROM ids),
  links AS (
    INSERT INTO channel_identity (contact_id, kind, address)
    SELECT coalesce(t.contact_id, ids.id), t.kind, t.address
    FROM unnest($3::int[], $4::int[], $5::text[], $6::text[]) AS t(contact_id, g, kind, address)
    LEFT JOIN ids ON ids.g = t.g
    ON CONFLICT (kind, address) DO NOTHING
    RETURNING kind, address
  )
  SELECT coalesce((SELECT array_agg(id ORDER BY g) FROM ids), '{}') AS new_ids,
         coalesce((SELECT array_agg(kind || ':' || address) FROM links), '{}') AS linked`;

const keyOf = (i: Identity) => `${i.kind}:${i.address}`;

/** One contact id per sender (null for a sender with no address), in order. */
export async function resolveContacts(db: pg.Pool, senders: readonly Sender[]): Promise<(number | null)[]> {
  for (let attempt = 0; ; attempt++) {
    const result = await resolveOnce(db, senders);
    if (result) return result;
    // Another worker linked one of these addresses meanwhile: look again, it now exists.
    if (attempt === 2) throw new Error('could not resolve contacts after concurrent updates');
  }
}

async function resolveOnce(db: pg.Pool, senders: readonly Sender[]): Promise<(number | null)[] | null> {
  const all = [...new Map(senders.flatMap((s) => s.identities.map((i) => [keyOf(i), i] as const))).values()];
  if (all.length === 0) return senders.map(() => null);
  const { rows } = await db.query<{ kind: string; address: string; contact_id: number }>(FIND, [all.map((i) => i.kind), all.map((i) => i.address)]);
  const known = new Map(rows.map((r) => [`${r.kind}:${r.address}`, r.contact_id]));

  // Senders nobody knows yet: those sharing an address share one new contact.
  const groups = new GroupByShared();
  const contactOf = senders.map((s) => s.identities.map((i) => known.get(keyOf(i))).find((id) => id !== undefined) ?? null);
  senders.forEach((s, n) => {
    if (contactOf[n] === null && s.identities.length > 0) groups.add(n, s.identities.map(keyOf));
  });
  const groupOf = groups.numbered(); // sender index → 1-based group number
  const links = senders.flatMap((s, n) =>
    s.identities.filter((i) => !known.has(keyOf(i))).map((i) => ({ contactId: contactOf[n], group: groupOf.get(n) ?? null, identity: i })),
  );
  const unique = [...new Map(links.map((l) => [keyOf(l.identity), l])).values()];
  if (unique.length === 0) return contactOf;

  const groupCount = Math.max(0, ...groupOf.values());
  const names = Array.from({ length: groupCount }, (_, g) => senders.find((_, n) => groupOf.get(n) === g + 1 && senders[n]!.name)?.name ?? null);
  const created = await db.query<{ new_ids: number[]; linked: string[] }>(CREATE_AND_LINK, [
    groupCount,
    names,
    unique.map((l) => l.contactId),
    unique.map((l) => l.group),
    unique.map((l) => l.identity.kind),
    unique.map((l) => l.identity.address),
  ]);
  const { new_ids: newIds, linked } = created.rows[0]!;
  const linkedSet = new Set(linked);
  // A new contact none of whose addresses could be linked lost a race; retry the batch.
  for (let g = 1; g <= groupCount; g++) {
    const mine = unique.filter((l) => l.group === g);
    if (!mine.some((l) => linkedSet.has(keyOf(l.identity)))) return null;
  }
  return senders.map((_, n) => contactOf[n] ?? (groupOf.has(n) ? newIds[groupOf.get(n)! - 1]! : null));
}

/** Union-find over senders by the addresses they share. */
class GroupByShared {
  private readonly parent = new Map<number, number>();
  private readonly ownerOfKey = new Map<string, number>();

  add(sender: number, keys: string[]): void {
    this.parent.set(sender, sender);
    for (const key of keys) {
      const other = this.ownerOfKey.get(key);
      if (other === undefined) this.ownerOfKey.set(key, sender);
      else this.parent.set(this.root(sender), this.root(other));
    }
  }

  numbered(): Map<number, number> {
    const numberOfRoot = new Map<number, number>();
    const result = new Map<number, number>();
    for (const sender of this.parent.keys()) {
      const root = this.root(sender);
      if (!numberOfRoot.has(root)) numberOfRoot.set(root, numberOfRoot.size + 1);
      result.set(sender, numberOfRoot.get(root)!);
    }
    return result;
  }

  private root(n: number): number {
    let r = n;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    return r;
  }
}
