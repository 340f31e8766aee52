/**
 * Liaisons (民情联络员) for admins: list and add them, issue the one-time code
 * that binds a liaison's chat account, and revoke a binding. Every change is
 * audited; phone numbers are shown masked.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { maskPhone, normalizePhone } from '../../core/contact-address.js';
import QRCode from 'qrcode';
import { issueBindCode } from '../../liaisons/binding.js';
import { createLiaison, findLiaison, listLiaisons, revokeChat, updateLiaison } from '../../liaisons/liaisons-repository.js';

const Liaison = z.object({
  id: z.number(),
  name: z.string(),
  phone: z.string().nullable().describe('masked'),
  /** The public work number printed on contact cards, in full. */
  workPhone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  zones: z.array(z.string()),
  chats: z.array(z.object({ id: z.number(), channel: z.string(), boundAt: z.string() })),
});

const Phone = z.string().refine((v) => normalizePhone(v) !== null, 'not a valid phone number');

const NewLiaison = z.object({
  name: z.string().trim().min(1).max(50),
  phone: Phone,
  /** Public: printed in full on contact cards (never the private `phone`). */
  workPhone: Phone.optional(),
  email: z.email().optional(),
});

/** null removes the work phone or the email. */
const LiaisonChange = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  phone: Phone.optional(),
  workPhone: Phone.nullable().optional(),
  email: z.email().nullable().optional(),
  /** false: no new cases or bind codes for them; their zones keep them until reassigned. */
  active: z.boolean().optional(),
});

const BindCode = z.object({
  code: z.string(),
  expiresAt: z.string(),
  /** What the liaison sends the bot. */
  send: z.string(),
  /** The Telegram deep link (t.me/<bot>?start=<code>) where the bot's username is configured. */
  link: z.string().nullable(),
  /** A QR code of the link, else of `send`: an SVG as a data: URL. */
  qr: z.string(),
});

const Id = z.object({ id: z.coerce.number().int().positive() });

export const liaisonRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;

  async function liaisonOr404(id: number) {
    const liaison = await findLiaison(pool, id);
    if (!liaison) throw new InputError('id', `unknown liaison ${id}`, 404, 'not_found');
    return liaison;
  }

  app.get(
    '/api/v1/liaisons',
    {
      preHandler: app.requireRole('supervisor', 'dispatcher', 'liaison'),
      schema: {
        summary: 'List liaisons, their zones and bound chat accounts',
        tags: ['liaisons'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(Liaison) }) },
      },
    },
    async () => {
      const rows = await listLiaisons(pool);
      return {
        items: rows.map((l) => ({
          ...l,
          phone: l.phone ? maskPhone(l.phone) : null,
          chats: l.chats.map((c) => ({ ...c, boundAt: c.boundAt.toISOString() })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/liaisons',
    {
      preHandler: app.requireRole('admin'),
      schema: { summary: 'Add a liaison', tags: ['liaisons'], security: [{ bearer: [] }], body: NewLiaison, response: { 201: z.object({ id: z.number() }) } },
    },
    async (req, reply) => {
      const { name, phone, workPhone, email } = req.body;
      const id = await createLiaison(
        pool,
        { name, phone: normalizePhone(phone)!, workPhone: workPhone === undefined ? undefined : normalizePhone(workPhone)!, email },
        `user:${req.staff!.id}`,
      );
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/v1/liaisons/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "Change a liaison's name, phones, email or whether they are active (their zones: PATCH /api/v1/zones/:code liaisonId)",
        tags: ['liaisons'],
        security: [{ bearer: [] }],
        params: Id,
        body: LiaisonChange,
      },
    },
    async (req, reply) => {
      const { phone, workPhone, ...rest } = req.body;
      const change = {
        ...rest,
        phone: phone === undefined ? undefined : normalizePhone(phone)!,
        workPhone: workPhone == null ? workPhone : normalizePhone(workPhone)!,
      };
      if (!(await updateLiaison(pool, req.params.id, change, `user:${req.staff!.id}`))) {
        throw new InputError('id', `unknown liaison ${req.params.id}`, 404, 'not_found');
      }
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/liaisons/:id/bind-code',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'A one-time code the liaison sends to the bot (绑定 <code>) to bind their chat account; valid 24 hours',
        tags: ['liaisons'],
        security: [{ bearer: [] }],
        params: Id,
        response: { 201: BindCode },
      },
    },
    async (req, reply) => {
      const liaison = await liaisonOr404(req.params.id);
      if (!liaison.active) throw new InputError('id', `liaison ${liaison.id} is not active`, 409, 'conflict');
      const { code, expiresAt } = await issueBindCode(pool, liaison.id, `user:${req.staff!.id}`);
      const send = `绑定 ${code}`;
      const bot = app.deps.config.TELEGRAM_BOT_USERNAME;
      const link = bot ? `https://t.me/${bot}?start=${code}` : null;
      const svg = await QRCode.toString(link ?? send, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      return reply.code(201).send({ code, expiresAt: expiresAt.toISOString(), send, link, qr });
    },
  );

  app.delete(
    '/api/v1/liaisons/:id/chats/:chatId',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: 'Revoke a bound chat account',
        tags: ['liaisons'],
        security: [{ bearer: [] }],
        params: Id.extend({ chatId: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      if (!(await revokeChat(pool, req.params.id, req.params.chatId, `user:${req.staff!.id}`))) {
        throw new InputError('chatId', `no bound chat ${req.params.chatId} for liaison ${req.params.id}`, 404, 'not_found');
      }
      return reply.code(204).send();
    },
  );
};
