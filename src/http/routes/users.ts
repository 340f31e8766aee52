/**
 * Staff accounts for admins: people who sign in to the console, each with a
 * role (and, for the liaison role, the liaison they act for). Disabling an
 * account or resetting its password ends its sessions at once. Password
 * hashes never leave the database; every change is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../core/password.js';
import { liaisonExists } from '../../liaisons/liaisons-repository.js';
import { audit } from '../../store/audit.js';
import { inTransaction } from '../../store/db.js';
import { addAccount, findAccount, listAccounts, setDisabled, setPasswordHash, type StaffAccount } from '../../store/staff.js';
import { endSessionsOf } from '../../store/staff-sessions.js';

const RoleName = z.enum(['admin', 'supervisor', 'dispatcher', 'liaison']);
const Password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024);

const User = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  role: RoleName,
  liaison: z.object({ id: z.number(), name: z.string() }).nullable().describe('the liaison a user with the liaison role acts for'),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

const NewUser = z
  .object({
    login: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, '2 to 64 letters, digits, dots, dashes or underscores'),
    name: z.string().trim().min(1).max(50),
    role: RoleName,
    password: Password,
    liaisonId: z.number().int().positive().optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'liaison' && u.liaisonId === undefined) ctx.addIssue({ code: 'custom', path: ['liaisonId'], message: 'required for the liaison role' });
    if (u.role !== 'liaison' && u.liaisonId !== undefined) ctx.addIssue({ code: 'custom', path: ['liaisonId'], message: 'only for the liaison role' });
  });

const Id = z.object({ id: z.coerce.number().int().positive() });

const shown = (u: StaffAccount) => ({ ...u, createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const admin = app.requireRole('admin');

  async function userOr404(id: number) {
    const user = await findAccount(pool, id);
    if (!user) throw new InputError('id', `unknown user ${id}`, 404, 'not_found');
    return user;
  }

  app.get(
    '/api/v1/users',
    {
      preHandler: admin,
      schema: {
        summary: 'List staff accounts (people who sign in)',
        tags: ['users'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ items: z.array(User) }) },
      },
    },
    async () => ({ items: (await listAccounts(pool)).map(shown) }),
  );

  app.post(
    '/api/v1/users',
    {
      preHandler: admin,
      schema: { summary: 'Add a staff account', tags: ['users'], security: [{ bearer: [] }], body: NewUser, response: { 201: User } },
    },
    async (req, reply) => {
      const { login, name, role, password, liaisonId } = req.body;
      if (liaisonId !== undefined && !(await liaisonExists(pool, liaisonId, { activeOnly: true }))) {
        throw new InputError('liaisonId', `no active liaison ${liaisonId}`);
      }
      const passwordHash = await hashPassword(password);
      const id = await inTransaction(pool, async (tx) => {
        const created = await addAccount(tx, { login, name, role, passwordHash, liaisonId: liaisonId ?? null });
        if (created === null) throw new InputError('login', `the login ${login} is taken`, 409, 'conflict');
        await audit(tx, {
          actor: `user:${req.staff!.id}`,
          action: 'user.create',
          subjectType: 'user',
          subjectId: String(created),
          detail: { login, role, liaisonId },
        });
        return created;
      });
      return reply.code(201).send(shown((await findAccount(pool, id))!));
    },
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/v1/users/:id/${action}`,
      {
        preHandler: admin,
        schema: {
          summary: disabled ? 'Disable a staff account: it cannot sign in, and its sessions end at once' : 'Enable a disabled staff account',
          tags: ['users'],
          security: [{ bearer: [] }],
          params: Id,
          response: { 200: User },
        },
      },
      async (req) => {
        const { id } = req.params;
        if (disabled && id === req.staff!.id) throw new InputError('id', 'an admin cannot disable their own account', 409, 'conflict');
        await userOr404(id);
        await inTransaction(pool, async (tx) => {
          await setDisabled(tx, id, disabled);
          const ended = disabled ? await endSessionsOf(tx, id) : 0;
          await audit(tx, {
            actor: `user:${req.staff!.id}`,
            action: `user.${action}`,
            subjectType: 'user',
            subjectId: String(id),
            detail: disabled ? { sessionsEnded: ended } : {},
          });
        });
        return shown((await findAccount(pool, id))!);
      },
    );
  }

  app.post(
    '/api/v1/users/:id/password',
    {
      preHandler: admin,
      schema: {
        summary: "Reset a staff account's password; its sessions end at once",
        tags: ['users'],
        security: [{ bearer: [] }],
        params: Id,
        body: z.object({ password: Password }),
        response: { 204: z.void() },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      await userOr404(id);
      const passwordHash = await hashPassword(req.body.password);
      await inTransaction(pool, async (tx) => {
        await setPasswordHash(tx, id, passwordHash);
        const ended = await endSessionsOf(tx, id);
        await audit(tx, {
          actor: `user:${req.staff!.id}`,
          action: 'user.password_reset',
          subjectType: 'user',
          subjectId: String(id),
          detail: { sessionsEnded: ended },
        });
      });
      return reply.code(204).send();
    },
  );
};
