/**
 * A message about immediate danger texts every liaison from its zone up to the
 * district at once, with the resident's number masked, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log.js';
import { Acceptor } from '../../src/intake/accept.js';
import { InboundProcessor } from '../../src/intake/process.js';
import { Catalog } from '../../src/catalog/catalog.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import { webMessageFrom } from '../helpers/messages.js';

let sys: TestSystem;
let acceptor: Acceptor;
let processor: InboundProcessor;

beforeAll(async () => {
  // The HTTP role only: the worker step is driven by hand, twice where it matters.
  sys = await startTestSystem({ role: 'http' });
  await seedDemoDistrict(sys.db.pool);
  acceptor = new Acceptor({ pool: sys.db.pool, queue: sys.queue, log: createLogger('silent'), timeZone: 'Asia/Shanghai' });
  processor = new InboundProcessor({
    pool: sys.db.pool,
    catalog: new Catalog(sys.db.pool),
    classifier: sys.app!.deps.classifier,
    timeZone: 'Asia/Shanghai',
    triageZoneCode: 'district',
  });
});
afterAll(() => sys.teardown());

async function submit(text: string): Promise<number> {
  const { messageId } = await acceptor.accept(webMessageFrom('+8613912345678', text), { reserveCaseNo: true });
  await processor.process([messageId]);
  await processor.process([messageId]); // a redelivered job
  return messageId;
}

const alertsFor = (messageId: number) =>
  sys.sql<{ to_address: string; body: string }>(
    `SELECT o.to_address, m.body FROM outbox o JOIN message m ON m.id = o.message_id
     WHERE o.kind = 'urgent_alert' AND o.case_id = (SELECT case_id FROM message WHERE id = $1) ORDER BY o.to_address`,
    [messageId],
  );

describe('urgent alerts up the zone chain', () => {
  it('should text the liaisons of the group, community, street and district once each, the resident masked', async () => {
    const id = await submit('楼道里煤气泄漏了，味道很大，隔壁老人还在屋里没出来');
    const alerts = await alertsFor(id);
    expect(alerts.map((a) => a.to_address)).toEqual(['+8613800000001', '+8613800000100', '+8613800000110', '+8613800000111']);
    const [{ case_no: caseNo }] = (await sys.sql<{ case_no: string }>('SELECT c.case_no FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.id = $1', [
      id,
    ])) as [{ case_no: string }];
    for (const { body } of alerts) {
      expect(body).toContain(caseNo);
      expect(body).toContain('煤气泄漏');
      expect(body).toContain('139****5678');
      expect(body).not.toContain('13912345678');
    }
  });

  it("should keep the alerts out of the resident's own lookup", async () => {
    const id = await submit('家里煤气漏气了，一屋子味道');
    const [{ case_no: caseNo }] = (await sys.sql('SELECT c.case_no FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.id = $1', [id])) as [
      { case_no: string },
    ];
    const lookup = await sys.app!.inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=13912345678` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.body).toContain('119');
    expect(lookup.body).not.toContain('紧急民情');
  });

  it('should send no alert for an ordinary message', async () => {
    expect(await alertsFor(await submit('小区门口的路灯坏了一个星期了'))).toEqual([]);
  });
});
