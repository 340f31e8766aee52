/**
 * A courier-style harness for the channels: a table of cases, each a payload
 * as the provider really sends it (a file in test/fixtures/<channel>/) and what
 * the gateway must make of it, replayed against a real gateway that has every
 * channel configured and every provider faked on this machine. For each case
 * it checks
 *   - the answer to the provider: HTTP status, content type, TwiML or JSON; the SMTP reply;
 *   - the inbound message stored: channel, sender, text, attachments, zone hint; or that nothing was;
 *   - the logs written meanwhile: no secret of the gateway's env (tokens, the SMTP password,
 *     the signing key) and no resident's phone number or email address in full.
 * A channel's table is data: test/fixtures/<channel>/cases.json, rows of `ChannelCase`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import twilio from 'twilio';
import { FileBox } from 'file-box';
import type { Wechaty } from 'wechaty';
import type { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { AttachmentMeta, Identity, InboundMessage } from '../../src/core/message.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { adminHeaders, eventually, startTestSystem, type TestSystem } from './system.js';
import { startFakeTwilio, twilioEnv } from './twilio.js';
import { startFakeBotApi, telegramEnv } from './telegram.js';
import { envEmail, smtpClient, startSink } from './email.js';

/** One row of a channel's table: a captured payload, how it arrives, and what must come of it. */
export interface ChannelCase {
  /** What the case shows (the test's title). */
  label: string;
  /**
   * The payload, a file in test/fixtures/<channel>/. `{{NAME}}` in it, and in `path`, `headers` and the
   * expectations, is filled in from the gateway's env (`{{TELEGRAM_WEBHOOK_SECRET}}`) and the row's `card`.
   */
  fixture: string;
  /**
   * How the provider delivers it:
   * - `http`: the file is the request body, posted to `path` with `headers`;
   * - `twilio`: the file holds the posted parameters, sent form-encoded to `path` and signed by the
   *   twilio package over PUBLIC_BASE_URL + path, as Twilio signs them (unless `tamper` says otherwise);
   * - `smtp`: the file is a raw mail, sent by nodemailer to the gateway's SMTP listener with `envelope`;
   * - `wechaty`: the file holds puppet payloads ({ talker, room?, message, image? }), emitted by wechaty-puppet-mock.
   */
  via: 'http' | 'twilio' | 'smtp' | 'wechaty';
  path?: string;
  headers?: Record<string, string>;
  envelope?: { from: string; to: string[] };
  /** Sent through this zone's contact card: `{{CARD_PATH}}` is its form's path, `{{CARD_ID}}` its id. */
  card?: string;
  /** twilio: parameters of the payload left out (a request missing a field). */
  omit?: string[];
  /** twilio: sent without its signature, signed with another auth token, or changed after signing. */
  tamper?: 'unsigned' | 'forged' | 'altered';
  /** How often the provider delivers it (retries): it is still one message. */
  deliveries?: number;
  /** The answer the provider gets (every delivery); WeChat's puppet gets none. */
  answer?: { status: number; type?: string; includes?: string[]; json?: Record<string, unknown> };
  /** The inbound message stored, or null: nothing is stored at all. */
  stored: StoredMessage | null;
}

export interface StoredMessage {
  sender: Identity[];
  text: string;
  /** Each stored attachment, in part (sizes, types, names); none when absent. */
  attachments?: Partial<AttachmentMeta>[];
  /** The message's routing hints exactly; none when absent. */
  hints?: InboundMessage['hints'];
}

/** The WeChat account the gateway's bot is logged in as (fixtures' `listenerId`). */
export const WECHAT_ACCOUNT = { id: 'wxid_wuhua_minqing', name: '五华民情' };

const fixturesDir = (channel: string) => new URL(`../fixtures/${channel}/`, import.meta.url);

/** The channel's table, or null when it has no fixtures folder with a cases.json. */
export function channelTable(channel: string): ChannelCase[] | null {
  const file = new URL('cases.json', fixturesDir(channel));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ChannelCase[]) : null;
}

export interface ChannelGateway {
  sys: TestSystem;
  /** Values in the gateway's env that must never be logged. */
  secrets: string[];
  mocker: mock.Mocker;
}

/** Starts one gateway for the test file, every channel configured, providers faked; stopped after the file. */
export function useChannelGateway(): () => ChannelGateway {
  let gateway: ChannelGateway | undefined;
  const stops: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    const twilioApi = await startFakeTwilio();
    stops.push(() => twilioApi.close());
    const botApi = await startFakeBotApi();
    stops.push(() => botApi.close());
    const sink = await startSink({ auth: { user: 'minqing-relay', pass: 'smtp-relay-password-0123456789' } });
    stops.push(() => sink.close());
    const sys = await startTestSystem({
      env: {
        ...twilioEnv(twilioApi.url),
        ...telegramEnv(botApi.url),
        ...envEmail(sink.url),
        WECHATY_PUPPET: 'wechaty-puppet-mock',
        APP_SECRET: 'harness-app-secret-that-signs-card-tokens-0123',
      },
    });
    stops.unshift(() => sys.teardown());
    await seedDemoDistrict(sys.db.pool);
    // 华山街道's own mailbox, for the email table's letter addressed to a street office.
    await sys.sql(`UPDATE zone SET email_addresses = ARRAY['huashan@minqing.test'] WHERE code = 'wh-hs'`);
    const bot = sys.listeners.get('wechat')!.client as Wechaty;
    const mocker = (bot.puppet as PuppetMock).mocker;
    mocker.login(mocker.createContact(WECHAT_ACCOUNT));
    await eventually(async () => bot.isLoggedIn);
    gateway = { sys, secrets: secretsOf(sys.env), mocker };
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
  });
  return () => gateway!;
}

/** Secrets are the values of keys that say so, and passwords inside URLs. */
export function secretsOf(env: Record<string, string>): string[] {
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(env)) {
    if (/TOKEN|SECRET|PASSWORD|_KEY$/.test(key) && value.length >= 8) secrets.add(value);
    if (/_URL$/.test(key) && URL.canParse(value)) {
      const password = decodeURIComponent(new URL(value).password);
      if (password) secrets.add(password);
    }
  }
  return [...secrets];
}

/** Fails naming what leaked: a secret, or a resident's address, in the log lines given. */
export function expectCleanLogs(lines: string[], secrets: string[], residents: string[]): void {
  const text = lines.join('');
  for (const secret of secrets) expect(text.includes(secret), `a secret (${secret.slice(0, 4)}…) reached the logs`).toBe(false);
  for (const address of residents) expect(text.includes(address), `a resident's address (${address}) reached the logs`).toBe(false);
}

/** Registers one test per row of the table. */
export function runChannelCases(channel: string, table: ChannelCase[], gateway: () => ChannelGateway): void {
  for (const row of table) {
    it(`should handle ${row.label}`, async () => {
      const gw = gateway();
      const { sys } = gw;
      const last = (await sys.sql<{ last: number }>('SELECT coalesce(max(id), 0) AS last FROM message'))[0]!.last;
      const logsFrom = sys.logs.length;
      const vars = { ...sys.env, ...(row.card ? await cardOf(sys, row.card) : {}) };
      const payload = fill((await readFile(new URL(row.fixture, fixturesDir(channel)))).toString('latin1'), vars);

      for (let n = 0; n < (row.deliveries ?? 1); n++) {
        const answer = await deliver(gw, row, Buffer.from(payload, 'latin1'), vars);
        if (row.answer) expectAnswer(answer, fillDeep(row.answer, vars));
      }
      const stored = await storedSince(gw, row, last);
      if (row.stored) await expectStored(sys, stored, { channel, ...fillDeep(row.stored, vars) });
      else await expectNothingStored(sys, stored, last);

      const residents = [
        ...residentsIn(
          payload,
          stored.map((m) => m.meta),
        ),
        ...(row.envelope ? [row.envelope.from] : []),
      ];
      expectCleanLogs(sys.logs.slice(logsFrom), gw.secrets, residents);
    });
  }
}

interface StoredRow {
  id: number;
  channel: string;
  body: string;
  attachments: AttachmentMeta[];
  meta: InboundMessage;
}

/** The inbound messages stored since message `last`, once the delivery has had its effect. */
async function storedSince(gw: ChannelGateway, row: ChannelCase, last: number): Promise<StoredRow[]> {
  const inbound = () =>
    gw.sys.sql<StoredRow>(
      `SELECT id, channel, body, attachments, meta FROM message WHERE id > $1 AND direction = 'in' AND provider_message_id NOT LIKE 'sentinel-%' ORDER BY id`,
      [last],
    );
  // WeChat answers nothing and hands messages on in its own time: wait for the message, then for a later
  // one through the same account (a sentinel), so that anything more the payload caused is there too.
  if (row.via === 'wechaty') {
    if (row.stored) await eventually(async () => (await inbound()).length > 0);
    await sentinel(gw);
  }
  return inbound();
}

async function expectStored(sys: TestSystem, stored: StoredRow[], expected: StoredMessage & { channel: string }): Promise<void> {
  expect(stored).toHaveLength(1);
  const [message] = stored as [StoredRow];
  expect({ channel: message.channel, sender: message.meta.sender.identities, text: message.body, hints: message.meta.hints }).toEqual({
    channel: expected.channel,
    sender: expected.sender,
    text: expected.text,
    hints: expected.hints ?? {},
  });
  expect(message.attachments).toHaveLength(expected.attachments?.length ?? 0);
  expect(message.attachments).toMatchObject(expected.attachments ?? []);
  // Processed (its case opened or joined), and every send that caused made: whatever is logged for it has been.
  await eventually(async () => (await sys.sql(`SELECT 1 FROM message WHERE status IN ('received', 'pending', 'sending') LIMIT 1`)).length === 0);
  expect((await sys.sql<{ status: string }>('SELECT status FROM message WHERE id = $1', [message.id]))[0]!.status).toBe('processed');
}

async function expectNothingStored(sys: TestSystem, stored: StoredRow[], last: number): Promise<void> {
  expect(stored).toEqual([]);
  // Nor anything sent because of it (a sentinel's receipt aside).
  expect(await sys.sql('SELECT kind FROM outbox WHERE message_id > $1 AND to_address IS DISTINCT FROM $2', [last, SENTINEL.id])).toEqual([]);
}

/** What a delivery got back: an HTTP answer, or an SMTP reply as a status with its text. */
interface Answer {
  status: number;
  type: string;
  body: string;
}

function expectAnswer(answer: Answer | null, expected: NonNullable<ChannelCase['answer']>): void {
  expect(answer).not.toBeNull();
  expect(answer!.status, answer!.body).toBe(expected.status);
  if (expected.type) expect(answer!.type).toContain(expected.type);
  for (const part of expected.includes ?? []) expect(answer!.body).toContain(part);
  if (expected.json) expect(JSON.parse(answer!.body)).toMatchObject(expected.json);
}

async function deliver(gw: ChannelGateway, row: ChannelCase, payload: Buffer, vars: Record<string, string | number>): Promise<Answer | null> {
  const app = gw.sys.app!;
  switch (row.via) {
    case 'http': {
      const res = await app.inject({ method: 'POST', url: fill(row.path!, vars), headers: fillDeep(row.headers ?? {}, vars), payload });
      return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body };
    }
    case 'twilio': {
      const params: Record<string, string> = JSON.parse(payload.toString('utf8'));
      for (const field of row.omit ?? []) delete params[field];
      const token = row.tamper === 'forged' ? 'not-the-auth-token-of-this-account' : gw.sys.config.TWILIO_AUTH_TOKEN!;
      const signature = twilio.getExpectedTwilioSignature(token, `${gw.sys.config.PUBLIC_BASE_URL}${row.path}`, params);
      const sent = row.tamper === 'altered' ? { ...params, Body: `${params.Body ?? ''}（改）` } : params;
      const res = await app.inject({
        method: 'POST',
        url: row.path!,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(row.tamper === 'unsigned' ? {} : { 'x-twilio-signature': signature }) },
        payload: new URLSearchParams(sent).toString(),
      });
      return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body };
    }
    case 'smtp': {
      const port = gw.sys.listeners.get('email')!.port!;
      return smtpClient(port)
        .sendMail({ envelope: row.envelope!, raw: payload })
        .then(
          (info) => ({ status: Number(info.response.slice(0, 3)), type: 'smtp', body: info.response }),
          (err: { responseCode?: number; response?: string; message: string }) => ({
            status: err.responseCode ?? 0,
            type: 'smtp',
            body: err.response ?? err.message,
          }),
        );
    }
    case 'wechaty':
      await emitWechat(gw.mocker, JSON.parse(payload.toString('utf8')), row.fixture);
      return null;
  }
}

interface WechatPayloads {
  talker: { id: string; name: string };
  room?: { id: string; topic: string; memberIdList: string[] };
  message: { id: string; talkerId: string; listenerId?: string; roomId?: string; type: number; text?: string; timestamp: number };
  /** A file beside the fixture, the image the message carries. */
  image?: string;
}

async function emitWechat(mocker: mock.Mocker, p: WechatPayloads, fixture: string): Promise<void> {
  if (!mocker.cacheContactPayload.has(p.talker.id)) mocker.createContact(p.talker);
  if (p.room && !mocker.cacheRoomPayload.has(p.room.id)) mocker.createRoom(p.room);
  if (p.image) {
    const data = await readFile(new URL(p.image, new URL(fixture, fixturesDir('wechat'))));
    mocker.cacheFileBoxPayload.set(p.message.id, FileBox.fromBase64(data.toString('base64'), p.image).toJSON());
  }
  mocker.cacheMessagePayload.set(p.message.id, p.message as never);
  mocker.puppet.emit('message', { messageId: p.message.id });
}

const SENTINEL = { id: 'wxid_harness_sentinel', name: '哨兵' };
let sentinels = 0;

/** Sends a text from a contact of its own through the WeChat account and waits until it is stored. */
async function sentinel(gw: ChannelGateway): Promise<void> {
  const id = `sentinel-${++sentinels}`;
  await emitWechat(
    gw.mocker,
    { talker: SENTINEL, message: { id, talkerId: SENTINEL.id, listenerId: WECHAT_ACCOUNT.id, type: 7, text: '哨兵消息', timestamp: Date.now() } },
    '',
  );
  await eventually(async () => (await gw.sys.sql(`SELECT 1 FROM message WHERE channel = 'wechat' AND provider_message_id = $1`, [id])).length === 1);
}

/** The live card of a zone (issued on first use): its form's path and its id. */
async function cardOf(sys: TestSystem, zone: string): Promise<{ CARD_PATH: string; CARD_ID: number }> {
  await sys.app!.inject({ method: 'POST', url: `/api/v1/zones/${zone}/cards`, headers: adminHeaders, payload: {} }); // 409 once it has one
  const res = await sys.app!.inject({ method: 'GET', url: `/api/v1/zones/${zone}/cards`, headers: adminHeaders });
  const live = (res.json().items as { id: number; status: string; url: string }[]).find((c) => c.status === 'live')!;
  return { CARD_PATH: new URL(live.url).pathname, CARD_ID: live.id };
}

/** Replaces `{{NAME}}` with its value. */
function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `fill` through an expectation; a string that is only `{{NAME}}` takes the value as it is (a number stays one). */
function fillDeep<T>(value: T, vars: Record<string, string | number>): T {
  if (typeof value === 'string') {
    const only = /^\{\{(\w+)\}\}$/.exec(value);
    return (only && only[1]! in vars ? vars[only[1]!] : fill(value, vars)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, vars)])) as T;
  return value;
}

/**
 * The residents' addresses a case must not log: the phones and emails of the messages it stored (as stored,
 * and a phone also without +86), and every mobile number in the payload.
 */
function residentsIn(payload: string, stored: InboundMessage[]): string[] {
  const addresses = new Set<string>();
  for (const meta of stored) {
    for (const { kind, address } of [
      ...meta.sender.identities,
      ...(meta.replyTo.address ? [{ kind: meta.replyTo.channel, address: meta.replyTo.address }] : []),
    ]) {
      if (kind === 'email' || address.includes('@')) addresses.add(address);
      if (kind === 'phone' || kind === 'sms' || /^\+\d{8,}$/.test(address)) addresses.add(address).add(address.replace(/^\+86/, ''));
    }
  }
  const text = Buffer.from(payload, 'latin1').toString('utf8');
  for (const mobile of text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []) addresses.add(mobile);
  return [...addresses];
}
