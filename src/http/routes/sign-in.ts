/**
 * Signing in to the console: login and password give a session cookie
 * (HttpOnly, SameSite=Strict) and the CSRF token the console sends back on
 * every change (plugins/auth.ts). A wrong login, a wrong password and a
 * disabled account get the same answer, in the same time (an unknown login
 * still spends one scrypt); repeated failures are slowed down per account
 * and per client address (store/login-throttle.ts). Every sign-in, failed
 * sign-in and sign-out is audited, never with the password.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError, UnavailableError } from '../../core/errors.js';
import { spendPasswordCheck, verifyPassword } from '../../core/password.js';
import { audit } from '../../store/audit.js';
import { LoginThrottle } from '../../store/login-throttle.js';
import { credentialsByLogin, noteLogin } from '../../store/staff.js';
import { endSession, openSession, type SessionStaff } from '../../store/staff-sessions.js';
import { SESSION_COOKIE, sameOrigin, sessionLimitsOf } from '../plugins/auth.js';

export const Login = z.string().trim().toLowerCase().min(1).max(64);

const SessionBody = z.object({
  user: z.object({
    id: z.number(),
    login: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'supervisor', 'dispatcher', 'liaison']),
    liaisonId: z.number().nullable(),
  }),
  csrfToken: z.string().describe('send it back in X-CSRF-Token on every request that changes something'),
});

const Refusal = z.object({ error: z.string(), message: z.string() });

const INVALID = { error: 'invalid_credentials', message: '登录名或密码不正确 / wrong login or password' } as const;
const CROSS_SITE = { error: 'csrf', message: 'sign-in and sign-out are accepted from this site only' } as const;

export const signInRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const { config } = app.deps;
  const limits = sessionLimitsOf(config);
  const throttle = new LoginThrottle(app.deps.redis, config.QUEUE_PREFIX, {
    perAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
    perClient: config.LOGIN_FAILURES_PER_CLIENT,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  });
  // Without Redis nobody can be slowed down, so nobody signs in (503) rather than allowing unlimited guesses.
  const redis = <T>(work: Promise<T>) => work.catch((err: unknown) => Promise.reject(new UnavailableError('redis', { cause: err })));
  // The decoy hash of spendPasswordCheck is made now, so the first unknown login is not the slow one.
  await spendPasswordCheck('');

  const sessionBody = (s: Pick<SessionStaff, 'id' | 'login' | 'name' | 'role' | 'liaisonId'>, csrfToken: string) => ({
    user: { id: s.id, login: s.login, name: s.name, role: s.role, liaisonId: s.liaisonId },
    csrfToken,
  });
  const setCookie = (req: FastifyRequest, reply: FastifyReply, value: string, maxAge?: number) =>
    reply.setCookie(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: config.NODE_ENV === 'production' || req.protocol === 'https',
      ...(maxAge === undefined ? {} : { maxAge }),
    });

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        summary: 'Sign in to the console: sets the session cookie and returns the CSRF token',
        tags: ['auth'],
        body: z.object({ login: Login, password: z.string().min(1).max(1024) }),
        response: { 200: SessionBody, 401: Refusal.describe('wrong login or password, or a disabled account'), 403: Refusal },
      },
    },
    async (req, reply) => {
      if (!sameOrigin(req)) return reply.code(403).send(CROSS_SITE);
      const { login, password } = req.body;
      // The login typed is kept only when it is an account's: a "login" that is none is often a password typed in the wrong box.
      const failure = (reason: string, userId?: number) =>
        audit(pool, {
          actor: 'anonymous',
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: userId ? String(userId) : null,
          detail: { ...(userId ? { login } : {}), ip: req.ip, reason },
        });

      const wait = await redis(throttle.waitSeconds(login, req.ip));
      if (wait > 0) {
        await failure('throttled', (await credentialsByLogin(pool, login))?.id);
        reply.header('Retry-After', String(wait));
        throw new InputError('login', `too many failed sign-ins; retry after ${wait} s`, 429, 'rate_limited');
      }
      const user = await credentialsByLogin(pool, login);
      const matches = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await spendPasswordCheck(password);
      if (!user || !matches || user.disabled) {
        await redis(throttle.failed(login, req.ip));
        await failure(!user ? 'unknown_login' : !matches ? 'wrong_password' : 'disabled', user?.id);
        return reply.code(401).send(INVALID);
      }
      await redis(throttle.succeeded(login));
      const { token, csrfToken } = await openSession(pool, user.id, limits);
      await noteLogin(pool, user.id);
      await audit(pool, { actor: `user:${user.id}`, action: 'auth.login', subjectType: 'user', subjectId: String(user.id), detail: { ip: req.ip } });
      setCookie(req, reply, token);
      return sessionBody({ ...user, login }, csrfToken);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { summary: 'Sign out: ends the session and clears its cookie', tags: ['auth'], response: { 204: z.void(), 403: Refusal } } },
    async (req, reply) => {
      if (!sameOrigin(req)) return reply.code(403).send(CROSS_SITE);
      const session = await app.sessionOf(req);
      if (session) {
        await endSession(pool, session.sessionId);
        await audit(pool, { actor: `user:${session.id}`, action: 'auth.logout', subjectType: 'user', subjectId: String(session.id), detail: { ip: req.ip } });
      }
      setCookie(req, reply, '', 0);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        summary: 'The signed-in user and the CSRF token of their session (401 when not signed in)',
        tags: ['auth'],
        response: { 200: SessionBody, 401: Refusal },
      },
    },
    async (req, reply) => {
      const session = await app.sessionOf(req);
      if (!session) return reply.code(401).send({ error: 'unauthorized', message: 'not signed in' });
      return sessionBody(session, session.csrfToken);
    },
  );
};
