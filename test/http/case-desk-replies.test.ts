/**
 * The console answers a resident and notes on a case: through CaseWork and the outbox, once per
 * Idempotency-Key, only on the version of the case the caller saw, only within the caller's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint, startDesk, type Desk } from './case-desk-helpers.js';

let desk: Desk;
const app = () => desk.sys.app!;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(() => desk.teardown());

const answers = (caseNo: string) =>
  desk.sys.sql<{ kind: string; channel: string; to_address: string; dedupe_key: string }>(
    `SELECT o.kind, o.channel, o.to_address, o.dedupe_key FROM outbox o JOIN "case" c ON c.id = o.case_id WHERE c.case_no = $1 AND o.kind = 'answer'`,
    [caseNo],
  );

describe('POST /api/v1/cases/:caseNo/replies', () => {
  it('should queue the answer on the SMS reply channel, put the case in progress and show it in the lookup', async () => {
    const caseNo = await desk.open('翠湖西路的路灯坏了一个星期了，晚上很黑', { phone: '+8613911110001' });
    const res = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/replies`,
      headers: desk.headers.dispatcher,
      payload: { text: '已派人检修路灯，预计明天修好。' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseNo, status: 'in_progress', delivery: { status: 'queued', channel: 'sms' } });
    expect(JSON.stringify(res.json())).not.toContain('13911110001');
    const sent = await answers(caseNo);
    expect(sent).toEqual([expect.objectContaining({ channel: 'sms', to_address: '+8613911110001' })]);
    const [event] = await desk.sys.sql<{ actor: string; detail: { by: string } }>(
      `SELECT actor, detail FROM case_event WHERE type = 'replied' AND case_id = (SELECT id FROM "case" WHERE case_no = $1)`,
      [caseNo],
    );
    expect(event!.detail.by).toBe('调度员小李');
    expect(event!.actor).toMatch(/^user:\d+$/);

    const lookup = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=%2B8613911110001` });
    expect(lookup.statusCode).toBe(200);
    const timeline: { type: string; text: string }[] = lookup.json().timeline;
    expect(timeline.some((t) => t.type === 'event' && t.text === 'replied')).toBe(true);
    expect(timeline.some((t) => t.type === 'reply' && t.text.includes('已派人检修路灯'))).toBe(true);
  });

  it('should do a request once when it is repeated with the same Idempotency-Key', async () => {
    const caseNo = await desk.open('钱局街的井盖丢了，很危险', { phone: '+8613911110002' });
    const send = () =>
      app().inject({
        method: 'POST',
        url: `/api/v1/cases/${caseNo}/replies`,
        headers: { ...desk.headers.liaison, 'idempotency-key': 'click-0001-abcdef' },
        payload: { text: '收到，马上安排。' },
      });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    const sent = await answers(caseNo);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.dedupe_key).toContain('click-0001-abcdef');
    const replied = await desk.sys.sql(`SELECT 1 FROM case_event WHERE type = 'replied' AND case_id = (SELECT id FROM "case" WHERE case_no = $1)`, [caseNo]);
    expect(replied).toHaveLength(1);

    const other = await desk.open('钱局街的路灯坏了', { phone: '+8613911110009' });
    const reused = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${other}/replies`,
      headers: { ...desk.headers.liaison, 'idempotency-key': 'click-0001-abcdef' },
      payload: { text: '收到，马上安排。' },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().field).toBe('Idempotency-Key');
    expect(await answers(other)).toHaveLength(0);
  });

  it('should refuse with 412 and apply nothing when the case changed since the caller read it', async () => {
    const caseNo = await desk.open('翠湖西路垃圾没人清运', { phone: '+8613911110003' });
    const read = await app().inject({ method: 'GET', url: `/api/v1/cases/${caseNo}`, headers: desk.headers.dispatcher });
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^"\d+-\d+"$/);
    const note = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/notes`,
      headers: { ...desk.headers.liaison, 'if-match': etag },
      payload: { text: '已电话联系居民' },
    });
    expect(note.statusCode).toBe(201);
    expect(note.headers.etag).not.toBe(etag);
    const before = await footprint(desk.sys, caseNo);
    const stale = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/replies`,
      headers: { ...desk.headers.dispatcher, 'if-match': etag },
      payload: { text: '已处理' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ error: 'conflict', message: '该案件已被他人更新，请刷新后再试 / the case changed meanwhile' });
    expect(await footprint(desk.sys, caseNo)).toEqual(before);
    const fresh = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/replies`,
      headers: { ...desk.headers.dispatcher, 'if-match': note.headers.etag as string },
      payload: { text: '已处理' },
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('should refuse a resident who opted out of SMS with the alternatives, and keep it for the lookup only when asked', async () => {
    const phone = '+8613911110004';
    const caseNo = await desk.open('翠湖西路噪音扰民', { phone });
    await desk.sys.sql('INSERT INTO sms_opt_out (address) VALUES ($1)', [phone]);
    const before = await footprint(desk.sys, caseNo);
    const refused = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/replies`,
      headers: desk.headers.dispatcher,
      payload: { text: '已联系城管处理。' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'opted_out', reason: 'sms_opt_out', field: 'ifUndeliverable', alternatives: ['lookup', 'call', 'visit'] });
    expect(await footprint(desk.sys, caseNo)).toEqual(before);

    const kept = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/replies`,
      headers: desk.headers.dispatcher,
      payload: { text: '已联系城管处理。', ifUndeliverable: 'lookup' },
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().delivery).toMatchObject({ status: 'not_sent', reason: 'sms_opt_out' });
    expect(await answers(caseNo)).toHaveLength(0);
    const lookup = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=${encodeURIComponent(phone)}` });
    expect(lookup.json().timeline.some((t: { text: string }) => t.text.includes('已联系城管处理'))).toBe(true);
  });
});

describe('who may answer', () => {
  it('should refuse a liaison out of scope with 403, audit it and change nothing', async () => {
    const caseNo = await desk.open('翠湖西路的树倒了', { phone: '+8613911110005' });
    const before = await footprint(desk.sys, caseNo);
    const res = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/replies`,
      headers: desk.headers.otherLiaison,
      payload: { text: '我来处理' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'forbidden', message: '案件不在您的责任区 / not in your zones' });
    expect(await footprint(desk.sys, caseNo)).toEqual(before);
    const audited = await desk.sys.sql(`SELECT 1 FROM audit_event WHERE action = 'case.refused' AND subject_id = $1`, [caseNo]);
    expect(audited).toHaveLength(1);
  });

  it('should refuse a supervisor with 403 (they read, not write)', async () => {
    const caseNo = await desk.open('翠湖西路的水管漏水', { phone: '+8613911110006' });
    const res = await app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/notes`, headers: desk.headers.supervisor, payload: { text: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ['an empty text', { text: '  ' }, 'text'],
    ['no text', {}, 'text'],
    ['a wrong ifUndeliverable', { text: 'ok', ifUndeliverable: 'maybe' }, 'ifUndeliverable'],
  ])('should refuse %s, naming the field, with no event and no outbox row', async (_title, payload, field) => {
    const caseNo = await desk.open('翠湖西路路面坑洼', { phone: '+8613911110007' });
    const before = await footprint(desk.sys, caseNo);
    const res = await app().inject({ method: 'POST', url: `/api/v1/cases/${caseNo}/replies`, headers: desk.headers.admin, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(await footprint(desk.sys, caseNo)).toEqual(before);
  });

  it('should keep an internal note from the resident', async () => {
    const phone = '+8613911110008';
    const caseNo = await desk.open('翠湖西路有人乱停车', { phone });
    const res = await app().inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/notes`,
      headers: desk.headers.admin,
      payload: { text: '内部：居民情绪激动' },
    });
    expect(res.statusCode).toBe(201);
    const lookup = await app().inject({ method: 'GET', url: `/api/v1/cases/lookup?caseNo=${caseNo}&contact=${encodeURIComponent(phone)}` });
    expect(JSON.stringify(lookup.json())).not.toContain('居民情绪激动');
    expect(lookup.json().timeline.some((t: { text: string }) => t.text === 'note')).toBe(false);
  });
});
