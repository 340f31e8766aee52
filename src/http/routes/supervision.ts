/**
 * Supervision for admins: the business calendar (holidays and make-up working
 * days, per year) and a case's deadline override, which moves its timers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { calendarYear, replaceCalendarYear } from '../../catalog/calendar-repository.js';
import { Supervisor } from '../../supervision/supervisor.js';
import { policyFrom } from '../../supervision/deadlines.js';
import { computeStats, MAX_TREND_WEEKS, weeklyFigures } from '../../supervision/stats.js';
import { definitionsZh, statsCsv, statsXlsx } from '../../supervision/stats-export.js';
import { headlineFigures } from '../../core/metrics.js';

const Day = z.object({
  date: z.iso.date(),
  /** false: a holiday; true: a make-up working day (调休) on a weekend. */
  workday: z.boolean(),
  name: z.string().trim().min(1).max(40),
});
const Year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const StatsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).describe('start of the period (cases received from then)'),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).describe('end of the period (exclusive)'),
    zone: z.string().optional().describe('a zone code: only it and the zones below it'),
    parentCode: z
      .string()
      .optional()
      .describe("drill-down, with groupBy=zone: one row per child of this zone (its whole subtree), and one for the zone's own cases (own: true)"),
    groupBy: z.enum(['zone', 'category', 'kind', 'liaison']).default('zone'),
  })
  .refine((q) => new Date(q.from) < new Date(q.to), { path: ['to'], message: 'to must be after from' })
  .refine((q) => !q.parentCode || q.groupBy === 'zone', { path: ['parentCode'], message: 'parentCode drills down the zone tree: only with groupBy=zone' })
  .refine((q) => !(q.parentCode && q.zone), { path: ['parentCode'], message: 'give zone or parentCode, not both' });
const TrendQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).describe('start of the period'),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).describe('end of the period (exclusive)'),
    zone: z.string().optional().describe('a zone code: only it and the zones below it'),
  })
  .refine((q) => new Date(q.from) < new Date(q.to), { path: ['to'], message: 'to must be after from' })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= MAX_TREND_WEEKS * 7 * 86_400_000, {
    path: ['from'],
    message: `the weekly trend covers at most ${MAX_TREND_WEEKS} weeks`,
  });
const Figures = z.object({
  received: z.number(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  surveysAnswered: z.number(),
  overdue: z.number(),
  avgHandlingHours: z.number().nullable(),
  p90HandlingHours: z.number().nullable(),
  reopenRate: z.number().nullable(),
});
const StatsRowSchema = Figures.extend({
  key: z.string(),
  name: z.string(),
  level: z.string().optional(),
  path: z.string().optional().describe('zones: the names from the street down, 华山街道/翠湖社区/第一居民小组'),
  hasChildren: z.boolean().optional().describe('zones: whether there are zones below to drill down to'),
  own: z.boolean().optional().describe("drill-down: the parent zone's own cases (本级), not those of a zone below it"),
  nameEn: z.string().optional().describe('categories: the English name'),
});
const StatsAnswer = z.object({
  total: Figures,
  rows: z.array(StatsRowSchema),
  responseTargetHours: z.number().describe('the response rate counts a first answer within this many hours'),
});

export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, catalog, db } = app.deps;
  const supervisor = new Supervisor({
    pool: db.pool,
    catalog,
    office: { hours: config.OFFICE_HOURS, days: config.OFFICE_DAYS, timeZone: config.OFFICE_TIME_ZONE },
    policy: policyFrom(config),
  });

  const figuresQuery = async (q: { from: string; to: string; zone?: string | undefined; parentCode?: string | undefined }) => {
    const snapshot = await catalog.get();
    if (q.zone && !snapshot.zonesByCode.has(q.zone)) throw new InputError('zone', `unknown zone ${q.zone}`);
    if (q.parentCode && !snapshot.zonesByCode.has(q.parentCode)) throw new InputError('parentCode', `unknown zone ${q.parentCode}`);
    return {
      snapshot,
      query: {
        from: new Date(q.from),
        to: new Date(q.to),
        ...(q.zone ? { zone: q.zone } : {}),
        ...(q.parentCode ? { parentCode: q.parentCode } : {}),
        responseTargetHours: config.RESPONSE_TARGET_HOURS,
        timeZone: config.OFFICE_TIME_ZONE,
      },
    };
  };
  const stats = async (q: z.infer<typeof StatsQuery>) => {
    const { snapshot, query } = await figuresQuery(q);
    const answer = await computeStats(db.pool, snapshot, { ...query, groupBy: q.groupBy });
    return { ...answer, responseTargetHours: config.RESPONSE_TARGET_HOURS };
  };
  const exportName = (q: z.infer<typeof StatsQuery>, ext: string) =>
    `minqing-figures-${q.groupBy}-${q.parentCode ?? q.zone ?? 'all'}-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}.${ext}`.replace(/[^\w.-]/g, '_');
  headlineFigures.source = async () => {
    const to = new Date();
    const { total } = await computeStats(db.pool, await catalog.get(), {
      from: new Date(to.getTime() - 30 * 86_400_000),
      to,
      groupBy: 'category',
      responseTargetHours: config.RESPONSE_TARGET_HOURS,
      timeZone: config.OFFICE_TIME_ZONE,
    });
    return {
      received: total.received,
      response_rate: total.responseRate,
      resolution_rate: total.resolutionRate,
      satisfaction_rate: total.satisfactionRate,
      overdue: total.overdue,
      reopen_rate: total.reopenRate,
    };
  };

  app.get(
    '/api/v1/stats',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The figures zones are assessed on (考核), over a period',
        tags: ['supervision'],
        security: [{ bearer: [] }],
        querystring: StatsQuery,
        response: { 200: StatsAnswer },
      },
    },
    async (req) => stats(req.query),
  );

  app.get(
    '/api/v1/stats/weekly',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The same figures week by week over the period (Monday to Sunday, office time), for the trend',
        tags: ['supervision'],
        security: [{ bearer: [] }],
        querystring: TrendQuery,
        response: { 200: z.object({ weeks: z.array(Figures.extend({ week: z.string().describe("the week's Monday, YYYY-MM-DD") })) }) },
      },
    },
    async (req) => {
      const { snapshot, query } = await figuresQuery(req.query);
      return { weeks: await weeklyFigures(db.pool, snapshot, query) };
    },
  );

  app.get(
    '/api/v1/stats.csv',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The same figures as CSV (UTF-8 with BOM): Chinese headers, rates as percentages, zones by path, a total row',
        tags: ['supervision'],
        security: [{ bearer: [] }],
        querystring: StatsQuery,
      },
    },
    async (req, reply) => {
      const { rows, total } = await stats(req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportName(req.query, 'csv')}"`)
        .send(statsCsv(req.query.groupBy, rows, total));
    },
  );

  app.get(
    '/api/v1/stats.xlsx',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: 'The same figures as an Excel workbook: Chinese headers, rates as percentages, zones by path, a notes sheet',
        tags: ['supervision'],
        security: [{ bearer: [] }],
        querystring: StatsQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const { rows, total } = await stats(q);
      const file = await statsXlsx(q.groupBy, rows, total, {
        period: `${q.from} 至 ${q.to}（不含）`,
        definitions: definitionsZh(config.RESPONSE_TARGET_HOURS),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${exportName(q, 'xlsx')}"`)
        .send(file);
    },
  );

  app.get(
    '/api/v1/calendar/:year',
    {
      preHandler: app.requireRole('supervisor'),
      schema: {
        summary: "A year's holidays and make-up working days",
        tags: ['supervision'],
        security: [{ bearer: [] }],
        params: Year,
        response: { 200: z.object({ year: z.number(), days: z.array(Day) }) },
      },
    },
    async (req) => ({ year: req.params.year, days: await calendarYear(db.pool, req.params.year) }),
  );

  app.put(
    '/api/v1/calendar/:year',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "Replace a year's holidays and make-up working days (国务院 notice of that year)",
        tags: ['supervision'],
        security: [{ bearer: [] }],
        params: Year,
        body: z.object({ days: z.array(Day).max(366) }),
        response: { 200: z.object({ year: z.number(), days: z.array(Day) }) },
      },
    },
    async (req) => {
      const { year } = req.params;
      const { days } = req.body;
      const wrong = days.findIndex((d) => Number(d.date.slice(0, 4)) !== year);
      if (wrong >= 0) throw new InputError(`days.${wrong}.date`, `${days[wrong]!.date} is not in ${year}`);
      if (new Set(days.map((d) => d.date)).size !== days.length) throw new InputError('days', 'a date is listed twice');
      await replaceCalendarYear(db.pool, year, days, `user:${req.staff!.id}`);
      catalog.invalidate();
      return { year, days: [...days].sort((a, b) => a.date.localeCompare(b.date)) };
    },
  );

  app.patch(
    '/api/v1/cases/:caseNo/deadline',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "Override a case's handling deadline: its reminders and deadline timer move with it",
        tags: ['supervision'],
        security: [{ bearer: [] }],
        params: z.object({ caseNo: z.string().regex(/^\d{10,16}$/) }),
        body: z.object({ deadlineAt: z.iso.datetime({ offset: true }) }),
        response: { 200: z.object({ caseNo: z.string(), deadlineAt: z.string() }) },
      },
    },
    async (req) => {
      const deadline = new Date(req.body.deadlineAt);
      if (deadline.getTime() <= Date.now()) throw new InputError('deadlineAt', 'the new deadline must be in the future');
      if (!(await supervisor.moveDeadline(req.params.caseNo, deadline, `user:${req.staff!.id}`)))
        throw new InputError('caseNo', `no case ${req.params.caseNo}`, 404, 'not_found');
      return { caseNo: req.params.caseNo, deadlineAt: deadline.toISOString() };
    },
  );
};
