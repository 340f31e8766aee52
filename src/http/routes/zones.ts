/**
 * Admins configure the pyramid: district → street → community → group.
 * A zone's level must sit exactly one below its parent's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { normalizeEmail, normalizePhone } from '../../core/contact-address.js';
import type { ZoneLevel } from '../../catalog/catalog.js';
import { Boundary } from '../../catalog/geo.js';
import { createZone, findZone, listZones, retireBlockers, subtreeCodes, updateZone, type ZoneRecord } from '../../catalog/zones-repository.js';
import { liaisonExists } from '../../liaisons/liaisons-repository.js';

const LEVELS = ['district', 'street', 'community', 'group'] as const;
const PARENT_LEVEL: Record<ZoneLevel, ZoneLevel | null> = { district: null, street: 'district', community: 'street', group: 'community' };

const ZoneCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lowercase letters, digits and dashes');
const Aliases = z.array(z.string().trim().min(1).max(100)).max(200);
/** The zone's own hotline numbers, stored in E.164 so incoming calls and texts match them. */
const PhoneNumbers = z
  .array(z.string().transform((n, ctx) => normalizePhone(n) ?? (ctx.addIssue({ code: 'custom', message: `not a phone number: ${n}` }), z.NEVER)))
  .max(20);
/** The zone's own mailbox addresses, stored in lower case so incoming mail matches them. */
const EmailAddresses = z.array(z.email('not an email address').transform(normalizeEmail)).max(20);

const Zone = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  parentCode: z.string().nullable(),
  aliases: z.array(z.string()),
  phoneNumbers: z.array(z.string()),
  emailAddresses: z.array(z.string()),
  boundary: Boundary.nullable(),
  liaison: z.object({ id: z.number(), name: z.string() }).nullable(),
  active: z.boolean(),
  /** A supervisory body (e.g. the discipline inspection office), not a place: complaints about officials go here. */
  supervisory: z.boolean(),
});

const CreateZone = z.object({
  code: ZoneCode,
  name: z.string().trim().min(1).max(100),
  level: z.enum(LEVELS),
  parentCode: ZoneCode.optional(),
  aliases: Aliases.default([]),
  phoneNumbers: PhoneNumbers.default([]),
  emailAddresses: EmailAddresses.default([]),
  boundary: Boundary.optional().describe('GeoJSON Polygon or MultiPolygon (longitude, latitude)'),
  liaisonId: z.number().int().positive().optional(),
  supervisory: z.boolean().default(false),
});

const UpdateZone = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  parentCode: ZoneCode.optional(),
  aliases: Aliases.optional(),
  phoneNumbers: PhoneNumbers.optional(),
  emailAddresses: EmailAddresses.optional(),
  /** null removes the boundary. */
  boundary: Boundary.nullable().optional(),
  liaisonId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  supervisory: z.boolean().optional(),
});

/** What the API shows of a zone: its code, not its id. */
const present = ({ id: _id, ...zone }: ZoneRecord): z.infer<typeof Zone> => zone;

export const zoneRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  async function parentFor(level: ZoneLevel, parentCode: string | undefined): Promise<number | null> {
    const wanted = PARENT_LEVEL[level];
    if (!wanted) {
      if (parentCode) throw new InputError('parentCode', 'a district has no parent');
      return null;
    }
    if (!parentCode) throw new InputError('parentCode', `a ${level} needs a parent ${wanted}`);
    const parent = await findZone(pool, parentCode);
    if (!parent) throw new InputError('parentCode', `unknown zone ${parentCode}`);
    if (parent.level !== wanted) throw new InputError('parentCode', `a ${level} must sit under a ${wanted}, not a ${parent.level}`);
    return parent.id;
  }

  async function checkLiaison(liaisonId: number | null | undefined): Promise<void> {
    if (liaisonId == null) return;
    if (!(await liaisonExists(pool, liaisonId))) throw new InputError('liaisonId', `unknown liaison ${liaisonId}`);
  }

  /** A zone moves with everything below it: never under itself or one of its own descendants. */
  async function checkMove(zone: ZoneRecord, parentCode: string): Promise<void> {
    if (parentCode === zone.code) throw new InputError('parentCode', `a zone cannot sit under itself`);
    if ((await subtreeCodes(pool, zone.code)).includes(parentCode)) {
      throw new InputError('parentCode', `${parentCode} lies below ${zone.code}: a zone cannot move under its own descendant`);
    }
  }

  /** A zone retires only when nothing depends on it: no active child zone, no open case. */
  async function checkRetire(zone: ZoneRecord): Promise<void> {
    const { activeChildren, openCases } = await retireBlockers(pool, zone.id);
    if (activeChildren.length) {
      throw new InputError('active', `${zone.code} still has active zones below it (${activeChildren.join(', ')}); retire or move them first`, 409, 'conflict');
    }
    if (openCases) throw new InputError('active', `${zone.code} still has ${openCases} open case(s); close or move them first`, 409, 'conflict');
  }

  app.get(
    '/api/v1/zones',
    {
      preHandler: app.requireRole('supervisor', 'dispatcher', 'liaison'),
      schema: { summary: 'List zones', tags: ['zones'], security: [{ bearer: [] }], response: { 200: z.object({ items: z.array(Zone) }) } },
    },
    async () => ({ items: (await listZones(pool)).map(present) }),
  );

  app.post(
    '/api/v1/zones',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Create a zone', tags: ['zones'], security: [{ bearer: [] }], body: CreateZone, response: { 201: Zone } },
    },
    async (req, reply) => {
      const body = req.body;
      const parentId = await parentFor(body.level, body.parentCode);
      await checkLiaison(body.liaisonId);
      const zone = await createZone(pool, { ...body, parentId }, `user:${req.staff!.id}`, { ...body });
      if (!zone) throw new InputError('code', `zone ${body.code} exists already`, 409, 'conflict');
      app.deps.catalog.invalidate();
      return reply.code(201).send(present(zone));
    },
  );

  app.patch(
    '/api/v1/zones/:code',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Change a zone: rename, move (parentCode), retire (active: false), its numbers, mailboxes, boundary, liaison',
        tags: ['zones'],
        security: [{ bearer: [] }],
        params: z.object({ code: z.string() }),
        body: UpdateZone,
        response: { 200: Zone },
      },
    },
    async (req) => {
      const existing = await findZone(pool, req.params.code);
      if (!existing) throw new InputError('code', `unknown zone ${req.params.code}`, 404, 'not_found');
      const body = req.body;
      if (body.parentCode !== undefined) await checkMove(existing, body.parentCode);
      const parentId = body.parentCode !== undefined ? await parentFor(existing.level, body.parentCode) : undefined;
      if (body.active === false && existing.active) await checkRetire(existing);
      await checkLiaison(body.liaisonId);
      const { parentCode: _parentCode, ...change } = body;
      const zone = await updateZone(pool, existing.code, { ...change, parentId }, `user:${req.staff!.id}`, { ...body });
      if (!zone) throw new InputError('code', `unknown zone ${req.params.code}`, 404, 'not_found');
      app.deps.catalog.invalidate();
      return present(zone);
    },
  );
};
