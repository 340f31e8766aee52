/**
 * One pg pool per process. All data access is SQL through it: the hot path
 * (src/intake, src/workers) and the repositories of each domain module (plain
 * functions taking a Queryable). Prisma keeps the schema and the migrations
 * only (prisma/); there is no ORM client at run time.
 */
import pg from 'pg';

export interface Db {
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DbOptions {
  url: string;
  schema?: string;
  poolSize?: number;
  /**
   * Commit without waiting for the WAL flush. Only for work that is derived from
   * rows already committed durably and is redone if lost (see InboundProcessor).
   */
  asyncCommit?: boolean;
}

export function createPool({ url, schema, poolSize = 20, asyncCommit = false }: DbOptions): pg.Pool {
  // Unqualified names in raw SQL and migrations resolve to the configured schema.
  const settings = [schema && `-c search_path=${schema}`, asyncCommit && '-c synchronous_commit=off'].filter(Boolean);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    options: settings.length ? settings.join(' ') : undefined,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

export function createDb(options: DbOptions): Db {
  const pool = createPool(options);
  return { pool, close: () => pool.end() };
}

/** A pool, or one client of it inside a transaction: what statement helpers run on. */
export type Queryable = pg.Pool | pg.PoolClient;

/** Whether the database is reachable (the readiness check). */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

const isClient = (db: Queryable): db is pg.PoolClient => typeof (db as pg.PoolClient).release === 'function';
let savepoints = 0;

/**
 * Runs `work` in one transaction on one client: committed when it returns, rolled back when it throws.
 * Handed a client, `work` runs inside that client's transaction, under a savepoint: a failure undoes
 * `work` alone and the caller decides; PostgreSQL refuses a savepoint on a client that is in no
 * transaction, so a caller that forgot its own transaction fails loudly instead of committing piecemeal.
 */
export async function inTransaction<T>(db: Queryable, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (isClient(db)) return underSavepoint(db, work);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function underSavepoint<T>(client: pg.PoolClient, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const name = `nested_${++savepoints}`;
  await client.query(`SAVEPOINT ${name}`);
  try {
    const result = await work(client);
    await client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
    throw err;
  }
}
