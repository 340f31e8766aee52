/**
 * A complaint about officials through the whole intake (信访工作条例 Art. 30):
 * opened with the supervisory zone, noticed only to its liaison, hidden from the
 * zone chain's liaisons in chat, the resident shown to admins only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Acceptor } from '../../src/intake/accept.js';
import { InboundProcessor } from '../../src/intake/process.js';
import { createLogger } from '../../src/core/log.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { LiaisonDesk } from '../../src/liaisons/desk.js';
import { Supervisor } from '../../src/supervision/supervisor.js';
import { DEFAULT_POLICY } from '../../src/supervision/deadlines.js';
import { officeHoursOf } from '../../src/catalog/calendar.js';
import { adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';
import { webMessageFrom } from '../helpers/messages.js';

let sys: TestSystem;
let acceptor: Acceptor;
let processor: InboundProcessor;
let supervisorHeaders: Record<string, string>;

beforeAll(async () => {
  sys = await startTestSystem({ role: 'http' });
  await seedDemoDistrict(sys.db.pool);
  sys.app!.deps.catalog.invalidate();
  acceptor = new Acceptor({ pool: sys.db.pool, queue: sys.queue, log: createLogger('silent'), timeZone: 'Asia/Shanghai' });
  processor = new InboundProcessor({
    pool: sys.db.pool,
    catalog: sys.app!.deps.catalog,
    classifier: sys.app!.deps.classifier,
    timeZone: 'Asia/Shanghai',
    triageZoneCode: 'district',
  });
  // Every liaison of the chain 第一居民小组 → 翠湖社区 → 华山街道 → 五华区, and the discipline office's, on Telegram.
  await sys.sql(`INSERT INTO liaison_chat (liaison_id, channel, address) SELECT id, 'telegram', 'chat-' || id FROM liaison WHERE phone = ANY($1)`, [
    ['+8613800000111', '+8613800000110', '+8613800000100', '+8613800000001', '+8613800009001'],
  ]);
  const key = `supervisor-key-${randomUUID()}`;
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('a supervisor', 'supervisor', encode(sha256($1::bytea), 'hex'))`, [key]);
  supervisorHeaders = { authorization: `Bearer ${key}` };
});
afterAll(() => sys.teardown());

async function submit(text: string): Promise<string> {
  const { messageId } = await acceptor.accept(webMessageFrom('+8613912345678', text), { reserveCaseNo: true });
  await processor.process([messageId]);
  const [row] = await sys.sql<{ case_no: string }>('SELECT c.case_no FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.id = $1', [messageId]);
  return row!.case_no;
}

const noticedPhones = (caseNo: string) =>
  sys.sql<{ phone: string }>(
    `SELECT l.phone FROM outbox o JOIN liaison_chat lc ON lc.address = o.to_address JOIN liaison l ON l.id = lc.liaison_id
     WHERE o.kind = 'liaison_notice' AND o.case_id = (SELECT id FROM "case" WHERE case_no = $1)`,
    [caseNo],
  );

describe('a complaint about a community cadre', () => {
  let caseNo: string;
  beforeAll(async () => {
    caseNo = await submit('我要反映翠湖社区居委会杨主任，办低保要收好处费，不给就一直拖着不办，态度还很恶劣');
  });

  it('should open the case with the discipline office, confidential, and notice its liaison only', async () => {
    const [c] = await sys.sql<{ code: string; confidential: boolean; category_code: string }>(
      'SELECT z.code, c.confidential, c.category_code FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.case_no = $1',
      [caseNo],
    );
    expect(c).toMatchObject({ code: 'wh-jw', confidential: true });
    expect((await noticedPhones(caseNo)).map((r) => r.phone)).toEqual(['+8613800009001']);
  });

  it("should keep it out of the zone chain's lists and refuse it to them in chat", async () => {
    // The district's liaison, whose zones are everything below the district, asks to see it in chat.
    const desk = LiaisonDesk.fromConfig(sys.config, sys.db.pool, sys.app!.deps.catalog);
    const [district] = await sys.sql<{ id: number; name: string }>(`SELECT id, name FROM liaison WHERE phone = '+8613800000001'`);
    await desk.handle(district!, `查看 ${caseNo}`, { channel: 'telegram', chatId: `chat-${district!.id}`, updateId: randomUUID() });
    const [answer] = await sys.sql<{ body: string }>(
      `SELECT m.body FROM outbox o JOIN message m ON m.id = o.message_id WHERE o.kind = 'liaison_answer' AND o.to_address = $1 ORDER BY o.id DESC LIMIT 1`,
      [`chat-${district!.id}`],
    );
    expect(answer!.body).not.toContain('好处费');
    expect(answer!.body).toContain(caseNo);
    const list = await sys.app!.inject({ method: 'GET', url: '/api/v1/cases?zone=wh-hs', headers: adminHeaders });
    expect(list.json().items.map((i: { caseNo: string }) => i.caseNo)).not.toContain(caseNo);
  });

  it('should show the resident to admins and not to supervisors', async () => {
    const asAdmin = (await sys.app!.inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: adminHeaders })).json();
    expect(asAdmin.contact.identities).toEqual([{ kind: 'phone', address: '+8613912345678' }]);
    const asSupervisor = await sys.app!.inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: supervisorHeaders });
    expect(asSupervisor.statusCode).toBe(200);
    expect(asSupervisor.json()).toMatchObject({ confidential: true, contact: null, replyAddress: '139****5678' });
  });
});

describe('an overdue complaint about officials', () => {
  it('should stay with the supervisory body: its own liaison is told again, no one of the zone chain', async () => {
    const caseNo = await submit('举报华山街道城管队员收摊贩的钱，不给就没收东西');
    const [kase] = await sys.sql<{ id: number; zone_id: number }>('SELECT id, zone_id FROM "case" WHERE case_no = $1', [caseNo]);
    const supervisor = new Supervisor({ pool: sys.db.pool, catalog: sys.app!.deps.catalog, office: officeHoursOf(sys.config), policy: DEFAULT_POLICY });
    const [{ id: timerId }] = (await sys.sql(`INSERT INTO case_timer (case_id, kind, due_at) VALUES ($1, 'deadline', now()) RETURNING id`, [kase!.id])) as [
      { id: number },
    ];
    expect(await supervisor.fire(timerId)).toBe('at_top');
    const [after] = await sys.sql<{ zone_id: number; overdue_at: Date | null; escalations: number }>(
      'SELECT zone_id, overdue_at, escalations FROM "case" WHERE id = $1',
      [kase!.id],
    );
    expect(after).toMatchObject({ zone_id: kase!.zone_id, escalations: 0 });
    expect(after!.overdue_at).not.toBeNull();
    expect((await noticedPhones(caseNo)).map((r) => r.phone)).toEqual(['+8613800009001', '+8613800009001']);
    expect(await sys.sql(`SELECT 1 FROM case_timer WHERE case_id = $1 AND kind = 'escalation'`, [kase!.id])).toHaveLength(0);
  });
});

describe('an ordinary complaint', () => {
  it('should go to the zone and its liaison, with its kind', async () => {
    const caseNo = await submit('物业把小区绿地改成收费停车位了，业主都不同意，物业还不听');
    const [c] = await sys.sql<{ code: string; confidential: boolean; kind: string }>(
      'SELECT z.code, c.confidential, c.kind FROM "case" c JOIN zone z ON z.id = c.zone_id WHERE c.case_no = $1',
      [caseNo],
    );
    expect(c).toMatchObject({ code: 'wh-hs-ch-01', confidential: false, kind: 'complaint' });
    expect((await noticedPhones(caseNo)).map((r) => r.phone)).toEqual(['+8613800000111']);
  });
});
