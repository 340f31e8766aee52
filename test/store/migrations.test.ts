import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from '../../src/store/db.js';
import { listMigrations, migrate, MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { diffSchemas } from '../../scripts/schema-diff.js';
import { createSchema, dropSchema, TEST_DATABASE_URL, uniqueName } from '../helpers/system.js';

const schema = uniqueName('mig');
const pool = createPool({ url: TEST_DATABASE_URL, schema });

beforeAll(() => createSchema(schema));
afterAll(async () => {
  await pool.end();
  await dropSchema(schema);
});

describe('migration runner', () => {
  it('should apply every migration once and record it the way prisma migrate deploy does', async () => {
    const all = await listMigrations();
    expect(await migrate(pool)).toEqual(all.map((m) => m.name));
    expect(await migrate(pool)).toEqual([]);
    const rows = (await pool.query('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name')).rows;
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(all.map((m) => [m.name, m.checksum]));
    const categories = (await pool.query('SELECT code FROM category ORDER BY sort_order')).rows.map((r) => r.code);
    expect(categories).toEqual([
      'employment',
      'housing',
      'education',
      'medical',
      'social_security',
      'environment',
      'public_safety',
      'infrastructure',
      'dispute',
      'consultation',
      'conduct',
      'other',
    ]);
  });

  it('should refuse to run when an applied migration was edited', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await listMigrations(dir);
      await writeFile(join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited`);
      await expect(migrate(pool, dir)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('schema and migrations agree', () => {
  it('should have a migration for every change to prisma/schema.prisma', async () => {
    const latest = (await listMigrations()).at(-1)!;
    const snapshot = await readFile(join(MIGRATIONS_DIR, latest.name, 'schema.prisma'), 'utf8');
    const current = await readFile(join(MIGRATIONS_DIR, '..', 'schema.prisma'), 'utf8');
    const pending = await diffSchemas(snapshot, current, TEST_DATABASE_URL);
    expect(pending).not.toMatch(/CREATE|ALTER|DROP/);
  });

  it("should get CREATE TABLE statements from Prisma's wasm schema engine", async () => {
    const sql = await diffSchemas(null, 'datasource db {\n  provider = "postgresql"\n}\nmodel Probe {\n  id Int @id\n}\n', TEST_DATABASE_URL);
    expect(sql).toContain('CREATE TABLE "Probe"');
  });
});
