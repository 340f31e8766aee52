/**
 * The categories cases are filed under, for admins: add one, change one.
 * Every change commits with its audit entry; the router reads categories
 * through the catalog's snapshot.
 */
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';
import type { CategoryInfo } from './catalog.js';

export interface NewCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  deadlineHours: number;
  keywords?: string[] | undefined;
  active?: boolean | undefined;
}

/** undefined: unchanged. */
export type CategoryChange = Partial<Omit<NewCategory, 'code'>>;

const RECORD = `code, name_zh AS "nameZh", name_en AS "nameEn", deadline_hours AS "deadlineHours", keywords, active`;

/** Adds the category last in the list, audited; null when its code is taken. */
export async function createCategory(db: Queryable, c: NewCategory, actor: string): Promise<CategoryInfo | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<CategoryInfo>(
      `INSERT INTO category (code, name_zh, name_en, deadline_hours, keywords, active, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(sort_order), 0) + 1 FROM category))
       ON CONFLICT (code) DO NOTHING
       RETURNING ${RECORD}`,
      [c.code, c.nameZh, c.nameEn, c.deadlineHours, c.keywords ?? [], c.active ?? true],
    );
    if (!rows[0]) return null;
    await audit(tx, { actor, action: 'category.create', subjectType: 'category', subjectId: c.code, detail: { ...c } });
    return rows[0];
  });
}

/** Changes the category, audited; null when there is no such category. */
export async function updateCategory(db: Queryable, code: string, c: CategoryChange, actor: string): Promise<CategoryInfo | null> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query<CategoryInfo>(
      `UPDATE category SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en),
              deadline_hours = coalesce($4, deadline_hours), keywords = coalesce($5, keywords), active = coalesce($6, active)
       WHERE code = $1
       RETURNING ${RECORD}`,
      [code, c.nameZh ?? null, c.nameEn ?? null, c.deadlineHours ?? null, c.keywords ?? null, c.active ?? null],
    );
    if (!rows[0]) return null;
    await audit(tx, { actor, action: 'category.update', subjectType: 'category', subjectId: code, detail: { ...c } });
    return rows[0];
  });
}
