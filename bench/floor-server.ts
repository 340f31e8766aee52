/**
 * The floor the gateway is measured against: a bare Fastify route that does
 * the least any durable intake must do, one PostgreSQL insert and one Redis
 * append, then answers 202.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { Redis } from 'ioredis';

const { DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, PORT, QUEUE_PREFIX } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 20, options: `-c search_path=${DATABASE_SCHEMA}` });
const redis = new Redis(REDIS_URL!);
await pool.query('CREATE TABLE IF NOT EXISTS floor_message (id serial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');

const app = Fastify({ bodyLimit: 1024 * 1024 });
app.post('/floor', async (req, reply) => {
  const { rows } = await pool.query<{ id: number }>('INSERT INTO floor_message (body) VALUES ($1) RETURNING id', [JSON.stringify(req.body)]);
  await redis.rpush(`${QUEUE_PREFIX}:floor`, String(rows[0]!.id));
  return reply.code(202).send({ id: rows[0]!.id });
});
await app.listen({ host: '127.0.0.1', port: Number(PORT) });
process.on('SIGTERM', () => void stop());
async function stop() {
  await app.close();
  await pool.end();
  redis.disconnect();
  process.exit(0);
}
