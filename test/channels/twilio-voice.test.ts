/**
 * Walks the hotline's IVR the way Twilio does: post the signed step, read the
 * TwiML, follow its Gather / Record / Redirect action with the caller's keys.
 * Single steps (what a recording or a call-back request is stored as, missing
 * fields, forged or unsigned steps) are replayed by the channel harness from
 * test/fixtures/voice/cases.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { buildApp, type App } from '../../src/http/app.js';
import { appDeps } from '../../src/runtime/system.js';
import { createLogger } from '../../src/core/log.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixture, signed, startFakeTwilio, TWILIO, twilioEnv } from '../helpers/twilio.js';

let sys: TestSystem;
let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
const DUTY = '+8687163699999';

beforeAll(async () => {
  fake = await startFakeTwilio();
  // Always within office hours here; the closed office is a second app below.
  sys = await startTestSystem({
    env: {
      ...twilioEnv(fake.url),
      OUTBOX_WAKE_DELAY_MS: '0',
      TIMER_TICK_MS: '200',
      DUTY_OFFICER_NUMBER: DUTY,
      OFFICE_HOURS: '00:00-24:00',
      OFFICE_DAYS: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
    },
  });
});
afterAll(async () => {
  await sys.teardown();
  await fake.close();
});

type Inject = App['inject'];

async function call(from = '+8613800001234'): Promise<Record<string, string>> {
  const sid = `CA${randomBytes(16).toString('hex')}`;
  return { ...(await fixture('voice/voice-inbound.json')), CallSid: sid, From: from, Caller: from };
}

/** Posts one signed step and returns its TwiML. */
async function step(path: string, params: Record<string, string>, inject: Inject = sys.app!.inject.bind(sys.app!)) {
  const res = await inject(signed(path, params));
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/xml/);
  return res.body;
}

const attr = (twiml: string, verb: string, name: string) => new RegExp(`<${verb}[^>]*\\s${name}="([^"]*)"`).exec(twiml)?.[1];
const unescape = (s: string) => s.replace(/&amp;/g, '&');
const gatherAction = (twiml: string) => unescape(attr(twiml, 'Gather', 'action')!);
const recordAction = (twiml: string) => unescape(attr(twiml, 'Record', 'action')!);

describe('the menu', () => {
  it('should greet in Mandarin with a one-key menu', async () => {
    const twiml = await step('/webhooks/twilio/voice', await call());
    expect(twiml).toMatch(/<Gather input="dtmf" numDigits="1"/);
    expect(twiml).toContain('<Say language="zh-CN">');
    expect(twiml).toContain('反映问题请按1');
    expect(gatherAction(twiml)).toBe('/webhooks/twilio/voice/menu?attempt=1');
  });

  it('should repeat the menu twice on invalid or no input, then take a voicemail', async () => {
    const c = await call();
    let twiml = await step('/webhooks/twilio/voice', c);
    twiml = await step(gatherAction(twiml), { ...c, Digits: '7' }); // invalid key
    expect(twiml).toContain('没有听清');
    expect(gatherAction(twiml)).toBe('/webhooks/twilio/voice/menu?attempt=2');
    const redirect = unescape(/<Redirect>([^<]+)<\/Redirect>/.exec(twiml)![1]!);
    twiml = await step(redirect, c); // no key at all: Twilio follows the Redirect
    expect(gatherAction(twiml)).toBe('/webhooks/twilio/voice/menu?attempt=3');
    twiml = await step(gatherAction(twiml), { ...c, Digits: '9' });
    expect(twiml).not.toContain('<Gather');
    expect(twiml).toContain('请在提示音后留言');
    expect(recordAction(twiml)).toBe('/webhooks/twilio/voice/recording');
  });
});

describe('1: report a problem', () => {
  it('should record a message, open one case for it however often the callback comes, and text the receipt', async () => {
    const c = await call('+8613800005678');
    const menu = await step('/webhooks/twilio/voice', c);
    const recordTwiml = await step(gatherAction(menu), { ...c, Digits: '1' });
    expect(attr(recordTwiml, 'Record', 'maxLength')).toBe('120');
    expect(attr(recordTwiml, 'Record', 'transcribeCallback')).toBe('/webhooks/twilio/voice/transcription');

    const recording: Record<string, string> = {
      ...(await fixture('voice/voice-recording.json')),
      CallSid: c.CallSid!,
      From: c.From!,
      RecordingSid: `RE${randomBytes(16).toString('hex')}`,
    };
    const bye = await step(recordAction(recordTwiml), recording);
    expect(bye).toContain('感谢您的反映');
    expect(bye).toContain('<Hangup/>');
    await step(recordAction(recordTwiml), recording); // Twilio retries the callback

    const messages = await sys.sql<{ body: string; case_id: number | null }>(
      `SELECT body, case_id FROM message WHERE channel = 'voice' AND provider_message_id = $1`,
      [recording.RecordingSid],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain(recording.RecordingUrl);
    const receipt = await eventually(async () => fake.sent.find((s) => s.To === '+8613800005678'));
    const [kase] = await sys.sql<{ case_no: string; origin_channel: string; reply_channel: string }>(
      `SELECT c.case_no, c.origin_channel, c.reply_channel FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.provider_message_id = $1`,
      [recording.RecordingSid],
    );
    expect(kase).toMatchObject({ origin_channel: 'voice', reply_channel: 'sms' });
    expect(receipt.Body).toContain(kase!.case_no);

    const transcription = { RecordingSid: recording.RecordingSid!, TranscriptionStatus: 'completed', TranscriptionText: '翠湖南路的路灯坏了' };
    await step('/webhooks/twilio/voice/transcription', transcription);
    await step('/webhooks/twilio/voice/transcription', transcription);
    const [updated] = await sys.sql<{ body: string }>(`SELECT body FROM message WHERE provider_message_id = $1`, [recording.RecordingSid]);
    expect(updated!.body.match(/转写：/g)).toHaveLength(1);
    expect(updated!.body).toContain('翠湖南路的路灯坏了');
  });
});

describe('2: hear the status of a case', () => {
  it('should read back the status of a case number keyed in, digit by digit', async () => {
    const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '噪音扰民', phone: '13800002468' } });
    const { caseNo } = res.json();
    await eventually(async () => (await sys.sql(`SELECT 1 FROM "case" WHERE case_no = $1`, [caseNo])).length === 1);
    const c = await call('+8613800002468');
    const ask = await step(gatherAction(await step('/webhooks/twilio/voice', c)), { ...c, Digits: '2' });
    expect(ask).toContain('请输入案件编号');
    const answer = await step(gatherAction(ask), { ...c, Digits: `${caseNo}#` });
    expect(answer).toContain(`案件 ${caseNo.split('').join(' ')}，当前状态：已登记`);
    const unknown = await step(gatherAction(ask), { ...c, Digits: '2611309999999' });
    expect(unknown).toContain('没有找到');
  });

  it("should answer another caller's keyed number exactly as an unknown one", async () => {
    const res = await sys.app!.inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: '楼道堆放杂物', phone: '13800003579' } });
    const { caseNo } = res.json();
    await eventually(async () => (await sys.sql(`SELECT 1 FROM "case" WHERE case_no = $1`, [caseNo])).length === 1);
    const stranger = await call('+8613900009999');
    const ask = await step(gatherAction(await step('/webhooks/twilio/voice', stranger)), { ...stranger, Digits: '2' });
    const theirs = await step(gatherAction(ask), { ...stranger, Digits: `${caseNo}#` });
    const unknown = await step(gatherAction(ask), { ...stranger, Digits: '2611309999999#' });
    expect(theirs).not.toContain('当前状态');
    expect(theirs).toBe(unknown);
    const hidden = await call('anonymous');
    const askHidden = await step(gatherAction(await step('/webhooks/twilio/voice', hidden)), { ...hidden, Digits: '2' });
    expect(await step(gatherAction(askHidden), { ...hidden, Digits: `${caseNo}#` })).toBe(unknown);
  });
});

describe('3: ask for a call back', () => {
  it("should open a case marked as a call-back request with the caller's number", async () => {
    const c = await call('+8613800001357');
    const twiml = await step(gatherAction(await step('/webhooks/twilio/voice', c)), { ...c, Digits: '3' });
    const caseNo = /编号 ([\d ]+)，/.exec(twiml)![1]!.replace(/ /g, '');
    const [kase] = await eventually(() =>
      sys
        .sql<{ body: string; address: string }>(
          `SELECT m.body, ci.address FROM "case" c JOIN message m ON m.case_id = c.id AND m.direction = 'in' JOIN channel_identity ci ON ci.contact_id = c.contact_id WHERE c.case_no = $1`,
          [caseNo],
        )
        .then((rows) => (rows.length ? rows : null)),
    );
    expect(kase).toEqual({ body: '来电请求回电', address: '+8613800001357' });
    await step(gatherAction(await step('/webhooks/twilio/voice', c)), { ...c, Digits: '3' }); // pressed again in the same call
    expect(await sys.sql(`SELECT 1 FROM message WHERE provider_message_id = $1`, [`${c.CallSid}:callback`])).toHaveLength(1);
  });
});

describe('the return visit of a caller', () => {
  it('should call back once the case is closed, and take the key pressed as the answer', async () => {
    const c = await call('+8613800002468');
    const twiml = await step(gatherAction(await step('/webhooks/twilio/voice', c)), { ...c, Digits: '3' });
    const caseNo = /编号 ([\d ]+)，/.exec(twiml)![1]!.replace(/ /g, '');
    await eventually(() => sys.sql('SELECT 1 FROM "case" WHERE case_no = $1', [caseNo]).then((r) => r.length > 0));
    const closed = await sys.app!.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseNo}/status`,
      headers: adminHeaders,
      payload: { status: 'closed', note: '已回电并解决' },
    });
    expect(closed.statusCode).toBe(200);
    await sys.sql(`UPDATE case_timer SET due_at = now() WHERE kind = 'return_visit' AND case_id = (SELECT id FROM "case" WHERE case_no = $1)`, [caseNo]);

    // Twilio is asked to call the resident, with our survey as the call's first step.
    const placed = await eventually(async () => fake.calls.find((x) => x.To === '+8613800002468'));
    const url = new URL(placed.Url);
    expect(url.pathname + url.search).toBe(`/webhooks/twilio/voice/survey?caseNo=${caseNo}`);
    const outbound = { ...c, CallSid: placed.sid, From: TWILIO.from, To: '+8613800002468', Direction: 'outbound-api' };
    const question = await step(`/webhooks/twilio/voice/survey?caseNo=${caseNo}`, outbound);
    expect(question).toContain('满意请按1');
    const bye = await step(gatherAction(question), { ...outbound, Digits: '2' });
    expect(bye).toContain('感谢您的评价');
    await eventually(
      async () =>
        (await sys.sql<{ answer: string }>(`SELECT s.answer FROM survey s JOIN "case" c ON c.id = s.case_id WHERE c.case_no = $1`, [caseNo]))[0]?.answer ===
        'basically_satisfied',
    );
  });
});

describe('0: the duty officer', () => {
  it('should transfer during office hours', async () => {
    const c = await call();
    const twiml = await step(gatherAction(await step('/webhooks/twilio/voice', c)), { ...c, Digits: '0' });
    expect(twiml).toContain(`<Dial timeout="30">${DUTY}</Dial>`);
  });

  it('should take a voicemail when the office is closed', async () => {
    const log = createLogger('silent');
    const closed = { ...sys.config, OFFICE_HOURS: '00:00-00:00' };
    const app = await buildApp(appDeps(closed, sys.db, sys.app!.deps.redis, sys.queue, log, 'voice-test-secret', undefined, sys.app!.deps.classifier), log);
    try {
      const c = await call();
      const inject: Inject = app.inject.bind(app);
      const twiml = await step(gatherAction(await step('/webhooks/twilio/voice', c, inject)), { ...c, Digits: '0' }, inject);
      expect(twiml).not.toContain('<Dial');
      expect(recordAction(twiml)).toBe('/webhooks/twilio/voice/recording');
    } finally {
      await app.close();
    }
  });
});
