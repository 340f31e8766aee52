/**
 * The knowledge base of answers (现场答疑): supervisors read it, admins write
 * it. An entry is never deleted: DELETE retires it (active false), so cases
 * answered with it still name an entry that exists. Every change is audited
 * and reaches the matcher with the next catalog load.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import {
  createKnowledgeEntry,
  findKnowledgeEntry,
  listKnowledgeEntries,
  retireKnowledgeEntry,
  updateKnowledgeEntry,
  type KnowledgeEntryRecord,
} from '../../knowledge/knowledge-repository.js';

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

function present(e: KnowledgeEntryRecord): z.infer<typeof Entry> {
  return { ...e, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString() };
}

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
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

  const notFound = (id: number) => new InputError('id', `unknown knowledge entry ${id}`, 404, 'not_found');

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
      const filter = req.query.active ? { active: req.query.active === 'true' } : {};
      return { items: (await listKnowledgeEntries(pool, filter)).map(present) };
    },
  );

  app.get(
    '/api/v1/knowledge/:id',
    { preHandler: app.requireRole('supervisor'), schema: { summary: 'One answer', tags: ['knowledge'], security, params: Id, response: { 200: Entry } } },
    async (req) => {
      const entry = await findKnowledgeEntry(pool, req.params.id);
      if (!entry) throw notFound(req.params.id);
      return present(entry);
    },
  );

  app.post(
    '/api/v1/knowledge',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Add an answer', tags: ['knowledge'], security, body: NewEntry, response: { 201: Entry } } },
    async (req, reply) => {
      const body = req.body;
      await check(body);
      const entry = await createKnowledgeEntry(pool, body, req.staff!.name, `user:${req.staff!.id}`, { ...body });
      if (!entry) throw new InputError('slug', `entry ${body.slug} exists already`, 409, 'conflict');
      catalog.invalidate();
      return reply.code(201).send(present(entry));
    },
  );

  app.patch(
    '/api/v1/knowledge/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Change an answer', tags: ['knowledge'], security, params: Id, body: EntryChange, response: { 200: Entry } },
    },
    async (req) => {
      if (!(await findKnowledgeEntry(pool, req.params.id))) throw notFound(req.params.id);
      const body = req.body;
      await check(body);
      const entry = await updateKnowledgeEntry(pool, req.params.id, body, `user:${req.staff!.id}`, { ...body });
      if (!entry) throw notFound(req.params.id);
      catalog.invalidate();
      return present(entry);
    },
  );

  app.delete(
    '/api/v1/knowledge/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Retire an answer (it is kept, inactive)', tags: ['knowledge'], security, params: Id, response: { 200: Entry } },
    },
    async (req) => {
      const entry = await retireKnowledgeEntry(pool, req.params.id, `user:${req.staff!.id}`);
      if (!entry) throw notFound(req.params.id);
      catalog.invalidate();
      return present(entry);
    },
  );
};
