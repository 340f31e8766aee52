/**
 * The operations API of the console (issue 17): queue depths, cancelling a
 * send, the router's retrain in the background, and the audit log's search.
 * Real PostgreSQL and Redis; the SMS provider is a local fake Twilio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { startFakeTwilio, twilioEnv } from '../helpers/twilio.js';

const SUPERVISOR_KEY = 'supervisor-ops-key-0123456789';
const SUPERVISOR = { authorization: `Bearer ${SUPERVISOR_KEY}` };

let sys: TestSystem;
let sms: Awaited<ReturnType<typeof startFakeTwilio>>;
let supervisorId: number;

beforeAll(async () => {
  sms = await startFakeTwilio();
  sys = await startTestSystem({ env: { ...twilioEnv(sms.url), OUTBOX_MAX_ATTEMPTS: '1', OUTBOX_WAKE_DELAY_MS: '0', ROUTER_MODEL_POLL_MS: '300' } });
  await seedDemoDistrict(sys.db.pool);
  sys.app!.deps.catalog.invalidate();
  const [row] = await sys.sql<{ id: number }>(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('督查员老周', 'supervisor', $1) RETURNING id`, [
    hashApiKey(SUPERVISOR_KEY),
  ]);
  supervisorId = row!.id;
}, 120_000);
afterAll(async () => {
  await sys?.teardown();
  await sms?.close();
});

const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = adminHeaders, payload?: object) =>
  sys.app!.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** A resident's web message answered by SMS, whose receipt the fake Twilio refuses for good; the failed send. */
async function failedReceipt(phone: string): Promise<{ id: number; caseNo: string; caseId: number }> {
  sms.failNext(400, 21211, undefined, `+86${phone}`);
  const res = await call('POST', '/api/v1/intake/web', {}, { text: '小区门口的路灯坏了好几天', phone, replyVia: 'sms', zoneCode: 'wh-hs-ch-01' });
  expect(res.statusCode).toBe(202);
  const caseNo = res.json<{ caseNo: string }>().caseNo;
  return eventually(async () => {
    const [row] = await sys.sql<{ id: number; status: string; case_id: number }>(
      `SELECT id, status, case_id FROM outbox WHERE to_address = $1 AND kind = 'receipt'`,
      [`+86${phone}`],
    );
    return row?.status === 'failed' ? { id: row.id, caseNo, caseId: row.case_id } : null;
  });
}

describe('queue depths', () => {
  it('should count a job added to the intake queue, and a failed send in the outbox', async () => {
    const before = (await call('GET', '/api/v1/operations/queues', SUPERVISOR)).json();
    const job = await sys.queue.add('messages', { messageIds: [] }, { delay: 3_600_000 });
    await failedReceipt('13800007001');
    const after = await call('GET', '/api/v1/operations/queues', SUPERVISOR);
    expect(after.statusCode).toBe(200);
    expect(after.json().intake.delayed).toBe(before.intake.delayed + 1);
    expect(after.json().outbox.failed).toBe(before.outbox.failed + 1);
    await job.remove();
    expect((await call('GET', '/api/v1/operations/queues')).json().intake.delayed).toBe(before.intake.delayed);
  });

  it('should tell the console whether PUBLIC_BASE_URL is a local address', async () => {
    const res = await call('GET', '/api/v1/operations/settings', SUPERVISOR);
    expect(res.json()).toMatchObject({ publicBaseUrl: 'https://hotline.example.gov.cn', publicBaseUrlIsLocal: false });
  });
});

describe('cancelling a send', () => {
  it('should give up a failed send for good: the timeline says who, the relay never sends it, a retry is refused', async () => {
    const send = await failedReceipt('13800007002');
    const refused = await call('POST', `/api/v1/outbox/${send.id}/cancel`, SUPERVISOR);
    expect(refused.statusCode).toBe(403);

    const res = await call('POST', `/api/v1/outbox/${send.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: send.id, status: 'cancelled', was: 'failed' });
    const events = await sys.sql<{ actor: string; detail: Record<string, unknown> }>(
      `SELECT actor, detail FROM case_event WHERE case_id = $1 AND type = 'send_cancelled'`,
      [send.caseId],
    );
    expect(events).toEqual([{ actor: expect.stringMatching(/^user:\d+$/), detail: { outboxId: send.id, kind: 'receipt', channel: 'sms', was: 'failed' } }]);
    expect(await sys.sql(`SELECT 1 FROM audit_event WHERE action = 'outbox.cancel' AND subject_id = $1`, [String(send.id)])).toHaveLength(1);

    // Another resident's receipt goes out after it: the relay has passed the cancelled row and left it.
    const hitsBefore = sms.hits.filter((h) => h.To === '+8613800007002').length;
    await call('POST', '/api/v1/intake/web', {}, { text: '楼道灯不亮', phone: '13800007003', replyVia: 'sms', zoneCode: 'wh-hs-ch-01' });
    await eventually(async () => sms.sent.some((s) => s.To === '+8613800007003'));
    await sys.relay!.runOnce();
    expect(sms.hits.filter((h) => h.To === '+8613800007002')).toHaveLength(hitsBefore);
    expect((await sys.sql<{ status: string }>('SELECT status FROM outbox WHERE id = $1', [send.id]))[0]!.status).toBe('cancelled');

    const again = await call('POST', `/api/v1/outbox/${send.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'id', message: expect.stringContaining('already cancelled') });
    const retry = await call('POST', `/api/v1/outbox/${send.id}/retry`);
    expect(retry.statusCode).toBe(409);
  });

  it('should refuse to cancel a send that went out, with the reason, and an unknown send with 404', async () => {
    const [sent] = await sys.sql<{ id: number }>(`SELECT id FROM outbox WHERE to_address = '+8613800007003' AND kind = 'receipt'`);
    const res = await call('POST', `/api/v1/outbox/${sent!.id}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/already been sent \(sent\)/);
    expect((await sys.sql<{ status: string }>('SELECT status FROM outbox WHERE id = $1', [sent!.id]))[0]!.status).toBe('sent');
    expect((await call('POST', '/api/v1/outbox/99999999/cancel')).statusCode).toBe(404);
  });
});

describe('retraining the router', () => {
  it('should train in the background: 202, a second start 409, then a new model row that goes live', async () => {
    // A staff correction, so the retrain really trains (without one it may take the shipped model from the cache).
    const submitted = await call('POST', '/api/v1/intake/web', {}, { text: '我想咨询一下公租房怎么申请', zoneCode: 'wh-hs-ch-01' });
    const caseNo = submitted.json<{ caseNo: string }>().caseNo;
    await eventually(async () => (await sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo])).length === 1);
    expect((await call('POST', `/api/v1/cases/${caseNo}/category`, adminHeaders, { category: 'housing' })).statusCode).toBe(200);

    const before = (await call('GET', '/api/v1/router/models', SUPERVISOR)).json();
    expect((await call('POST', '/api/v1/router/models', SUPERVISOR)).statusCode).toBe(403);
    const started = await call('POST', '/api/v1/router/models');
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ state: 'training', jobId: expect.any(String) });
    // The event loop is free while it trains: the next request is answered at once.
    const t0 = performance.now();
    const second = await call('POST', '/api/v1/router/models');
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(second.statusCode).toBe(409);

    const live = await eventually(
      async () => {
        const res = await call('GET', '/api/v1/router/models', SUPERVISOR);
        const body = res.json();
        if (!body.retrain) throw new Error(`no retrain state: ${res.body}`);
        expect(body.retrain.state).not.toBe('failed');
        return body.retrain.state === 'live' ? body : null;
      },
      180_000,
      500,
    );
    expect(live.retrain).toMatchObject({ jobId: started.json().jobId, corrections: 1, version: expect.any(Number) });
    expect(live.liveVersion).toBe(live.retrain.version);
    expect(live.items[0]).toMatchObject({ id: live.retrain.version, live: true, compatible: true, corrections: 1, actorName: 'admin (ADMIN_TOKEN)' });
    expect(live.items.length).toBe(before.items.length + 1);
    expect(live.items.filter((m: { live: boolean }) => m.live)).toHaveLength(1);
  }, 200_000);
});

describe('the audit log', () => {
  it('should find rows by actor, by case and by action family, newest first, and name the actor', async () => {
    const send = await failedReceipt('13800007004');
    expect((await call('POST', `/api/v1/outbox/${send.id}/retry`)).statusCode).toBe(200);
    // The supervisor reads the case: audited as theirs.
    expect((await call('GET', `/api/v1/cases/${send.caseNo}`, SUPERVISOR)).statusCode).toBe(200);

    const byCase = (await call('GET', `/api/v1/audit?caseNo=${send.caseNo}`, SUPERVISOR)).json();
    expect(byCase.items.map((r: { action: string; actor: string; actorName: string }) => [r.action, r.actor, r.actorName])).toEqual([
      ['case.read', `user:${supervisorId}`, '督查员老周'],
    ]);
    expect(byCase.total).toBe(1);

    const byActor = (await call('GET', `/api/v1/audit?actor=user:${supervisorId}&action=case`, SUPERVISOR)).json();
    expect(byActor.items).toHaveLength(1);
    expect(byActor.items[0]).toMatchObject({ action: 'case.read', subjectType: 'case', subjectId: send.caseNo });

    const outbox = (await call('GET', `/api/v1/audit?action=outbox&subjectId=${send.id}`, SUPERVISOR)).json();
    expect(outbox.items.map((r: { action: string }) => r.action)).toEqual(['outbox.retry']);
    const exact = (await call('GET', '/api/v1/audit?action=outbox.cancel', SUPERVISOR)).json();
    expect(exact.items.every((r: { action: string }) => r.action === 'outbox.cancel')).toBe(true);
    expect(exact.total).toBe(1);

    // Newest first, paged; the search itself is audited.
    const page = (await call('GET', '/api/v1/audit?limit=2&offset=1', SUPERVISOR)).json();
    expect(page.items).toHaveLength(2);
    expect(Date.parse(page.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page.items[1].at));
    expect((await call('GET', `/api/v1/audit?action=audit.search&actor=user:${supervisorId}`, SUPERVISOR)).json().total).toBeGreaterThanOrEqual(4);

    const future = (await call('GET', '/api/v1/audit?from=2099-01-01', SUPERVISOR)).json();
    expect(future).toEqual({ items: [], total: 0 });
  });

  it('should refuse bad filters naming the field, and other roles', async () => {
    const bad = await call('GET', '/api/v1/audit?caseNo=12ab', SUPERVISOR);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('caseNo');
    const backwards = await call('GET', '/api/v1/audit?from=2026-05-02&to=2026-05-01', SUPERVISOR);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('to');
    await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('调度员', 'dispatcher', $1)`, [hashApiKey('dispatcher-ops-key-0123456789')]);
    const dispatcher = { authorization: 'Bearer dispatcher-ops-key-0123456789' };
    expect((await call('GET', '/api/v1/audit', dispatcher)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/operations/queues', dispatcher)).statusCode).toBe(403);
    const actors = (await call('GET', '/api/v1/audit/actors', SUPERVISOR)).json();
    expect(actors.items).toContainEqual({ actor: `user:${supervisorId}`, name: '督查员老周', role: 'supervisor', disabled: false });
  });
});
