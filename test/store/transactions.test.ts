import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, inTransaction } from '../../src/store/db.js';
import { createSchema, dropSchema, TEST_DATABASE_URL, uniqueName } from '../helpers/system.js';

const schema = uniqueName('tx');
const pool = createPool({ url: TEST_DATABASE_URL, schema, poolSize: 3 });
const names = async () => (await pool.query<{ name: string }>('SELECT name FROM item ORDER BY name')).rows.map((r) => r.name);

beforeAll(async () => {
  await createSchema(schema);
  await pool.query('CREATE TABLE item (name text PRIMARY KEY)');
});
afterAll(async () => {
  await pool.end();
  await dropSchema(schema);
});

describe('inTransaction', () => {
  it('should commit every statement on a pool when the work returns', async () => {
    await inTransaction(pool, async (tx) => {
      await tx.query(`INSERT INTO item VALUES ('a1'), ('a2')`);
    });
    expect(await names()).toEqual(expect.arrayContaining(['a1', 'a2']));
  });

  it('should leave nothing of the work when a later statement fails', async () => {
    await expect(
      inTransaction(pool, async (tx) => {
        await tx.query(`INSERT INTO item VALUES ('b1')`);
        await tx.query(`INSERT INTO no_such_table VALUES (1)`);
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(await names()).not.toContain('b1');
  });

  it("should run inside the caller's transaction when handed its client, undoing only the failed part", async () => {
    await inTransaction(pool, async (outer) => {
      await outer.query(`INSERT INTO item VALUES ('c1')`);
      await inTransaction(outer, async (inner) => inner.query(`INSERT INTO item VALUES ('c2')`));
      await expect(
        inTransaction(outer, async (inner) => {
          await inner.query(`INSERT INTO item VALUES ('c3')`);
          await inner.query(`INSERT INTO item VALUES ('c1')`); // duplicate key
        }),
      ).rejects.toThrow(/duplicate key/);
      await outer.query(`INSERT INTO item VALUES ('c4')`);
    });
    expect((await names()).filter((n) => n.startsWith('c'))).toEqual(['c1', 'c2', 'c4']);
  });

  it("should undo the nested work with the caller's transaction when the caller fails afterwards", async () => {
    await expect(
      inTransaction(pool, async (outer) => {
        await inTransaction(outer, async (inner) => inner.query(`INSERT INTO item VALUES ('d1')`));
        throw new Error('caller gave up');
      }),
    ).rejects.toThrow('caller gave up');
    expect(await names()).not.toContain('d1');
  });

  it('should refuse a client that is in no transaction rather than commit statement by statement', async () => {
    const client = await pool.connect();
    try {
      await expect(inTransaction(client, async (tx) => tx.query(`INSERT INTO item VALUES ('e1')`))).rejects.toThrow(/transaction block/);
    } finally {
      client.release();
    }
    expect(await names()).not.toContain('e1');
  });
});
