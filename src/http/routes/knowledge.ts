/**
 * The knowledge base of answers (现场答疑): supervisors read it, admins write
 * it. An entry is never deleted: DELETE retires it (active false), so cases
 * answered with it still name an entry that exists. Every change is audited
 * and reaches the matcher with the next catalog load.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import type { KnowledgeEntry as Row } from '../../generated/prisma/client.js';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lowercase letters, digits and dashes (2 to 80)');
const Questions = z.array(z.string().trim().min(2).max(300)).min(1, 'at least one question').max(50);
const Answer = z.string().trim().min(1).max(1000);
const ValidUntil = z.iso.date('a date, YYYY-MM-DD');

const Entry = z.object({
  id: z.number(),
  slug: z.string(),
  questions: z.array(z.string()),
  answerZh: z.string(),
  answerEn: z.string(),
  categoryCode: z.string().nullable(),
  zoneCodes: z.array(z.string()),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  validUntil: z.string().nullable(),
  active: z.boolean(),
});

const NewEntry = z.object({
  slug: Slug,
  questions: Questions,
  answerZh: Answer,
  answerEn: Answer,
  categoryCode: z.string().nullable().optional(),
  /** Empty or absent: the whole district; else these zones and everything below them. */
  zoneCodes: z.array(z.string()).max(100).default([]),
  validUntil: ValidUntil.nullable().optional(),
});

const EntryChange = z.object({
  questions: Questions.optional(),
  answerZh: Answer.optional(),
  answerEn: Answer.optional(),
  categoryCode: z.string().nullable().optional(),
  zoneCodes: z.array(z.string()).max(100).optional(),
  /** null: valid until retired. */
  validUntil: ValidUntil.nullable().optional(),
  active: z.boolean().optional(),
});

const Id = z.object({ id: z.coerce.number().int().positive() });

function present(e: Row): z.infer<typeof Entry> {
  return {
    id: e.id,
    slug: e.slug,
    questions: e.questions,
    answerZh: e.answerZh,
    answerEn: e.answerEn,
    categoryCode: e.categoryCode,
    zoneCodes: e.zoneCodes,
    author: e.author,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    validUntil: e.validUntil ? e.validUntil.toISOString().slice(0, 10) : null,
    active: e.active,
  };
}

const asDate = (d: string | null | undefined) => (d == null ? d : new Date(`${d}T00:00:00Z`));

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma, pool } = app.deps.db;
  const { catalog } = app.deps;
  const security = [{ bearer: [] }];

  /** Category and zones must exist (the columns carry no foreign key, so a retired zone does not break an entry). */
  async function check(body: { categoryCode?: string | null; zoneCodes?: string[] }): Promise<void> {
    const snapshot = await catalog.get();
    if (body.categoryCode != null && !snapshot.categoriesByCode.has(body.categoryCode)) {
      throw new InputError('categoryCode', `unknown category ${body.categoryCode}`);
    }
    const unknown = body.zoneCodes?.filter((c) => !snapshot.zonesByCode.has(c)) ?? [];
    if (unknown.length) throw new InputError('zoneCodes', `unknown zone ${unknown.join(', ')}`);
  }

  async function find(id: number): Promise<Row> {
    const entry = await prisma.knowledgeEntry.findUnique({ where: { id } });
    if (!entry) throw new InputError('id', `unknown knowledge entry ${id}`, 404, 'not_found');
    return entry;
  }

  app.get(
    '/api/v1/knowledge',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The answers given on the spot',
        tags: ['knowledge'],
        security,
        querystring: z.object({ active: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(Entry) }) },
      },
    },
    async (req) => {
      const where = req.query.active ? { active: req.query.active === 'true' } : {};
      return { items: (await prisma.knowledgeEntry.findMany({ where, orderBy: { slug: 'asc' } })).map(present) };
    },
  );

  app.get(
    '/api/v1/knowledge/:id',
    { preHandler: app.requireRole('supervisor'), schema: { summary: 'One answer', tags: ['knowledge'], security, params: Id, response: { 200: Entry } } },
    async (req) => present(await find(req.params.id)),
  );

  app.post(
    '/api/v1/knowledge',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Add an answer', tags: ['knowledge'], security, body: NewEntry, response: { 201: Entry } } },
    async (req, reply) => {
      const body = req.body;
      await check(body);
      if (await prisma.knowledgeEntry.findUnique({ where: { slug: body.slug } })) throw new InputError('slug', `entry ${body.slug} exists already`, 409, 'conflict');
      const entry = await prisma.knowledgeEntry.create({
        data: {
          slug: body.slug,
          questions: body.questions,
          answerZh: body.answerZh,
          answerEn: body.answerEn,
          categoryCode: body.categoryCode ?? null,
          zoneCodes: body.zoneCodes,
          validUntil: asDate(body.validUntil) ?? null,
          author: req.staff!.name,
        },
      });
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'knowledge.create', subjectType: 'knowledge_entry', subjectId: String(entry.id), detail: { ...body } });
      catalog.invalidate();
      return reply.code(201).send(present(entry));
    },
  );

  app.patch(
    '/api/v1/knowledge/:id',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Change an answer', tags: ['knowledge'], security, params: Id, body: EntryChange, response: { 200: Entry } } },
    async (req) => {
      await find(req.params.id);
      const body = req.body;
      await check(body);
      const { validUntil, ...rest } = body;
      const entry = await prisma.knowledgeEntry.update({
        where: { id: req.params.id },
        data: { ...rest, ...(validUntil !== undefined ? { validUntil: asDate(validUntil) } : {}) },
      });
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'knowledge.update', subjectType: 'knowledge_entry', subjectId: String(entry.id), detail: { ...body } });
      catalog.invalidate();
      return present(entry);
    },
  );

  app.delete(
    '/api/v1/knowledge/:id',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Retire an answer (it is kept, inactive)', tags: ['knowledge'], security, params: Id, response: { 200: Entry } } },
    async (req) => {
      await find(req.params.id);
      const entry = await prisma.knowledgeEntry.update({ where: { id: req.params.id }, data: { active: false } });
      await audit(pool, { actor: `user:${req.staff!.id}`, action: 'knowledge.retire', subjectType: 'knowledge_entry', subjectId: String(entry.id) });
      catalog.invalidate();
      return present(entry);
    },
  );
};
