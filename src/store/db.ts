/**
 * One pg pool per process, shared by the Prisma client (admin and reporting
 * queries) and the hot path's raw SQL (src/intake, src/workers), which
 * cannot afford several ORM round trips per message (see FACTS.md).
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export interface Db {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface DbOptions {
  url: string;
  schema?: string;
  poolSize?: number;
}

export function createPool({ url, schema, poolSize = 20 }: DbOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    // Unqualified names in raw SQL and migrations resolve to the configured schema.
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

export function createDb(options: DbOptions): Db {
  const pool = createPool(options);
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, options.schema ? { schema: options.schema } : undefined),
  });
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
