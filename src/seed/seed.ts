/**
 * Loads the Wuhua demo zone tree (src/seed/wuhua.ts) with a liaison for every zone, and a few answer templates.
 * Idempotent: zones are upserted by code and liaisons found by phone, so a second run
 * changes no row counts (it only rewrites the same values). One transaction: a seed
 * that fails half way leaves nothing.
 */
import { normalizePhone } from '../core/contact-address.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { WUHUA, WUHUA_CENTRE, WUHUA_SUPERVISORY, type SeedLiaison } from './wuhua.js';
import { loadDemoEntries } from '../knowledge/demo-entries.js';
import { seedAnswerTemplates } from './answer-templates.js';

type Level = 'street' | 'community' | 'group';
interface SeedZone {
  code: string;
  name: string;
  aliases: string[];
  liaison: SeedLiaison;
}

/**
 * Returns how many zones (the district root included) and distinct liaisons the seed covers, and how
 * many knowledge-base answers (upserted by slug; an answer an admin retired stays retired).
 */
export async function seedDemoDistrict(db: Queryable): Promise<{ zones: number; liaisons: number; knowledge: number }> {
  return inTransaction(db, async (tx) => {
    const liaisonIds = new Set<number>();
    const liaisonFor = async (l: SeedLiaison) => {
      const id = await upsertLiaison(tx, l);
      liaisonIds.add(id);
      return id;
    };
    let zones = 0;
    const put = async (level: Level, parentId: number, z: SeedZone, supervisory = false) => {
      const id = await upsertZone(tx, { ...z, level, parentId, liaisonId: await liaisonFor(z.liaison), supervisory });
      zones++;
      return id;
    };

    // The root comes from the migration; a missing one is a broken database, not a seed job.
    const { rows } = await tx.query<{ id: number }>(`UPDATE zone SET name = $1, liaison_id = $2, updated_at = now() WHERE code = 'district' RETURNING id`, [
      WUHUA_CENTRE.name,
      await liaisonFor(WUHUA_CENTRE.liaison),
    ]);
    if (!rows[0]) throw new Error('the district zone is missing: the migrations have not run');
    const district = rows[0].id;
    zones++;

    await put('street', district, { ...WUHUA_SUPERVISORY, aliases: [] }, true);
    for (const street of WUHUA) {
      const streetId = await put('street', district, street);
      for (const community of street.communities) {
        const communityId = await put('community', streetId, community);
        for (const group of community.groups) await put('group', communityId, group);
      }
    }
    await seedAnswerTemplates(tx);
    return { zones, liaisons: liaisonIds.size, knowledge: await seedKnowledge(tx) };
  });
}

/** A seed zone as it was, brought up to date; `supervisory` is only ever switched on, never off. */
async function upsertZone(
  tx: Queryable,
  z: { code: string; name: string; level: Level; parentId: number; aliases: string[]; liaisonId: number; supervisory: boolean },
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO zone (code, name, level, parent_id, aliases, liaison_id, supervisory) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, aliases = excluded.aliases,
       liaison_id = excluded.liaison_id, supervisory = zone.supervisory OR excluded.supervisory, updated_at = now()
     RETURNING id`,
    [z.code, z.name, z.level, z.parentId, z.aliases, z.liaisonId, z.supervisory],
  );
  return rows[0]!.id;
}

/** Every shipped answer, in one statement; an entry's `active` (an admin may have retired it) is left alone. */
async function seedKnowledge(tx: Queryable): Promise<number> {
  const entries = loadDemoEntries();
  await tx.query(
    `INSERT INTO knowledge_entry (slug, questions, answer_zh, answer_en, category_code, valid_until, author)
     SELECT e.slug, array(SELECT jsonb_array_elements_text(e.questions)), e.answer_zh, e.answer_en, e.category_code, e.valid_until, 'seed'
     FROM jsonb_to_recordset($1::jsonb) AS e(slug text, questions jsonb, answer_zh text, answer_en text, category_code text, valid_until date)
     ON CONFLICT (slug) DO UPDATE SET questions = excluded.questions, answer_zh = excluded.answer_zh, answer_en = excluded.answer_en,
       category_code = excluded.category_code, valid_until = excluded.valid_until, updated_at = now()`,
    [
      JSON.stringify(
        entries.map((e) => ({
          slug: e.id,
          questions: e.questions,
          answer_zh: e.answerZh,
          answer_en: e.answerEn,
          category_code: e.category,
          valid_until: e.validUntil,
        })),
      ),
    ],
  );
  return entries.length;
}

/**
 * A demo liaison's public work number: a Kunming office line (0871-63xxxxxx) made from their private number,
 * so the demo's printed cards show a number that is plainly not the private one.
 */
function demoWorkPhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 6 ? `+8687163${digits.slice(-6)}` : null;
}

/** The liaison with this phone (oldest first), brought up to date; created if there is none. */
async function upsertLiaison(tx: Queryable, l: SeedLiaison): Promise<number> {
  // Stored in E.164 like residents' numbers, so alerts can be texted as they are; earlier seeds stored the number as written.
  const phone = normalizePhone(l.phone) ?? l.phone;
  const { rows } = await tx.query<{ id: number }>(
    `WITH existing AS (SELECT id FROM liaison WHERE phone = ANY($3::text[]) ORDER BY id LIMIT 1),
     updated AS (UPDATE liaison SET name = $1, phone = $2, email = coalesce($4, email), work_phone = coalesce(work_phone, $5)
                 WHERE id = (SELECT id FROM existing) RETURNING id),
     created AS (INSERT INTO liaison (name, phone, email, work_phone) SELECT $1, $2, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id)
     SELECT id FROM updated UNION ALL SELECT id FROM created`,
    [l.name, phone, [phone, l.phone], l.email ?? null, demoWorkPhone(phone)],
  );
  return rows[0]!.id;
}
