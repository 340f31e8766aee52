/**
 * Staff authentication, two ways in:
 * - machines send `Authorization: Bearer <API key>`; keys are stored as SHA-256
 *   hashes, and ADMIN_TOKEN bootstraps the first admin key at start-up;
 * - people signed in to the console carry the session cookie (routes/auth.ts);
 *   a cookie request that changes something must also send the session's CSRF
 *   token in X-CSRF-Token, and an Origin, when sent, must be this host.
 * Every request reads its key or session (one indexed row), so a disabled user
 * is refused at once: no cache.
 *
 * Roles: `admin` reads and changes everything; `supervisor` only reads
 * (a supervisor's write is refused with 403 whatever the route allows);
 * `dispatcher` and `liaison` pass only the routes that name them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../../config.js';
import type { Queryable } from '../../store/db.js';
import { addStaffKey, staffByKeyHash, type Role, type Staff } from '../../store/staff.js';
import { staffBySessionToken, type SessionLimits, type SessionStaff } from '../../store/staff-sessions.js';

export const SESSION_COOKIE = 'minqing_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
  }
  interface FastifyInstance {
    /**
     * A preHandler allowing only staff holding one of `roles` (admin always passes).
     * A supervisor passes only reads: GET and HEAD, or a route marked `config: { readOnly: true }`.
     */
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
    /** The live console session of this request's cookie, if any. */
    sessionOf(req: FastifyRequest): Promise<SessionStaff | null>;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A POST that changes nothing (a simulation): supervisors may call it. */
    readOnly?: boolean;
  }
}

const ROLE_CHECK = Symbol('requireRole');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Make sure the bootstrap admin key exists (idempotent). */
export async function ensureBootstrapAdmin(db: Queryable, token: string): Promise<void> {
  await addStaffKey(db, { name: 'admin (ADMIN_TOKEN)', role: 'admin', keyHash: hashApiKey(token) });
}

export function sessionLimitsOf(config: Config): SessionLimits {
  return { idleSeconds: config.SESSION_IDLE_MINUTES * 60, maxSeconds: config.SESSION_MAX_HOURS * 3600 };
}

/** Whether an Origin header, when the browser sent one, names this host: a cross-site page cannot pass. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    // Both through URL, so a default port written out (`:80`, `:443`) compares equal to one left out.
    return new URL(origin).host === new URL(`${req.protocol}://${req.host}`).host;
  } catch {
    return false;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

export default fp(
  async (app) => {
    await app.register(cookie);
    const { pool } = app.deps.db;
    const limits = sessionLimitsOf(app.deps.config);
    const byKey = (token: string): Promise<Staff | null> => staffByKeyHash(pool, hashApiKey(token));
    const sessionOf = async (req: FastifyRequest) => {
      const token = req.cookies[SESSION_COOKIE];
      return token ? staffBySessionToken(pool, token, limits) : null;
    };

    app.decorateRequest('staff', null);
    app.decorate('sessionOf', sessionOf);
    // Routes name requireRole as a preHandler; it runs first instead (onRequest), before the body is
    // read and validated, so a caller without a valid key learns nothing but 401 (not which fields are wrong).
    app.addHook('onRoute', (route) => {
      const pre = [route.preHandler ?? []].flat();
      const checks = pre.filter((h) => ROLE_CHECK in h);
      if (checks.length === 0) return;
      route.preHandler = pre.filter((h) => !(ROLE_CHECK in h));
      route.onRequest = [...checks, ...[route.onRequest ?? []].flat()] as typeof route.onRequest;
    });
    app.decorate('requireRole', (...roles: Role[]) =>
      Object.assign(
        async (req: FastifyRequest, reply: FastifyReply) => {
          // A request that names a key is judged by its key alone; otherwise by its session cookie.
          const bearer = req.headers.authorization === undefined ? null : (/^Bearer\s+(\S+)$/i.exec(req.headers.authorization)?.[1] ?? '');
          const session = bearer === null ? await sessionOf(req) : null;
          const staff = bearer ? await byKey(bearer) : session;
          if (!staff) {
            reply.header('WWW-Authenticate', 'Bearer');
            return reply.code(401).send({ error: 'unauthorized', field: 'authorization', message: 'sign in, or send a valid bearer token' });
          }
          if (session && !SAFE_METHODS.has(req.method)) {
            const sent = req.headers[CSRF_HEADER];
            if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken) || !sameOrigin(req)) {
              return reply.code(403).send({ error: 'csrf', message: 'a change from the console needs the X-CSRF-Token of its session, from this site' });
            }
          }
          if (staff.role !== 'admin' && !roles.includes(staff.role)) {
            return reply.code(403).send({ error: 'forbidden', message: `this needs the ${roles.join(' or ') || 'admin'} role` });
          }
          const reads = req.method === 'GET' || req.method === 'HEAD' || req.routeOptions.config.readOnly === true;
          if (staff.role === 'supervisor' && !reads) {
            return reply.code(403).send({ error: 'forbidden', message: 'supervisors read; changes need the admin role' });
          }
          req.staff = { id: staff.id, name: staff.name, role: staff.role, liaisonId: staff.liaisonId };
        },
        { [ROLE_CHECK]: true },
      ),
    );
  },
  { name: 'auth' },
);
