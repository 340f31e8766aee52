/**
 * Bearer-token auth for staff. Keys are stored as SHA-256 hashes; ADMIN_TOKEN
 * bootstraps the first admin key at start-up. Every request reads its key
 * (one indexed row), so a disabled key stops working at once: no cache.
 *
 * Roles: `admin` reads and changes everything; `supervisor` only reads
 * (a supervisor's write is refused with 403 whatever the route allows).
 */
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Queryable } from '../../store/db.js';
import { addStaffKey, staffByKeyHash, type Role, type Staff } from '../../store/staff.js';

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
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A POST that changes nothing (a simulation): supervisors may call it. */
    readOnly?: boolean;
  }
}

const ROLE_CHECK = Symbol('requireRole');

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Make sure the bootstrap admin key exists (idempotent). */
export async function ensureBootstrapAdmin(db: Queryable, token: string): Promise<void> {
  await addStaffKey(db, { name: 'admin (ADMIN_TOKEN)', role: 'admin', keyHash: hashApiKey(token) });
}

export default fp(
  async (app) => {
    const lookup = (token: string): Promise<Staff | null> => staffByKeyHash(app.deps.db.pool, hashApiKey(token));

    app.decorateRequest('staff', null);
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
          const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
          const staff = match ? await lookup(match[1]!) : null;
          if (!staff) {
            reply.header('WWW-Authenticate', 'Bearer');
            return reply.code(401).send({ error: 'unauthorized', field: 'authorization', message: 'a valid bearer token is required' });
          }
          if (staff.role !== 'admin' && !roles.includes(staff.role)) {
            return reply.code(403).send({ error: 'forbidden', message: `this needs the ${roles.join(' or ') || 'admin'} role` });
          }
          const reads = req.method === 'GET' || req.method === 'HEAD' || req.routeOptions.config.readOnly === true;
          if (staff.role === 'supervisor' && !reads) {
            return reply.code(403).send({ error: 'forbidden', message: 'supervisors read; changes need the admin role' });
          }
          req.staff = staff;
        },
        { [ROLE_CHECK]: true },
      ),
    );
  },
  { name: 'auth' },
);
