/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the last migration's schema snapshot to prisma/schema.prisma.
 * Each migration folder keeps the schema it was made from (schema.prisma), so the next
 * diff needs no database structure read (which Prisma's engine cannot do offline here).
 * Hand-written SQL (sequences, seed rows) may be appended to the generated file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffSchemas } from './schema-diff.js';
import { listMigrations, MIGRATIONS_DIR } from '../src/store/migrate.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case>');
  process.exit(2);
}
const current = await readFile('prisma/schema.prisma', 'utf8');
const previous = (await listMigrations()).at(-1);
const from = previous ? await readFile(join(MIGRATIONS_DIR, previous.name, 'schema.prisma'), 'utf8') : null;
const sql = await diffSchemas(from, current, process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
if (!sql.trim() || sql.includes('This is an empty migration')) {
  console.log('schema.prisma has not changed since the last migration');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'migration.sql'), sql);
await writeFile(join(dir, 'schema.prisma'), current);
console.log(`wrote ${dir}/migration.sql`);
