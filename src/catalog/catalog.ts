/**
 * The office's reference data that admins configure (zones, categories,
 * routing rules, the business calendar, liaisons' names, the knowledge base),
 * read through a short-lived cache: the hot path looks
 * them up for every message, admins change them rarely, and a change is
 * visible to every worker within `ttlMs`.
 */
import type pg from 'pg';
import type { Rule } from './rule.js';
import type { Boundary } from './geo.js';
import type { CalendarException } from './calendar.js';

/** An entry as the matcher and the intake see it. */
export interface KnowledgeEntryInfo {
  id: number;
  slug: string;
  questions: string[];
  answerZh: string;
  answerEn: string;
  categoryCode: string | null;
  /** Empty: the whole district; else these zones and everything below them. */
  zoneCodes: string[];
  /** The last day it holds, YYYY-MM-DD in the office time zone; null: until retired. */
  validUntil: string | null;
  active: boolean;
}

export type ZoneLevel = 'district' | 'street' | 'community' | 'group';

export interface ZoneInfo {
  id: number;
  code: string;
  name: string;
  level: ZoneLevel;
  parentId: number | null;
  liaisonId: number | null;
  aliases: string[];
  phoneNumbers: string[];
  /** Where polygons are configured: a shared location inside it belongs to this zone. */
  boundary: Boundary | null;
  /** The zone's own mailbox addresses (lower case). */
  emailAddresses: string[];
  active: boolean;
  /** A supervisory body, not a place (complaints about officials go there). */
  supervisory: boolean;
}

/** A liaison as the router knows them: to keep complaints from the people they name. */
export interface LiaisonInfo {
  id: number;
  name: string;
}

export interface CategoryInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  deadlineHours: number;
  keywords: string[];
  active: boolean;
}

export interface CatalogSnapshot {
  zonesByCode: Map<string, ZoneInfo>;
  zonesById: Map<number, ZoneInfo>;
  /** A zone's own hotline numbers. */
  zonesByPhone: Map<string, ZoneInfo>;
  /** A zone's own mailbox addresses. */
  zonesByEmail: Map<string, ZoneInfo>;
  categories: CategoryInfo[];
  categoriesByCode: Map<string, CategoryInfo>;
  /** Active routing rules, in the order they apply. */
  rules: Rule[];
  /** The business calendar's holidays and make-up working days. */
  calendar: CalendarException[];
  /** Active liaisons. */
  liaisons: LiaisonInfo[];
  /** Active knowledge-base entries (现场答疑); the matcher indexes this list once. */
  knowledge: KnowledgeEntryInfo[];
}

/** The lookups the router needs, over lists of zones, categories and rules. */
export function buildSnapshot(
  zones: ZoneInfo[],
  categories: CategoryInfo[],
  rules: Rule[] = [],
  calendar: CalendarException[] = [],
  liaisons: LiaisonInfo[] = [],
  knowledge: KnowledgeEntryInfo[] = [],
): CatalogSnapshot {
  return {
    zonesByCode: new Map(zones.map((z) => [z.code, z])),
    zonesById: new Map(zones.map((z) => [z.id, z])),
    zonesByPhone: new Map(zones.flatMap((z) => z.phoneNumbers.map((n) => [n, z] as const))),
    zonesByEmail: new Map(zones.flatMap((z) => (z.emailAddresses ?? []).map((a) => [a.toLowerCase(), z] as const))),
    categories,
    categoriesByCode: new Map(categories.map((c) => [c.code, c])),
    rules,
    calendar,
    liaisons,
    knowledge,
  };
}

export class Catalog {
  private snapshot: CatalogSnapshot | null = null;
  private loadedAt = 0;
  private loading: Promise<CatalogSnapshot> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs = 5_000,
  ) {}

  async get(): Promise<CatalogSnapshot> {
    if (this.snapshot && Date.now() - this.loadedAt < this.ttlMs) return this.snapshot;
    // One load at a time, however many messages ask at once.
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Forget the cached copy (after an admin change in this process). */
  invalidate(): void {
    this.snapshot = null;
  }

  private async load(): Promise<CatalogSnapshot> {
    const [zones, categories, rules, calendar, liaisons, knowledge] = await Promise.all([
      this.pool.query<ZoneInfo>(
        `SELECT id, code, name, level, parent_id AS "parentId", liaison_id AS "liaisonId", aliases,
                phone_numbers AS "phoneNumbers", email_addresses AS "emailAddresses", boundary, active, supervisory FROM zone`,
      ),
      this.pool.query<CategoryInfo>(
        `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", deadline_hours AS "deadlineHours", keywords, active
         FROM category ORDER BY sort_order, code`,
      ),
      this.pool.query<Rule>(
        `SELECT id, name, priority, version, conditions, action FROM routing_rule
         WHERE active AND NOT deleted ORDER BY priority, id`,
      ),
      this.pool.query<CalendarException>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, workday, name FROM calendar_day ORDER BY date`),
      this.pool.query<LiaisonInfo>('SELECT id, name FROM liaison WHERE active ORDER BY id'),
      this.pool.query<KnowledgeEntryInfo>(
        `SELECT id, slug, questions, answer_zh AS "answerZh", answer_en AS "answerEn", category_code AS "categoryCode",
                zone_codes AS "zoneCodes", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", active
         FROM knowledge_entry WHERE active ORDER BY id`,
      ),
    ]);
    const snapshot = buildSnapshot(zones.rows, categories.rows, rules.rows, calendar.rows, liaisons.rows, knowledge.rows);
    this.snapshot = snapshot;
    this.loadedAt = Date.now();
    return snapshot;
  }
}
