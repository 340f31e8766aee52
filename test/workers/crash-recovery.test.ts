/**
 * A worker process killed with SIGKILL in the middle of its jobs, then a new
 * one started: every accepted message ends up with exactly one case and one
 * receipt. Real processes, real PostgreSQL and Redis.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { startWorkerProcess } from '../helpers/processes.js';

const MESSAGES = 1000;
let sys: TestSystem;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Short leases so the second worker takes over the killed one's jobs and sends within seconds;
  // small jobs so the first worker is surely in the middle of its work when it is killed.
  sys = await startTestSystem({
    role: 'http',
    env: { JOB_LOCK_MS: '2000', OUTBOX_LEASE_SECONDS: '2', INTAKE_CONCURRENCY: '2', INTAKE_BATCH_MAX: '10' },
  });
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await sys.teardown();
});

function startWorker(): ChildProcess {
  const child = startWorkerProcess(sys.env);
  children.push(child);
  return child;
}

const count = async (sql: string) => (await sys.sql<{ n: number }>(sql))[0]!.n;

it('should lose nothing and send no receipt twice when a worker is killed mid-job and another takes over', async () => {
  for (let i = 0; i < MESSAGES; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) =>
        sys.app!.inject({
          method: 'POST',
          url: '/api/v1/intake/web',
          payload: { text: `第${i + j}号：楼下烧烤油烟很大`, phone: `1380001${String(i + j).padStart(4, '0')}` },
        }),
      ),
    );
  }
  expect(await count(`SELECT count(*)::int AS n FROM message WHERE direction = 'in'`)).toBe(MESSAGES);

  const first = startWorker();
  await eventually(() => count('SELECT count(*)::int AS n FROM "case"').then((n) => n >= 30), 30_000, 10);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const processedAtKill = await count('SELECT count(*)::int AS n FROM "case"');
  expect(processedAtKill).toBeLessThan(MESSAGES); // it really died with work left

  startWorker();
  await eventually(() => count(`SELECT count(*)::int AS n FROM outbox WHERE status = 'sandboxed'`).then((n) => n === MESSAGES), 45_000, 100);
  expect(await count(`SELECT count(*)::int AS n FROM message WHERE direction = 'in' AND case_id IS NULL`)).toBe(0);
  expect(await count('SELECT count(*)::int AS n FROM "case"')).toBe(MESSAGES);
  expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'receipt'`)).toBe(MESSAGES);
  expect(await count(`SELECT count(DISTINCT case_id)::int AS n FROM outbox WHERE kind = 'receipt'`)).toBe(MESSAGES);
}, 120_000);
