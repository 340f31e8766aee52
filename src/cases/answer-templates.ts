/**
 * Answer templates (常用答复): canned texts staff pick in the console and edit
 * before sending. A body may hold the placeholders {caseNo}, {deadline},
 * {zone} and {category}, filled per case; a template with a category is
 * offered only for that category's cases, one without for every case.
 * Changes are audited with the change.
 */
import type pg from 'pg';
import { audit } from '../store/audit.js';
import { inTransaction, type Queryable } from '../store/db.js';

export const PLACEHOLDERS = ['caseNo', 'deadline', 'zone', 'category'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface AnswerTemplate {
  id: number;
  shortcode: string;
  title: string;
  body: string;
  categoryCode: string | null;
  active: boolean;
  updatedAt: Date;
}

export type TemplateInput = Pick<AnswerTemplate, 'shortcode' | 'title' | 'body' | 'categoryCode' | 'active'>;

const COLUMNS = `id, shortcode, title, body, category_code AS "categoryCode", active, updated_at AS "updatedAt"`;

/** The placeholders in a body that are not ours (e.g. a misspelt `{deadlne}`). */
export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

export function renderTemplate(body: string, values: Record<Placeholder, string>): string {
  return body.replace(/\{(caseNo|deadline|zone|category)\}/g, (_m, name: Placeholder) => values[name]);
}

export async function listTemplates(db: Queryable): Promise<AnswerTemplate[]> {
  return (await db.query<AnswerTemplate>(`SELECT ${COLUMNS} FROM answer_template ORDER BY shortcode`)).rows;
}

/** The active templates for a category's cases: the category's own first, then the general ones. */
export async function templatesForCategory(db: Queryable, categoryCode: string): Promise<AnswerTemplate[]> {
  const { rows } = await db.query<AnswerTemplate>(
    `SELECT ${COLUMNS} FROM answer_template WHERE active AND (category_code = $1 OR category_code IS NULL)
     ORDER BY category_code IS NULL, shortcode`,
    [categoryCode],
  );
  return rows;
}

/** `exists`: the shortcode is taken. */
export async function createTemplate(pool: pg.Pool, t: TemplateInput, actor: string): Promise<AnswerTemplate | 'exists'> {
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<AnswerTemplate>(
      `INSERT INTO answer_template (shortcode, title, body, category_code, active) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (shortcode) DO NOTHING RETURNING ${COLUMNS}`,
      [t.shortcode, t.title, t.body, t.categoryCode, t.active],
    );
    if (!rows[0]) return 'exists';
    await audit(tx, { actor, action: 'answer_template.create', subjectType: 'answer_template', subjectId: t.shortcode, detail: { ...t } });
    return rows[0];
  });
}

/** null: no such template; `exists`: the new shortcode is another template's. */
export async function updateTemplate(pool: pg.Pool, id: number, t: Partial<TemplateInput>, actor: string): Promise<AnswerTemplate | null | 'exists'> {
  return inTransaction(pool, async (tx) => {
    if (t.shortcode && (await tx.query('SELECT 1 FROM answer_template WHERE shortcode = $1 AND id <> $2', [t.shortcode, id])).rowCount) return 'exists';
    const { rows } = await tx.query<AnswerTemplate>(
      `UPDATE answer_template SET shortcode = coalesce($2, shortcode), title = coalesce($3, title), body = coalesce($4, body),
         category_code = CASE WHEN $5::boolean THEN $6 ELSE category_code END, active = coalesce($7, active), updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, t.shortcode ?? null, t.title ?? null, t.body ?? null, t.categoryCode !== undefined, t.categoryCode ?? null, t.active ?? null],
    );
    if (!rows[0]) return null;
    await audit(tx, { actor, action: 'answer_template.update', subjectType: 'answer_template', subjectId: rows[0].shortcode, detail: { ...t } });
    return rows[0];
  });
}

export async function deleteTemplate(pool: pg.Pool, id: number, actor: string): Promise<boolean> {
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ shortcode: string }>('DELETE FROM answer_template WHERE id = $1 RETURNING shortcode', [id]);
    if (!rows[0]) return false;
    await audit(tx, { actor, action: 'answer_template.delete', subjectType: 'answer_template', subjectId: rows[0].shortcode });
    return true;
  });
}
