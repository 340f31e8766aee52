/**
 * The impact preview: a draft rule set replayed over the cases of the last
 * days against the rules in force (src/router/rules-preview.ts). Read-only,
 * so supervisors may ask too; bounded in cases and time, and it says when it
 * replayed fewer cases than the period holds.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Rule } from '../../catalog/rule.js';
import { officeHoursOf } from '../../catalog/calendar.js';
import { ASPECTS, previewRules } from '../../router/rules-preview.js';
import { ruleChecker, RuleBody } from './rule-body.js';

/** A rule as edited: with its id when it replaces a rule, without for a new one. */
const DraftRule = RuleBody.extend({ id: z.number().int().positive().optional() });
type DraftRule = z.infer<typeof DraftRule>;

/** At most this many cases are replayed, the newest first. */
export const PREVIEW_MAX_CASES = 2_000;
/** The replay stops after this long and answers with what it has. */
export const PREVIEW_BUDGET_MS = 3_000;

const Preview = z
  .object({
    /** One draft rule: replaces the rule with its id, or is added. */
    rule: DraftRule.optional(),
    /** The whole rule set as edited (instead of `rule`). */
    rules: z.array(DraftRule).max(500).optional(),
    days: z.number().int().min(1).max(365).default(30),
    maxCases: z.number().int().min(1).max(PREVIEW_MAX_CASES).default(PREVIEW_MAX_CASES),
    examples: z.number().int().min(0).max(20).default(5),
  })
  .refine((b) => (b.rule === undefined) !== (b.rules === undefined), { message: 'send either rule or rules', path: ['rule'] });

const Example = z.object({ caseNo: z.string(), before: z.string().nullable(), after: z.string().nullable() });
const Aspect = z.object({ count: z.number(), examples: z.array(Example) });
const PreviewOut = z.object({
  days: z.number(),
  total: z.number(),
  considered: z.number(),
  sampled: z.boolean(),
  timedOut: z.boolean(),
  changed: z.number(),
  matched: z.number(),
  aspects: z.object(Object.fromEntries(ASPECTS.map((a) => [a, Aspect])) as Record<(typeof ASPECTS)[number], typeof Aspect>),
});

// A new rule has no id yet: one no stored rule has, and it sorts after stored rules of equal priority.
const NEW_RULE_ID = 0;

function asRule(d: DraftRule): Rule {
  return { id: d.id ?? NEW_RULE_ID, name: d.name, priority: d.priority, version: 0, conditions: d.conditions, action: d.action };
}

/** The rules in the order they apply: by priority, then as listed (stored rules by id, a new one last). */
function ordered(rules: { rule: Rule; place: number }[]): Rule[] {
  return rules.sort((a, b) => a.rule.priority - b.rule.priority || a.place - b.place).map((r) => r.rule);
}

export const rulePreviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, catalog, classifier, config } = app.deps;
  const checked = ruleChecker(app);

  app.post(
    '/api/v1/rules/preview',
    {
      preHandler: app.requireRole('supervisor'),
      config: { readOnly: true },
      schema: {
        summary: 'How many recent cases a draft rule set would route differently, with examples (nothing is changed)',
        tags: ['rules'],
        security: [{ bearer: [] }],
        body: Preview,
        response: { 200: PreviewOut },
      },
    },
    async (req) => {
      const body = req.body;
      const snapshot = await catalog.get();
      let draft: Rule[];
      if (body.rules) {
        for (const [i, rule] of body.rules.entries()) await checked(rule, `rules.${i}.`);
        draft = ordered(body.rules.filter((r) => r.active).map((r, place) => ({ rule: asRule(r), place })));
      } else {
        const edited = await checked(body.rule!, 'rule.');
        const kept = snapshot.rules.filter((r) => edited.id === undefined || r.id !== edited.id).map((rule) => ({ rule, place: rule.id }));
        draft = ordered(edited.active ? [...kept, { rule: asRule(edited), place: edited.id ?? Number.MAX_SAFE_INTEGER }] : kept);
      }
      return previewRules(
        db.pool,
        snapshot,
        draft,
        {
          classifier,
          triageZoneCode: config.TRIAGE_ZONE_CODE,
          supervisoryZoneCode: config.SUPERVISORY_ZONE_CODE,
          office: officeHoursOf(config),
        },
        { days: body.days, maxCases: body.maxCases, budgetMs: PREVIEW_BUDGET_MS, examples: body.examples, focus: body.rule && (body.rule.id ?? NEW_RULE_ID) },
      );
    },
  );
};
