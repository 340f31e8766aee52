/**
 * Every change made through the staff API is one transaction with its audit
 * entry: when the audit write fails (a trigger refuses it here), the request
 * fails and no table has changed. The same request without the trigger
 * succeeds and changes something, so each row proves its write is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const app = () => sys.app!;

beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
});
afterAll(() => sys.teardown());

interface Request {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: Record<string, unknown>;
}

async function call(r: Request) {
  return app().inject({ ...r, headers: adminHeaders });
}

async function created(r: Request): Promise<Record<string, unknown>> {
  const res = await call(r);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

/** A case of its own for a row, opened by the workers, with its receipt sent (nothing left in flight). */
async function openCase(text: string): Promise<{ caseNo: string; id: number }> {
  const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text, zoneCode: 'wh-hs-ch-01', phone: '13900001111' } });
  expect(res.statusCode).toBe(202);
  const { caseNo } = res.json();
  const [kase] = await eventually(() => sys.sql<{ id: number }>(`SELECT id FROM "case" WHERE case_no = $1`, [caseNo]).then((r) => (r.length ? r : null)));
  await quiet();
  return { caseNo, id: kase!.id };
}

/** No send in flight and no message waiting for the workers: nothing changes the tables in the background. */
async function quiet(): Promise<void> {
  await eventually(async () => {
    const [busy] = await sys.sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending'))::int
            + (SELECT count(*) FROM message WHERE direction = 'in' AND status IN ('received', 'unqueued'))::int AS n`,
    );
    return busy!.n === 0;
  });
}

/** A digest of every table of the test's schema. */
async function tables(): Promise<Record<string, string>> {
  const names = await sys.sql<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const digests = await Promise.all(
    names.map(
      async ({ name }) =>
        (await sys.sql<{ digest: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`))[0]!.digest,
    ),
  );
  return Object.fromEntries(names.map(({ name }, i) => [name, digests[i]!]));
}

const rows: [string, () => Promise<Request>][] = [
  [
    'a routing rule, its first version',
    async () => ({ method: 'POST', url: '/api/v1/rules', payload: { name: '原子规则', conditions: { keywords: ['原子'] }, action: { tags: ['原子'] } } }),
  ],
  [
    "a rule's next version",
    async () => {
      const rule = await created({
        method: 'POST',
        url: '/api/v1/rules',
        payload: { name: '将被替换', conditions: { keywords: ['替换'] }, action: { tags: ['替换'] } },
      });
      return {
        method: 'PUT',
        url: `/api/v1/rules/${String(rule.id)}`,
        payload: { name: '已替换', conditions: { keywords: ['替换'] }, action: { tags: ['已替换'] } },
      };
    },
  ],
  [
    "a rule's deletion and its last version",
    async () => {
      const rule = await created({
        method: 'POST',
        url: '/api/v1/rules',
        payload: { name: '将被删除', conditions: { keywords: ['删除'] }, action: { tags: ['删除'] } },
      });
      return { method: 'DELETE', url: `/api/v1/rules/${String(rule.id)}` };
    },
  ],
  [
    'a zone',
    async () => ({ method: 'POST', url: '/api/v1/zones', payload: { code: 'wh-hs-atomic', name: '原子社区', level: 'community', parentCode: 'wh-hs' } }),
  ],
  [
    'a change to a zone',
    async () => ({ method: 'PATCH', url: '/api/v1/zones/wh-hs-ch', payload: { aliases: ['翠湖', '原子路'], phoneNumbers: ['+86 871 6361 3333'] } }),
  ],
  [
    'a category',
    async () => ({ method: 'POST', url: '/api/v1/categories', payload: { code: 'atomic_test', nameZh: '原子', nameEn: 'Atomic', deadlineHours: 24 } }),
  ],
  ['a change to a category', async () => ({ method: 'PATCH', url: '/api/v1/categories/housing', payload: { deadlineHours: 100 } })],
  [
    'a knowledge-base answer',
    async () => ({
      method: 'POST',
      url: '/api/v1/knowledge',
      payload: { slug: 'atomic-answer', questions: ['原子问题怎么办'], answerZh: '这样办。', answerEn: 'Like this.' },
    }),
  ],
  [
    'a change to an answer',
    async () => {
      const entry = await created({
        method: 'POST',
        url: '/api/v1/knowledge',
        payload: { slug: 'atomic-changed', questions: ['将被修改的问题'], answerZh: '旧答复。', answerEn: 'Old.' },
      });
      return { method: 'PATCH', url: `/api/v1/knowledge/${String(entry.id)}`, payload: { answerZh: '新答复。', validUntil: '2031-12-31' } };
    },
  ],
  [
    'a retired answer',
    async () => {
      const entry = await created({
        method: 'POST',
        url: '/api/v1/knowledge',
        payload: { slug: 'atomic-retired', questions: ['将被停用的问题'], answerZh: '答复。', answerEn: 'Answer.' },
      });
      return { method: 'DELETE', url: `/api/v1/knowledge/${String(entry.id)}` };
    },
  ],
  ['a liaison', async () => ({ method: 'POST', url: '/api/v1/liaisons', payload: { name: '原子联络员', phone: '13800007001' } })],
  [
    "a liaison's bind code",
    async () => {
      const liaison = await created({ method: 'POST', url: '/api/v1/liaisons', payload: { name: '绑定联络员', phone: '13800007002' } });
      return { method: 'POST', url: `/api/v1/liaisons/${String(liaison.id)}/bind-code` };
    },
  ],
  [
    "a liaison's revoked chat",
    async () => {
      const liaison = await created({ method: 'POST', url: '/api/v1/liaisons', payload: { name: '解绑联络员', phone: '13800007003' } });
      const [chat] = await sys.sql<{ id: number }>(`INSERT INTO liaison_chat (liaison_id, channel, address) VALUES ($1, 'telegram', '7003') RETURNING id`, [
        liaison.id,
      ]);
      return { method: 'DELETE', url: `/api/v1/liaisons/${String(liaison.id)}/chats/${chat!.id}` };
    },
  ],
  [
    "a year's business calendar",
    async () => ({ method: 'PUT', url: '/api/v1/calendar/2031', payload: { days: [{ date: '2031-10-01', workday: false, name: '国庆节' }] } }),
  ],
  [
    "a leader's visit",
    async () => ({
      method: 'POST',
      url: '/api/v1/visits',
      payload: { zoneCode: 'wh-hs', leader: '原子书记', level: 'street', visitedAt: new Date().toISOString() },
    }),
  ],
  [
    "a case's corrected category, its event and training example",
    async () => {
      const { caseNo } = await openCase('原子测试：小区的房子漏水了');
      return { method: 'POST', url: `/api/v1/cases/${caseNo}/category`, payload: { category: 'housing' } };
    },
  ],
  [
    'an answered case: its status, event, cancelled timers and return visit',
    async () => {
      const { caseNo } = await openCase('原子测试：路灯坏了');
      return { method: 'POST', url: `/api/v1/cases/${caseNo}/status`, payload: { status: 'answered', note: '已修好' } };
    },
  ],
  [
    'a closed case reopened: new deadline, timers and the notice to its liaison',
    async () => {
      const { caseNo } = await openCase('原子测试：垃圾没人清运');
      await created({ method: 'POST', url: `/api/v1/cases/${caseNo}/status`, payload: { status: 'closed', note: '已清运' } });
      await quiet();
      return { method: 'POST', url: `/api/v1/cases/${caseNo}/status`, payload: { status: 'in_progress', note: '居民说又堆满了' } };
    },
  ],
  [
    "a case's moved deadline and its timers",
    async () => {
      const { caseNo } = await openCase('原子测试：楼道灯不亮');
      return { method: 'PATCH', url: `/api/v1/cases/${caseNo}/deadline`, payload: { deadlineAt: new Date(Date.now() + 10 * 86_400_000).toISOString() } };
    },
  ],
  [
    'a failed send put back in the queue',
    async () => {
      const { id } = await openCase('原子测试：水管爆了');
      const [send] = await sys.sql<{ id: number }>(`UPDATE outbox SET status = 'failed' WHERE case_id = $1 AND kind = 'receipt' RETURNING id`, [id]);
      return { method: 'POST', url: `/api/v1/outbox/${send!.id}/retry` };
    },
  ],
  ["a zone's contact card", async () => ({ method: 'POST', url: '/api/v1/zones/wh-hs-ch/cards', payload: {} })],
  [
    'a rotated contact card',
    async () => {
      const card = await created({ method: 'POST', url: '/api/v1/zones/wh-hs-yt/cards', payload: {} });
      return { method: 'POST', url: `/api/v1/cards/${String(card.id)}/rotate` };
    },
  ],
  [
    'a revoked contact card',
    async () => {
      const card = await created({ method: 'POST', url: '/api/v1/zones/wh-hs-wl/cards', payload: {} });
      return { method: 'POST', url: `/api/v1/cards/${String(card.id)}/revoke` };
    },
  ],
];

describe('a staff change whose audit entry cannot be written', () => {
  it.each(rows)('should leave nothing of %s', async (_what, prepare) => {
    const request = await prepare();
    await quiet();
    const before = await tables();
    await sys.sql('CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit()');
    try {
      expect((await call(request)).statusCode).toBe(500);
    } finally {
      await sys.sql('DROP TRIGGER refuse_audit ON audit_event');
    }
    expect(await tables()).toEqual(before);

    const res = await call(request);
    expect(res.statusCode, res.body).toBeLessThan(300);
    const after = await tables();
    expect(after.audit_event).not.toBe(before.audit_event);
    // The change itself, not only its audit entry.
    expect(Object.keys(after).filter((t) => t !== 'audit_event' && after[t] !== before[t])).not.toEqual([]);
  });
});
