/**
 * Admins ask the router what it would do with a message, and why, without
 * anything being created; and read the categories it chooses from.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RequestKind } from '../../core/request-kind.js';
import { ChannelName } from '../../core/message.js';
import { InputError } from '../../core/errors.js';
import { normalizePhone } from '../../core/contact-address.js';
import { route } from '../../router/route.js';
import { createCategory, updateCategory } from '../../catalog/categories-repository.js';
import { FALLBACK_CATEGORY } from '../../router/classifier.js';
import { knowledgeAnswer, localDate } from '../../knowledge/on-the-spot.js';
import { calendarOf } from '../../catalog/calendar-of.js';
import { officeHoursOf } from '../../catalog/calendar.js';
import { DeadlineHours } from '../../catalog/rule.js';

const Simulate = z.object({
  text: z.string().trim().min(1).max(5000),
  channel: ChannelName.optional(),
  from: z.string().optional(),
  zoneCode: z.string().optional(),
  calledNumber: z.string().optional(),
  /** A location the resident shared. */
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
});

const Category = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  deadlineHours: z.number(),
  keywords: z.array(z.string()),
  active: z.boolean(),
});

const Keywords = z.array(z.string().trim().min(1).max(50)).max(500);
const CategoryChange = z.object({
  nameZh: z.string().trim().min(1).max(50).optional(),
  nameEn: z.string().trim().min(1).max(100).optional(),
  /** 办理时限 in hours: from one hour to ninety days. */
  deadlineHours: DeadlineHours.optional(),
  keywords: Keywords.optional(),
  /** false retires the category: no new case gets it, old cases keep it. */
  active: z.boolean().optional(),
});
const NewCategory = CategoryChange.required({ nameZh: true, nameEn: true, deadlineHours: true }).extend({
  code: z.string().regex(/^[a-z][a-z_]{1,39}$/, 'lowercase letters and underscores'),
});

export const routerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalog, classifier, config } = app.deps;

  app.post(
    '/api/v1/router/simulate',
    {
      preHandler: app.requireRole('supervisor'),
      config: { readOnly: true },
      schema: {
        summary: 'Where a message would go, and why (nothing is created)',
        tags: ['router'],
        security: [{ bearer: [] }],
        body: Simulate,
        response: {
          200: z.object({
            category: z.string(),
            confidence: z.number(),
            kind: RequestKind,
            kindConfidence: z.number(),
            triage: z.boolean(),
            urgent: z.boolean(),
            call: z.array(z.string()),
            confidential: z.boolean(),
            zone: z.object({ code: z.string(), name: z.string(), level: z.string() }),
            liaisonId: z.number().nullable(),
            matchedRules: z.array(z.unknown()),
            evidence: z.object({ zone: z.unknown(), category: z.unknown(), rules: z.unknown().optional(), officials: z.unknown().optional() }),
            /** The knowledge base's best answer for a consultation, its score, and whether it clears KNOWLEDGE_MIN_SCORE. */
            knowledge: z
              .object({
                answered: z.boolean(),
                entryId: z.number(),
                slug: z.string(),
                score: z.number(),
                question: z.string(),
                minScore: z.number(),
                answer: z.string(),
              })
              .nullable(),
          }),
        },
      },
    },
    async (req) => {
      const body = req.body;
      const snapshot = await catalog.get();
      if (body.zoneCode && !snapshot.zonesByCode.has(body.zoneCode)) throw new InputError('zoneCode', `unknown zone ${body.zoneCode}`);
      const calledNumber = body.calledNumber ? (normalizePhone(body.calledNumber) ?? body.calledNumber) : undefined;
      const from = body.from ? (normalizePhone(body.from) ?? body.from.trim().toLowerCase()) : undefined;
      const decision = route(
        {
          text: body.text,
          channel: body.channel ?? 'web',
          hints: {
            ...(body.zoneCode ? { zoneCode: body.zoneCode } : {}),
            ...(calledNumber ? { calledNumber } : {}),
            ...(body.location ? { location: body.location } : {}),
          },
          sender: { identities: from ? [{ kind: 'phone', address: from }] : [] },
        },
        snapshot,
        classifier,
        config.TRIAGE_ZONE_CODE,
        {
          inOfficeHours: calendarOf(snapshot, officeHoursOf(config)).isOpen(new Date()),
          supervisoryZoneCode: config.SUPERVISORY_ZONE_CODE,
        },
      );
      const { classification } = decision;
      const known = knowledgeAnswer(decision, body.text, snapshot, {
        today: localDate(new Date(), config.OFFICE_TIME_ZONE),
        minScore: config.KNOWLEDGE_MIN_SCORE,
      });
      return {
        category: decision.category.code,
        confidence: classification.confidence,
        kind: classification.kind,
        kindConfidence: classification.kindConfidence,
        triage: classification.triage,
        urgent: decision.urgent,
        call: classification.call,
        confidential: decision.confidential,
        zone: { code: decision.zone.code, name: decision.zone.name, level: decision.zone.level },
        liaisonId: decision.liaisonId,
        matchedRules: decision.evidence.rules?.matched ?? [],
        evidence: decision.evidence,
        knowledge: known && { ...known.evidence, answer: known.answerZh },
      };
    },
  );

  app.get(
    '/api/v1/categories',
    {
      preHandler: app.requireRole('supervisor', 'dispatcher', 'liaison'),
      schema: {
        summary: 'The categories and their handling deadlines',
        tags: ['router'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(Category) }) },
      },
    },
    async () => ({ items: (await catalog.get()).categories }),
  );

  const { pool } = app.deps.db;

  app.post(
    '/api/v1/categories',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Add a category', tags: ['router'], security: [{ bearer: [] }], body: NewCategory, response: { 201: Category } },
    },
    async (req, reply) => {
      const c = req.body;
      const category = await createCategory(pool, c, `user:${req.staff!.id}`);
      if (!category) throw new InputError('code', `category ${c.code} exists already`, 409, 'conflict');
      catalog.invalidate();
      return reply.code(201).send(category);
    },
  );

  app.patch(
    '/api/v1/categories/:code',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Rename, retire, or change the deadline or keywords of a category',
        tags: ['router'],
        security: [{ bearer: [] }],
        params: z.object({ code: z.string() }),
        body: CategoryChange,
        response: { 200: Category },
      },
    },
    async (req) => {
      const c = req.body;
      if (req.params.code === FALLBACK_CATEGORY && c.active === false) {
        throw new InputError('active', `${FALLBACK_CATEGORY} is where unsure cases go; it cannot be retired`);
      }
      const category = await updateCategory(pool, req.params.code, c, `user:${req.staff!.id}`);
      if (!category) throw new InputError('code', `unknown category ${req.params.code}`, 404, 'not_found');
      catalog.invalidate();
      return category;
    },
  );
};
