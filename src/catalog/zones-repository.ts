/**
 * The zone tree in PostgreSQL, for admins: list, find, create, change. Every
 * change commits with its audit entry. Where a zone may sit (its parent's
 * level) and whether its liaison exists is checked by the caller; the hot
 * path reads zones through the catalog's snapshot, not from here.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { assignments } from '../store/update-set.js';
import type { ZoneLevel } from './catalog.js';
import type { Boundary } from './geo.js';

export interface ZoneRecord {
  id: number;
  code: string;
  name: string;
  level: ZoneLevel;
  parentCode: string | null;
  aliases: string[];
  phoneNumbers: string[];
  emailAddresses: string[];
  boundary: Boundary | null;
  liaison: { id: number; name: string } | null;
  active: boolean;
  supervisory: boolean;
}

export interface NewZone {
  code: string;
  name: string;
  level: ZoneLevel;
  parentId: number | null;
  aliases: string[];
  phoneNumbers: string[];
  emailAddresses: string[];
  boundary?: Boundary | undefined;
  liaisonId?: number | undefined;
  supervisory: boolean;
}

/** undefined: unchanged; null (boundary, liaison): removed. */
export interface ZoneChange {
  name?: string | undefined;
  /** null: no parent (the district). */
  parentId?: number | null | undefined;
  aliases?: string[] | undefined;
  phoneNumbers?: string[] | undefined;
  emailAddresses?: string[] | undefined;
  boundary?: Boundary | null | undefined;
  liaisonId?: number | null | undefined;
  active?: boolean | undefined;
  supervisory?: boolean | undefined;
}

/** A zone row `z` with its parent's code and its liaison, as ZoneRecord. */
const RECORD = `
  SELECT z.id, z.code, z.name, z.level, p.code AS "parentCode", z.aliases, z.phone_numbers AS "phoneNumbers",
         z.email_addresses AS "emailAddresses", z.boundary, z.active, z.supervisory,
         CASE WHEN l.id IS NULL THEN NULL ELSE jsonb_build_object('id', l.id, 'name', l.name) END AS liaison`;
const RELATED = `LEFT JOIN zone p ON p.id = z.parent_id LEFT JOIN liaison l ON l.id = z.liaison_id`;

export async function listZones(db: Queryable): Promise<ZoneRecord[]> {
  return (await db.query<ZoneRecord>(`${RECORD} FROM zone z ${RELATED} ORDER BY z.code`)).rows;
}

export async function findZone(db: Queryable, code: string): Promise<ZoneRecord | null> {
  const { rows } = await db.query<ZoneRecord>(`${RECORD} FROM zone z ${RELATED} WHERE z.code = $1`, [code]);
  return rows[0] ?? null;
}

/** Creates the zone, audited with `detail`; null when its code is taken. */
export async function createZone(db: Queryable, zone: NewZone, actor: string, detail: Record<string, unknown>): Promise<ZoneRecord | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<ZoneRecord>(
      `WITH z AS (
         INSERT INTO zone (code, name, level, parent_id, aliases, phone_numbers, email_addresses, boundary, liaison_id, supervisory)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (code) DO NOTHING RETURNING *
       )
       ${RECORD} FROM z ${RELATED}`,
      [
        zone.code,
        zone.name,
        zone.level,
        zone.parentId,
        zone.aliases,
        zone.phoneNumbers,
        zone.emailAddresses,
        zone.boundary ? JSON.stringify(zone.boundary) : null,
        zone.liaisonId ?? null,
        zone.supervisory,
      ],
    );
    if (!rows[0]) return null;
    await audit(tx, { actor, action: 'zone.create', subjectType: 'zone', subjectId: zone.code, detail });
    return rows[0];
  });
}

const CHANGEABLE = {
  name: 'name',
  parentId: 'parent_id',
  aliases: 'aliases',
  phoneNumbers: 'phone_numbers',
  emailAddresses: 'email_addresses',
  boundary: 'boundary',
  liaisonId: 'liaison_id',
  active: 'active',
  supervisory: 'supervisory',
} as const;

/** Changes the zone, audited with `detail`; null when there is no such zone. */
export async function updateZone(db: Queryable, code: string, change: ZoneChange, actor: string, detail: Record<string, unknown>): Promise<ZoneRecord | null> {
  const boundary = change.boundary === undefined || change.boundary === null ? change.boundary : JSON.stringify(change.boundary);
  const { set, values } = assignments({ ...change, boundary }, CHANGEABLE, 2);
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<ZoneRecord>(
      `WITH z AS (UPDATE zone SET ${[...set, 'updated_at = now()'].join(', ')} WHERE code = $1 RETURNING *)
       ${RECORD} FROM z ${RELATED}`,
      [code, ...values],
    );
    if (!rows[0]) return null;
    await audit(tx, { actor, action: 'zone.update', subjectType: 'zone', subjectId: code, detail });
    return rows[0];
  });
}

/** The codes of the zone and everything below it (a zone may not move under any of them). */
export async function subtreeCodes(db: Queryable, code: string): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>(
    `WITH RECURSIVE sub AS (SELECT id, code FROM zone WHERE code = $1
       UNION ALL SELECT z.id, z.code FROM zone z JOIN sub ON z.parent_id = sub.id)
     SELECT code FROM sub`,
    [code],
  );
  return rows.map((r) => r.code);
}

/** What keeps a zone from retiring: its active children's codes and how many of its cases are open. */
export async function retireBlockers(db: Queryable, zoneId: number): Promise<{ activeChildren: string[]; openCases: number }> {
  const { rows } = await db.query<{ activeChildren: string[]; openCases: number }>(
    `SELECT coalesce((SELECT array_agg(code ORDER BY code) FROM zone WHERE parent_id = $1 AND active), '{}') AS "activeChildren",
            (SELECT count(*)::int FROM "case" WHERE zone_id = $1 AND status NOT IN ('answered', 'closed')) AS "openCases"`,
    [zoneId],
  );
  return rows[0]!;
}
