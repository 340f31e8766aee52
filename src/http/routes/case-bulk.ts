/**
 * One act on many cases from the console's list (assign, status, tag): each
 * case in its own transaction, within the caller's scope, with its own
 * outcome, so one refused or failing case leaves the others done.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { eventSql } from '../../core/case-event.js';
import { CaseStatus } from '../../core/case-status.js';
import { audit } from '../../store/audit.js';
import { officeHoursOf } from '../../catalog/calendar.js';
import { policyFrom } from '../../supervision/deadlines.js';
import { changeCaseStatus } from '../../cases/status-change.js';
import { OUT_OF_SCOPE } from '../../cases/scope.js';
import { CaseWork } from '../../liaisons/case-work.js';
import { moved, transferTarget } from './case-work-routes.js';
import { workOnCase, type CaseAction } from './case-action.js';

const BulkBody = z
  .object({
    caseNos: z
      .array(z.string().regex(/^\d{10,16}$/))
      .min(1)
      .max(100)
      .refine((a) => new Set(a).size === a.length, 'a case number is listed twice'),
    action: z.enum(['assign', 'status', 'tag']),
    zone: z.string().min(1).max(64).optional().describe('assign: the zone'),
    liaisonId: z.number().int().positive().optional().describe('assign: a liaison (their zone)'),
    status: CaseStatus.optional().describe('status: the new step'),
    note: z.string().trim().min(1).max(2000).optional().describe('assign: the reason; status: the note (required)'),
    tag: z.string().trim().min(1).max(40).optional().describe('tag: the label to add'),
  })
  .superRefine((b, ctx) => {
    const need = (field: 'zone' | 'status' | 'note' | 'tag', message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (b.action === 'assign' && (b.zone === undefined) === (b.liaisonId === undefined)) need('zone', 'assign needs exactly one of zone and liaisonId');
    if (b.action === 'status' && !b.status) need('status', 'status needs a status');
    if (b.action === 'status' && !b.note) need('note', 'status needs a note');
    if (b.action === 'tag' && !b.tag) need('tag', 'tag needs a tag');
  });

const Outcome = z.object({ caseNo: z.string(), ok: z.boolean(), error: z.string().optional() });

export const caseBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const { catalog, config } = app.deps;
  const office = officeHoursOf(config);
  const work = new CaseWork({ catalog, timeZone: config.OFFICE_TIME_ZONE, returnVisit: { office, afterHours: config.RETURN_VISIT_AFTER_HOURS } });
  const statusChange = { catalog, office, policy: policyFrom(config), returnVisitAfterHours: config.RETURN_VISIT_AFTER_HOURS };

  app.post(
    '/api/v1/cases/bulk',
    {
      preHandler: app.requireRole('dispatcher', 'liaison'),
      schema: {
        summary: 'Assign, move to a step or tag up to 100 cases; each case on its own, with its own outcome',
        tags: ['cases'],
        security: [{ bearer: [] }],
        body: BulkBody,
        response: { 200: z.object({ results: z.array(Outcome) }) },
      },
    },
    async (req) => {
      const b = req.body;
      const staff = req.staff!;
      const act = async ({ db, kase, act }: CaseAction) => {
        if (b.action === 'assign') {
          const outcome = await work.transfer(db, kase, act, await transferTarget(db, b), b.note ?? '批量转办');
          moved(outcome, b.zone !== undefined ? 'zone' : 'liaisonId');
        } else if (b.action === 'status') {
          const outcome = await changeCaseStatus(db, statusChange, { caseNo: kase.case_no, status: b.status!, note: b.note!, actor: act.actor });
          if (outcome === 'unchanged') throw new InputError('status', `the case is ${b.status} already`, 409, 'conflict');
        } else {
          const { rowCount } = await db.query(`UPDATE "case" SET tags = array_append(tags, $2), updated_at = now() WHERE id = $1 AND NOT tags @> ARRAY[$2]`, [
            kase.id,
            b.tag,
          ]);
          if (!rowCount) throw new InputError('tag', `the case has the tag ${b.tag} already`, 409, 'conflict');
          await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('tagged')}, $2, $3)`, [
            kase.id,
            act.actor,
            { tag: b.tag, by: act.name },
          ]);
        }
        return { body: null };
      };
      const results: z.infer<typeof Outcome>[] = [];
      // One after another: each case's transaction is short, and a list of 100 stays well under a second.
      for (const caseNo of b.caseNos) {
        try {
          const outcome = await workOnCase(pool, staff, caseNo, `bulk_${b.action}`, act, { audited: b.action !== 'status', detail: { action: b.action } });
          if ('refused' in outcome) {
            await audit(pool, {
              actor: `user:${staff.id}`,
              action: 'case.refused',
              subjectType: 'case',
              subjectId: caseNo,
              detail: { action: `bulk_${b.action}` },
            });
            results.push({ caseNo, ok: false, error: OUT_OF_SCOPE });
          } else results.push({ caseNo, ok: true });
        } catch (err) {
          // The cases before were done and committed: say what happened to each rather than fail the whole answer.
          if (!(err instanceof InputError)) req.log.error({ err, caseNo }, 'bulk case action failed');
          results.push({ caseNo, ok: false, error: err instanceof InputError ? err.message : 'internal error' });
        }
      }
      return { results };
    },
  );
};
