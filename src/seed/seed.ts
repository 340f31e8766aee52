/**
 * Loads the Wuhua demo zone tree (src/seed/wuhua.ts) with a liaison for every zone.
 * Idempotent: zones are upserted by code and liaisons found by phone, so a second run
 * changes no row counts (it only rewrites the same values).
 */
import { normalizePhone } from '../core/contact-address.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { WUHUA, WUHUA_CENTRE, WUHUA_SUPERVISORY, type SeedLiaison } from './wuhua.js';
import { loadDemoEntries } from '../knowledge/demo-entries.js';

type Tx = Prisma.TransactionClient;
type Level = 'street' | 'community' | 'group';
interface SeedZone { code: string; name: string; aliases: string[]; liaison: SeedLiaison }

/**
 * Returns how many zones (the district root included) and distinct liaisons the seed covers, and how
 * many knowledge-base answers (upserted by slug; an answer an admin retired stays retired).
 */
export async function seedDemoDistrict(prisma: PrismaClient): Promise<{ zones: number; liaisons: number; knowledge: number }> {
  return prisma.$transaction(
    async (tx) => {
      const liaisonIds = new Set<number>();
      const liaisonFor = async (l: SeedLiaison) => {
        const id = await upsertLiaison(tx, l);
        liaisonIds.add(id);
        return id;
      };
      let zones = 0;
      const put = async (level: Level, parentId: number, z: SeedZone) => {
        const data = { name: z.name, level, parentId, aliases: z.aliases, liaisonId: await liaisonFor(z.liaison) };
        const { id } = await tx.zone.upsert({ where: { code: z.code }, create: { code: z.code, ...data }, update: data });
        zones++;
        return id;
      };

      // The root comes from the migration; a missing one is a broken database, not a seed job.
      const district = await tx.zone.update({
        where: { code: 'district' },
        data: { name: WUHUA_CENTRE.name, liaisonId: await liaisonFor(WUHUA_CENTRE.liaison) },
      });
      zones++;

      const { code, name, liaison } = WUHUA_SUPERVISORY;
      const body = { name, level: 'street' as const, parentId: district.id, aliases: [], supervisory: true, liaisonId: await liaisonFor(liaison) };
      await tx.zone.upsert({ where: { code }, create: { code, ...body }, update: body });
      zones++;

      for (const street of WUHUA) {
        const streetId = await put('street', district.id, street);
        for (const community of street.communities) {
          const communityId = await put('community', streetId, community);
          for (const group of community.groups) await put('group', communityId, group);
        }
      }
      return { zones, liaisons: liaisonIds.size, knowledge: await seedKnowledge(tx) };
    },
    // About 300 small statements in one transaction: more than the 5 s default allows on a slow link.
    { timeout: 60_000 },
  );
}

async function seedKnowledge(tx: Tx): Promise<number> {
  const entries = loadDemoEntries();
  for (const e of entries) {
    const data = {
      questions: e.questions,
      answerZh: e.answerZh,
      answerEn: e.answerEn,
      categoryCode: e.category,
      validUntil: e.validUntil ? new Date(`${e.validUntil}T00:00:00Z`) : null,
    };
    await tx.knowledgeEntry.upsert({ where: { slug: e.id }, create: { slug: e.id, author: 'seed', ...data }, update: data });
  }
  return entries.length;
}

/** The liaison with this phone (oldest first), brought up to date; created if there is none. */
async function upsertLiaison(tx: Tx, l: SeedLiaison): Promise<number> {
  // Stored in E.164 like residents' numbers, so alerts can be texted as they are.
  const phone = normalizePhone(l.phone) ?? l.phone;
  const data = { name: l.name, phone, ...(l.email ? { email: l.email } : {}) };
  // Earlier seeds stored the number as written.
  const existing = await tx.liaison.findFirst({ where: { phone: { in: [phone, l.phone] } }, orderBy: { id: 'asc' }, select: { id: true } });
  if (existing) {
    await tx.liaison.update({ where: { id: existing.id }, data });
    return existing.id;
  }
  const created = await tx.liaison.create({ data, select: { id: true } });
  return created.id;
}
