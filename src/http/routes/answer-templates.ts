/**
 * Answer templates: admins manage them, every staff role reads them, and the
 * console asks for those fitting one case, filled in for it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { formatLocalZh } from '../../core/time.js';
import { zoneLabel } from '../../catalog/zone-tree.js';
import { audit } from '../../store/audit.js';
import { caseInScope } from '../../cases/case-desk-detail.js';
import { scopeOf } from '../../cases/scope.js';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  renderTemplate,
  templatesForCategory,
  unknownPlaceholders,
  updateTemplate,
  type AnswerTemplate,
} from '../../cases/answer-templates.js';
import { refuseOutOfScope } from './case-action.js';
import { CaseNoParams } from './case-work-routes.js';

const Template = z.object({
  id: z.number(),
  shortcode: z.string(),
  title: z.string(),
  body: z.string(),
  categoryCode: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
});

const TemplateBody = z.object({
  shortcode: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'lower-case letters, digits, _ and -, 2 to 40, starting with a letter')
    .describe('what staff type to pick it, e.g. received'),
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2000).describe('may hold {caseNo}, {deadline}, {zone}, {category}'),
  categoryCode: z.string().nullable().default(null).describe('offered only for cases of this category; null: for every case'),
  active: z.boolean().default(true),
});

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const security = [{ bearer: [] }];

const out = (t: AnswerTemplate) => ({ ...t, updatedAt: t.updatedAt.toISOString() });

export const answerTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const { catalog, config } = app.deps;
  const staff = app.requireRole('supervisor', 'dispatcher', 'liaison');

  async function check(t: { body?: string | undefined; categoryCode?: string | null | undefined }) {
    const unknown = t.body ? unknownPlaceholders(t.body) : [];
    if (unknown.length)
      throw new InputError('body', `unknown placeholders: ${unknown.map((u) => `{${u}}`).join(', ')}; use {caseNo}, {deadline}, {zone}, {category}`);
    if (t.categoryCode && !(await catalog.get()).categoriesByCode.has(t.categoryCode)) throw new InputError('categoryCode', `no category ${t.categoryCode}`);
  }

  app.get(
    '/api/v1/answer-templates',
    { preHandler: staff, schema: { summary: 'List answer templates', tags: ['cases'], security, response: { 200: z.object({ items: z.array(Template) }) } } },
    async () => ({ items: (await listTemplates(pool)).map(out) }),
  );

  app.post(
    '/api/v1/answer-templates',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Create an answer template', tags: ['cases'], security, body: TemplateBody, response: { 201: Template } },
    },
    async (req, reply) => {
      await check(req.body);
      const created = await createTemplate(pool, req.body, `user:${req.staff!.id}`);
      if (created === 'exists') throw new InputError('shortcode', `a template ${req.body.shortcode} exists already`, 409, 'conflict');
      return reply.code(201).send(out(created));
    },
  );

  app.patch(
    '/api/v1/answer-templates/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Change an answer template (what is given)',
        tags: ['cases'],
        security,
        params: IdParams,
        body: TemplateBody.partial().extend({ categoryCode: z.string().nullable().optional() }),
        response: { 200: Template },
      },
    },
    async (req) => {
      await check(req.body);
      const updated = await updateTemplate(pool, req.params.id, req.body, `user:${req.staff!.id}`);
      if (updated === 'exists') throw new InputError('shortcode', `a template ${req.body.shortcode} exists already`, 409, 'conflict');
      if (!updated) throw new InputError('id', `no template ${req.params.id}`, 404, 'not_found');
      return out(updated);
    },
  );

  app.delete(
    '/api/v1/answer-templates/:id',
    { preHandler: app.requireRole('admin'), schema: { summary: 'Delete an answer template', tags: ['cases'], security, params: IdParams } },
    async (req, reply) => {
      if (!(await deleteTemplate(pool, req.params.id, `user:${req.staff!.id}`))) throw new InputError('id', `no template ${req.params.id}`, 404, 'not_found');
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/cases/:caseNo/answer-templates',
    {
      preHandler: staff,
      schema: {
        summary: "The active templates for a case's category and the general ones, filled in for the case",
        tags: ['cases'],
        security,
        params: CaseNoParams,
        response: { 200: z.object({ items: z.array(Template.extend({ rendered: z.string() })) }) },
      },
    },
    async (req) => {
      const { rows } = await pool.query<{ id: number; case_no: string; category_code: string; zone_id: number; deadline_at: Date }>(
        'SELECT id, case_no, category_code, zone_id, deadline_at FROM "case" WHERE case_no = $1',
        [req.params.caseNo],
      );
      const kase = rows[0];
      if (!kase) throw new InputError('caseNo', `no case ${req.params.caseNo}`, 404, 'not_found');
      if (!(await caseInScope(pool, kase.id, scopeOf(req.staff!)))) return refuseOutOfScope(pool, req.staff!, kase.case_no, 'answer_templates');
      await audit(pool, {
        actor: `user:${req.staff!.id}`,
        action: 'case.read',
        subjectType: 'case',
        subjectId: kase.case_no,
        detail: { what: 'answer_templates' },
      });
      const snapshot = await catalog.get();
      const zone = snapshot.zonesById.get(kase.zone_id);
      const values = {
        caseNo: kase.case_no,
        deadline: formatLocalZh(kase.deadline_at, config.OFFICE_TIME_ZONE),
        zone: zone ? zoneLabel(zone, snapshot) : '',
        category: snapshot.categoriesByCode.get(kase.category_code)?.nameZh ?? kase.category_code,
      };
      const templates = await templatesForCategory(pool, kase.category_code);
      return { items: templates.map((t) => ({ ...out(t), rendered: renderTemplate(t.body, values) })) };
    },
  );
};
