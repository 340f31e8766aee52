/**
 * Admins ask the router what it would do with a message, and why, without
 * anything being created; and read the categories it chooses from.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { normalizePhone } from '../../core/contact-address.js';
import { resolveZone } from '../../router/zone-resolver.js';

const Simulate = z.object({
  text: z.string().trim().min(1).max(5000),
  channel: z.string().optional(),
  from: z.string().optional(),
  zoneCode: z.string().optional(),
  calledNumber: z.string().optional(),
});

const Category = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), deadlineHours: z.number(), keywords: z.array(z.string()), active: z.boolean() });

export const routerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalog, classifier, config } = app.deps;

  app.post(
    '/api/v1/router/simulate',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'Where a message would go, and why (nothing is created)',
        tags: ['router'],
        security: [{ bearer: [] }],
        body: Simulate,
        response: {
          200: z.object({
            category: z.string(),
            confidence: z.number(),
            triage: z.boolean(),
            urgent: z.boolean(),
            call: z.array(z.string()),
            zone: z.object({ code: z.string(), name: z.string(), level: z.string() }),
            matchedRules: z.array(z.unknown()),
            evidence: z.object({ zone: z.unknown(), category: z.unknown() }),
          }),
        },
      },
    },
    async (req) => {
      const body = req.body;
      const snapshot = await catalog.get();
      if (body.zoneCode && !snapshot.zonesByCode.has(body.zoneCode)) throw new InputError('zoneCode', `unknown zone ${body.zoneCode}`);
      const classification = classifier.classify(body.text, snapshot.categories);
      const calledNumber = body.calledNumber ? (normalizePhone(body.calledNumber) ?? body.calledNumber) : undefined;
      const route = resolveZone({ zoneCode: body.zoneCode, calledNumber }, snapshot, config.TRIAGE_ZONE_CODE, body.text);
      return {
        category: classification.category,
        confidence: classification.confidence,
        triage: classification.triage,
        urgent: classification.urgent,
        call: classification.call,
        zone: { code: route.zone.code, name: route.zone.name, level: route.zone.level },
        matchedRules: [], // admin routing rules come with the rules engine
        evidence: { zone: route.evidence, category: classification },
      };
    },
  );

  app.get(
    '/api/v1/categories',
    { preHandler: app.requireRole('supervisor'), schema: { summary: 'The categories and their handling deadlines', tags: ['router'], security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(Category) }) } } },
    async () => ({ items: (await catalog.get()).categories }),
  );
};
