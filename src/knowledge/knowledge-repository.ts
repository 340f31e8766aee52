/**
 * The knowledge base's answers in PostgreSQL, for admins: list, find, add,
 * change, retire. An entry is never deleted, so cases answered with it still
 * name an entry that exists. Every change commits with its audit entry; the
 * matcher reads active entries through the catalog's snapshot.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { assignments } from '../store/update-set.js';
import type { KnowledgeEntryInfo } from '../catalog/catalog.js';

/** An entry as staff see it: what the matcher sees, and who wrote it when. */
export interface KnowledgeEntryRecord extends KnowledgeEntryInfo {
  author: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewKnowledgeEntry {
  slug: string;
  questions: string[];
  answerZh: string;
  answerEn: string;
  categoryCode?: string | null | undefined;
  zoneCodes: string[];
  validUntil?: string | null | undefined;
}

/** undefined: unchanged; null (category, validity): cleared. */
export interface KnowledgeEntryChange {
  questions?: string[] | undefined;
  answerZh?: string | undefined;
  answerEn?: string | undefined;
  categoryCode?: string | null | undefined;
  zoneCodes?: string[] | undefined;
  validUntil?: string | null | undefined;
  active?: boolean | undefined;
}

const RECORD = `
  SELECT id, slug, questions, answer_zh AS "answerZh", answer_en AS "answerEn", category_code AS "categoryCode",
         zone_codes AS "zoneCodes", author, created_at AS "createdAt", updated_at AS "updatedAt",
         to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", active`;

export async function listKnowledgeEntries(db: Queryable, filter: { active?: boolean } = {}): Promise<KnowledgeEntryRecord[]> {
  const { rows } = await db.query<KnowledgeEntryRecord>(`${RECORD} FROM knowledge_entry WHERE $1::boolean IS NULL OR active = $1 ORDER BY slug`, [
    filter.active ?? null,
  ]);
  return rows;
}

export async function findKnowledgeEntry(db: Queryable, id: number): Promise<KnowledgeEntryRecord | null> {
  const { rows } = await db.query<KnowledgeEntryRecord>(`${RECORD} FROM knowledge_entry WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Adds an entry written by `author`, audited with `detail`; null when its slug is taken. */
export async function createKnowledgeEntry(
  db: Queryable,
  e: NewKnowledgeEntry,
  author: string,
  actor: string,
  detail: Record<string, unknown>,
): Promise<KnowledgeEntryRecord | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<KnowledgeEntryRecord>(
      `WITH e AS (
         INSERT INTO knowledge_entry (slug, questions, answer_zh, answer_en, category_code, zone_codes, valid_until, author)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (slug) DO NOTHING RETURNING *
       )
       ${RECORD} FROM e`,
      [e.slug, e.questions, e.answerZh, e.answerEn, e.categoryCode ?? null, e.zoneCodes, e.validUntil ?? null, author],
    );
    if (!rows[0]) return null;
    await audited(tx, rows[0], actor, 'knowledge.create', detail);
    return rows[0];
  });
}

const CHANGEABLE = {
  questions: 'questions',
  answerZh: 'answer_zh',
  answerEn: 'answer_en',
  categoryCode: 'category_code',
  zoneCodes: 'zone_codes',
  validUntil: 'valid_until',
  active: 'active',
} as const;

/** Changes the entry, audited with `detail`; null when there is no such entry. */
export async function updateKnowledgeEntry(
  db: Queryable,
  id: number,
  change: KnowledgeEntryChange,
  actor: string,
  detail: Record<string, unknown>,
): Promise<KnowledgeEntryRecord | null> {
  const { set, values } = assignments(change, CHANGEABLE, 2);
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<KnowledgeEntryRecord>(
      `WITH e AS (UPDATE knowledge_entry SET ${[...set, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *) ${RECORD} FROM e`,
      [id, ...values],
    );
    if (!rows[0]) return null;
    await audited(tx, rows[0], actor, 'knowledge.update', detail);
    return rows[0];
  });
}

/** Retires the entry (kept, inactive); null when there is no such entry. */
export async function retireKnowledgeEntry(db: Queryable, id: number, actor: string): Promise<KnowledgeEntryRecord | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<KnowledgeEntryRecord>(
      `WITH e AS (UPDATE knowledge_entry SET active = false, updated_at = now() WHERE id = $1 RETURNING *) ${RECORD} FROM e`,
      [id],
    );
    if (!rows[0]) return null;
    await audited(tx, rows[0], actor, 'knowledge.retire');
    return rows[0];
  });
}

async function audited(tx: Queryable, e: KnowledgeEntryRecord, actor: string, action: string, detail?: Record<string, unknown>): Promise<void> {
  await audit(tx, { actor, action, subjectType: 'knowledge_entry', subjectId: String(e.id), ...(detail ? { detail } : {}) });
}
