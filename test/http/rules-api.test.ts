import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { BusinessCalendar } from '../../src/catalog/calendar.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';

let sys: TestSystem;
const app = () => sys.app!;
const SUPERVISOR = { authorization: 'Bearer rules-supervisor-token-0123' };

beforeAll(async () => {
  // Unsigned SMS webhooks (no Twilio token, demo switch on) let this file text in as a resident.
  sys = await startTestSystem({ env: { OUTBOX_WAKE_DELAY_MS: '0', TWILIO_WEBHOOK_INSECURE: 'true' } });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('supervisor', 'supervisor', $1)`, [hashApiKey('rules-supervisor-token-0123')]);
});
afterAll(() => sys.teardown());

const post = (payload: unknown, headers = adminHeaders) => app().inject({ method: 'POST', url: '/api/v1/rules', headers, payload: payload as object });

async function caseFor(text: string) {
  const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text } });
  const { caseNo } = res.json();
  const [row] = await eventually(() =>
    sys
      .sql<{ code: string; routing: { rules?: { matched: { id: number }[] } }; created_at: Date; deadline_at: Date }>(
        `SELECT z.code, c.routing, c.created_at, c.deadline_at
       FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.case_no = $1`,
        [caseNo],
      )
      .then((rows) => (rows.length ? rows : null)),
  );
  return row!;
}

describe('rules that cannot work are refused, naming why', () => {
  it.each([
    ['an invalid regular expression', { conditions: { pattern: '(unclosed' }, action: { tags: ['x'] } }, 'conditions.pattern'],
    ['an unknown channel', { conditions: { channels: ['fax'] }, action: { tags: ['x'] } }, 'conditions.channels'],
    ['an unknown category', { conditions: { categories: ['astrology'] }, action: { tags: ['x'] } }, 'conditions.categories'],
    ['an unknown zone to send to', { conditions: { keywords: ['井盖'] }, action: { zoneCode: 'nowhere' } }, 'action.zoneCode'],
    ['an unknown liaison', { conditions: { keywords: ['井盖'] }, action: { liaisonId: 99999 } }, 'action.liaisonId'],
    ['an empty keyword list', { conditions: { keywords: [] }, action: { tags: ['x'] } }, 'conditions.keywords'],
    ['a rule that does nothing', { conditions: { keywords: ['井盖'] }, action: {} }, 'action'],
    ['an unknown condition', { conditions: { moonPhase: 'full' }, action: { tags: ['x'] } }, 'conditions'],
  ])('should refuse %s', async (_title, rule, field) => {
    const res = await post({ name: 'bad', ...rule });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(await sys.sql('SELECT 1 FROM routing_rule')).toHaveLength(0);
  });

  it('should let only admins create rules', async () => {
    expect((await post({ name: 'x', conditions: {}, action: { tags: ['x'] } }, SUPERVISOR)).statusCode).toBe(403);
  });
});

describe('a rule created through the API', () => {
  it('should change where the next matching message goes, and show in its evidence and the simulator', async () => {
    expect((await caseFor('小区门口的井盖丢了')).code).toBe('district');
    const created = await post({
      name: '井盖归大观街道',
      priority: 10,
      conditions: { keywords: ['井盖'] },
      action: { zoneCode: 'wh-dg', deadlineHours: 24, tags: ['市政'] },
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ version: 1, active: true });

    await eventually(async () => (await caseFor('又一个井盖丢了，很危险')).code === 'wh-dg', 15_000, 500);
    const routed = await caseFor('路口井盖松了');
    expect(routed.code).toBe('wh-dg');
    // 24 hours is one working day of office time after the case came in.
    const calendar = new BusinessCalendar([], { hours: '09:00-17:30', days: 'Mon,Tue,Wed,Thu,Fri', timeZone: 'Asia/Shanghai' });
    expect(Math.abs(routed.deadline_at.getTime() - calendar.addWorkingMinutes(routed.created_at, 510).getTime())).toBeLessThan(5_000);
    expect(routed.routing.rules!.matched.map((m) => m.id)).toEqual([rule.id]);

    const sim = await app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers: SUPERVISOR, payload: { text: '井盖丢了' } });
    expect(sim.json()).toMatchObject({ zone: { code: 'wh-dg' }, matchedRules: [{ id: rule.id, name: '井盖归大观街道', version: 1 }] });
  });

  it('should keep every version with who made it, and stop applying once deleted', async () => {
    const [{ id }] = (await app().inject({ method: 'GET', url: '/api/v1/rules', headers: SUPERVISOR })).json().items;
    const put = await app().inject({
      method: 'PUT',
      url: `/api/v1/rules/${id}`,
      headers: adminHeaders,
      payload: { name: '井盖归华山街道', conditions: { keywords: ['井盖'] }, action: { zoneCode: 'wh-hs' } },
    });
    expect(put.json()).toMatchObject({ version: 2, name: '井盖归华山街道' });
    expect((await app().inject({ method: 'DELETE', url: `/api/v1/rules/${id}`, headers: adminHeaders })).statusCode).toBe(204);
    const versions = await sys.sql<{ version: number; actor: string }>('SELECT version, actor FROM routing_rule_version WHERE rule_id = $1 ORDER BY version', [
      id,
    ]);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions.every((v) => v.actor.startsWith('user:'))).toBe(true);
    const sim = await app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers: adminHeaders, payload: { text: '井盖丢了' } });
    expect(sim.json().matchedRules).toEqual([]);
  });
});

describe('tags and the joint meeting (联席会议)', () => {
  it("should put a rule's tags and joint-meeting flag on the case, filterable in the case list, with a timeline event", async () => {
    const created = await post({ name: '拆迁多部门', conditions: { keywords: ['拆迁'] }, action: { tags: ['拆迁', '多部门'], jointMeeting: true } });
    expect(created.statusCode).toBe(201);
    await eventually(async () => ((await caseFor('城中村拆迁补偿迟迟不到位')).routing.rules?.matched.length ?? 0) > 0, 15_000, 500);
    const other = await caseFor('楼下的路灯坏了');
    expect(other.routing.rules).toBeUndefined();

    const list = async (query: string) =>
      (await app().inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: adminHeaders })).json().items as {
        caseNo: string;
        tags: string[];
        jointMeeting: boolean;
      }[];
    const tagged = await list(`tag=${encodeURIComponent('多部门')}`);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((c) => c.jointMeeting && c.tags.includes('拆迁'))).toBe(true);
    expect((await list('jointMeeting=true')).map((c) => c.caseNo)).toEqual(tagged.map((c) => c.caseNo));
    const notSent = await list('jointMeeting=false');
    expect(notSent.length).toBeGreaterThan(0);
    expect(notSent.every((c) => !c.jointMeeting && !c.tags.includes('多部门'))).toBe(true);

    const detail = (await app().inject({ method: 'GET', url: `/api/v1/cases/${tagged[0]!.caseNo}`, headers: adminHeaders })).json();
    expect(detail.timeline.map((e: { event?: string }) => e.event)).toContain('sent_to_joint_meeting');
    await app().inject({ method: 'DELETE', url: `/api/v1/rules/${created.json().id}`, headers: adminHeaders });
  });
});

describe('answering on the spot (现场答疑)', () => {
  const text = (body: string, sid: string, from = '+8613800006060') =>
    app().inject({
      method: 'POST',
      url: '/webhooks/twilio/sms',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ MessageSid: sid, From: from, To: '+8687163600000', Body: body }).toString(),
    });
  const caseOf = (sid: string) =>
    eventually(() =>
      sys
        .sql<{ id: number; status: string; body: string }>(
          `SELECT c.id, c.status, (SELECT m.body FROM message m JOIN outbox o ON o.message_id = m.id WHERE m.case_id = c.id AND o.kind = 'receipt') AS body
         FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.provider_message_id = $1`,
          [sid],
        )
        .then((rows) => (rows.length ? rows[0] : null)),
    );

  it('should answer with the canned text and close the case, and reopen it when the resident writes again', async () => {
    const answer = '居住证请到所在街道便民服务中心办理，带身份证和租房合同。';
    expect((await post({ name: '居住证咨询', priority: 5, conditions: { keywords: ['居住证'] }, action: { answer } })).statusCode).toBe(201);
    await eventually(
      async () =>
        (await app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers: adminHeaders, payload: { text: '居住证' } })).json().matchedRules
          .length === 1,
      15_000,
      500,
    );

    expect((await text('请问居住证怎么办？', 'SM-answer-0001')).statusCode).toBe(200);
    const answered = await caseOf('SM-answer-0001');
    expect(answered.status).toBe('closed');
    expect(answered.body).toContain(answer);
    expect(await sys.sql(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'answered_on_the_spot'`, [answered.id])).toHaveLength(1);

    await text('我没有租房合同怎么办', 'SM-answer-0002');
    const again = await caseOf('SM-answer-0002');
    expect(again.id).toBe(answered.id);
    expect(again.status).toBe('reopened');
  });

  it('should never answer a message about immediate danger with a canned text', async () => {
    await text('居住证办理大厅着火了，浓烟很大', 'SM-answer-0003', '+8613800006161'); // a resident with no earlier case
    const kase = await caseOf('SM-answer-0003');
    expect(kase.status).toBe('registered');
    expect(kase.body).toMatch(/^如有危险请立即拨打119/);
  });
});

describe('a rule that fails while running', () => {
  it('should be skipped and counted, and the message routed anyway', async () => {
    // Only reachable by editing the table directly: the API refuses invalid patterns.
    await sys.sql(`INSERT INTO routing_rule (name, priority, conditions, action) VALUES ('broken', 1, '{"pattern": "(unclosed"}', '{"zoneCode": "wh-pj"}')`);
    // Once the rule is loaded (the catalog is cached for a few seconds) it fails, is counted, and is skipped.
    await eventually(
      async () => {
        const sim = await app().inject({ method: 'POST', url: '/api/v1/router/simulate', headers: adminHeaders, payload: { text: '路灯坏了' } });
        expect(sim.statusCode).toBe(200);
        expect(sim.json().matchedRules).toEqual([]);
        const metrics = await app().inject({ method: 'GET', url: '/metrics' });
        return /minqing_rule_errors_total [1-9]/.test(metrics.body);
      },
      15_000,
      500,
    );
    const routed = await caseFor('翠湖南路路灯坏了');
    expect(routed.code).toBe('wh-hs-ch');
  });
});
