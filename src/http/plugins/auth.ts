/**
 * Bearer-token auth for staff. Keys are stored as SHA-256 hashes; ADMIN_TOKEN
 * bootstraps the first admin key at start-up. Lookups are cached briefly so a
 * busy admin screen does not hit the database on every request.
 */
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type pg from 'pg';

export type Role = 'admin' | 'supervisor';

export interface Staff {
  id: number;
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
  }
  interface FastifyInstance {
    /** A preHandler allowing only staff holding one of `roles` (admin always passes). */
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
  }
}

const CACHE_MS = 30_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Make sure the bootstrap admin key exists (idempotent). */
export async function ensureBootstrapAdmin(pool: pg.Pool, token: string): Promise<void> {
  await pool.query(
    `INSERT INTO app_user (name, role, api_key_hash) VALUES ('admin (ADMIN_TOKEN)', 'admin', $1)
     ON CONFLICT (api_key_hash) DO NOTHING`,
    [hashApiKey(token)],
  );
}

export default fp(
  async (app) => {
    const cache = new Map<string, { staff: Staff | null; until: number }>();

    async function lookup(token: string): Promise<Staff | null> {
      const hash = hashApiKey(token);
      const hit = cache.get(hash);
      if (hit && hit.until > Date.now()) return hit.staff;
      const { rows } = await app.deps.db.pool.query<Staff>(
        'SELECT id, name, role FROM app_user WHERE api_key_hash = $1 AND NOT disabled',
        [hash],
      );
      const staff = rows[0] ?? null;
      cache.set(hash, { staff, until: Date.now() + CACHE_MS });
      return staff;
    }

    app.decorateRequest('staff', null);
    app.decorate('requireRole', (...roles: Role[]) => async (req: FastifyRequest, reply: FastifyReply) => {
      const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      const staff = match ? await lookup(match[1]!) : null;
      if (!staff) {
        reply.header('WWW-Authenticate', 'Bearer');
        return reply.code(401).send({ error: 'unauthorized', field: 'authorization', message: 'a valid bearer token is required' });
      }
      if (staff.role !== 'admin' && !roles.includes(staff.role)) {
        return reply.code(403).send({ error: 'forbidden', message: `this needs the ${roles.join(' or ') || 'admin'} role` });
      }
      req.staff = staff;
    });
  },
  { name: 'auth' },
);
