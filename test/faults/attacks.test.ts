/**
 * The attacks of issue 12, played against a whole gateway (real PostgreSQL,
 * Redis, SMTP and HTTP listeners): each title starts with its scenario.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/log.js';
import { startSystem, type Role, type System } from '../../src/runtime/system.js';
import { MailIntake } from '../../src/channels/email/inbound.js';
import { startSmtpListener } from '../../src/channels/email/smtp-listener.js';
import { adminHeaders, eventually, startTestSystem, TEST_REDIS_URL, type TestSystem } from '../helpers/system.js';
import { MAILBOX, smtpClient } from '../helpers/email.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const SUPERVISOR = { authorization: 'Bearer attacks-supervisor-token-0123' };

let sys: TestSystem;
const app = () => sys.app!;
const base = () => `http://127.0.0.1:${(app().server.address() as { port: number }).port}`;

/** Another process of the same deployment: the same schema and Redis prefix, its own listeners. */
async function startSystemOn(of: TestSystem, options: { role: Role; env?: Record<string, string> }): Promise<System> {
  // An empty value unsets the variable.
  const env = Object.fromEntries(Object.entries({ ...of.env, ...options.env }).filter(([, v]) => v !== ''));
  const config = loadConfig(env);
  return startSystem(config, createLogger('silent'), options.role);
}

/** An SMTP listener of its own (its own per-address counts) on this test's gateway, with `overrides` to its configuration. */
async function smtpListener(overrides: Partial<TestSystem['config']>) {
  const log = createLogger('silent');
  const { acceptor, catalog, attachments } = app().deps;
  const config = { ...sys.config, SMTP_LISTEN_PORT: 0, ...overrides };
  const intake = new MailIntake({ pool: sys.db.pool, acceptor, catalog, attachments, log, limits: { attachmentMaxBytes: 1 << 20, attachmentMaxCount: 2 } });
  return startSmtpListener(config, intake, catalog, log);
}

beforeAll(async () => {
  sys = await startTestSystem({
    env: {
      INTAKE_RATE_PER_CLIENT: '5',
      INTAKE_RATE_TOTAL: '12',
      LOOKUP_RATE_PER_CLIENT: '20',
      LOOKUP_RATE_PER_CONTACT: '10',
      EMAIL_MAILBOXES: MAILBOX,
      METRICS_TOKEN,
    },
  });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('supervisor', 'supervisor', $1)`, [hashApiKey(SUPERVISOR.authorization.slice(7))]);
});
afterAll(() => sys.teardown());

/** Every test starts with fresh rate-limit counters. */
async function resetLimits(prefix = sys.prefix): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:limit:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
beforeEach(() => resetLimits());

let addresses = 0;
/** Another client address each time, so the public intake limits stay out of tests about something else. */
const nextAddress = () => `10.${(++addresses >> 8) & 255}.${addresses & 255}.1`;

const count = async (table: string) => (await sys.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

async function submitted(caseNo: string): Promise<void> {
  await eventually(async () => (await sys.sql(`SELECT 1 FROM "case" WHERE case_no = $1`, [caseNo])).length === 1);
}

describe('ReDoS through routing rules', () => {
  it('ReDoS rule: saving (a+)+$ is a 400 naming conditions.pattern and why, and nothing is saved', async () => {
    const before = await count('routing_rule');
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: adminHeaders,
      payload: { name: 'hostile', conditions: { pattern: '(a+)+$' }, action: { tags: ['x'] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'conditions.pattern', message: expect.stringMatching(/catastrophic backtracking.*exponential/) });
    expect(await count('routing_rule')).toBe(before);
  });

  it('ReDoS rule: a pattern RE2 cannot run (a backreference) is refused with the reason', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: adminHeaders,
      payload: { name: 'backref', conditions: { pattern: '(路)\\1' }, action: { tags: ['x'] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'conditions.pattern', message: expect.stringContaining('linear-time') });
  });

  it('ReDoS rule: an ordinary pattern is still saved', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: adminHeaders,
      payload: { name: 'lamps', active: false, conditions: { pattern: '路灯.{0,4}(坏|不亮)' }, action: { tags: ['lamps'] } },
    });
    expect(res.statusCode).toBe(201);
  });

  it('ReDoS rule: a catastrophic rule put in the table by SQL cannot stall the worker, and /healthz answers meanwhile', async () => {
    await sys.sql(
      `INSERT INTO routing_rule (name, priority, conditions, action) VALUES ('hostile by SQL', 1, '{"pattern": "(a+)+$"}', '{"tags": ["hostile"]}')`,
    );
    app().deps.catalog.invalidate();
    // 40 a's and a mismatch: a backtracking engine would need about 2^40 steps.
    const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: `${'a'.repeat(40)}!` } });
    expect(res.statusCode).toBe(202);
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    await submitted(res.json().caseNo);
    // And a matching one is tagged: the rule runs, on RE2.
    const match = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: 'a'.repeat(40) } });
    await submitted(match.json().caseNo);
    const [row] = await sys.sql<{ tags: string[] }>(`SELECT tags FROM "case" WHERE case_no = $1`, [match.json().caseNo]);
    expect(row!.tags).toContain('hostile');
    await sys.sql(`DELETE FROM routing_rule WHERE name = 'hostile by SQL'`);
    app().deps.catalog.invalidate();
  });
});

describe('Spoofed client addresses', () => {
  const lookup = (i: number, headers: Record<string, string> = {}) =>
    fetch(`${base()}/api/v1/cases/lookup?caseNo=26113${String(i).padStart(5, '0')}&contact=${String(i).padStart(8, '0')}`, { headers });

  it('Spoofed client addresses: a new X-Forwarded-For per request no longer resets the lookup limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= sys.config.LOOKUP_RATE_PER_CLIENT; i++) {
      statuses.push((await lookup(i, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    const refused = await lookup(999, { 'x-forwarded-for': '198.51.100.250' });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited', field: 'client' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('Spoofed client addresses: sweeping case numbers for one phone number is stopped, from any address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= sys.config.LOOKUP_RATE_PER_CONTACT; i++) {
      const res = await app().inject({
        method: 'GET',
        url: `/api/v1/cases/lookup?caseNo=26113${String(i).padStart(5, '0')}&contact=13800001234`,
        remoteAddress: `192.0.2.${i + 1}`,
      });
      statuses.push(res.statusCode);
      if (i === sys.config.LOOKUP_RATE_PER_CONTACT) expect(res.json()).toMatchObject({ error: 'rate_limited', field: 'contact' });
    }
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The same number written another way is the same contact.
    const other = await app().inject({
      method: 'GET',
      url: '/api/v1/cases/lookup?caseNo=2611300099&contact=%2B86%20138%200000%201234',
      remoteAddress: '192.0.2.200',
    });
    expect(other.statusCode).toBe(429);
  });

  it("Spoofed client addresses: guessing one case's code from many addresses is stopped", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= sys.config.LOOKUP_RATE_PER_CONTACT; i++) {
      const res = await app().inject({
        method: 'GET',
        url: `/api/v1/cases/lookup?caseNo=2611300042&contact=${String(i).padStart(8, '0')}`,
        remoteAddress: `192.0.2.${i + 1}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('Spoofed client addresses: two app instances share the limit', async () => {
    const second = await startSystemOn(sys, { role: 'http' });
    try {
      const half = sys.config.LOOKUP_RATE_PER_CLIENT / 2;
      for (let i = 0; i < half; i++) expect((await lookup(i)).status).toBe(404);
      const secondBase = `http://127.0.0.1:${(second.app!.server.address() as { port: number }).port}`;
      for (let i = half; i < sys.config.LOOKUP_RATE_PER_CLIENT; i++) {
        expect((await fetch(`${secondBase}/api/v1/cases/lookup?caseNo=26114${String(i).padStart(5, '0')}&contact=${String(i).padStart(8, '0')}`)).status).toBe(
          404,
        );
      }
      expect((await fetch(`${secondBase}/api/v1/cases/lookup?caseNo=2611500001&contact=99999999`)).status).toBe(429);
      expect((await lookup(500)).status).toBe(429);
    } finally {
      await second.stop();
    }
  });

  it('Spoofed client addresses: behind a trusted proxy (TRUST_PROXY=1) the forwarded address is the client', async () => {
    const proxied = await startSystemOn(sys, { role: 'http', env: { TRUST_PROXY: '1' } });
    try {
      const inject = proxied.app!.inject.bind(proxied.app!);
      const statuses: number[] = [];
      for (let i = 0; i <= sys.config.LOOKUP_RATE_PER_CLIENT; i++) {
        const res = await inject({
          method: 'GET',
          url: `/api/v1/cases/lookup?caseNo=26116${String(i).padStart(5, '0')}&contact=${String(i).padStart(8, '0')}`,
          headers: { 'x-forwarded-for': '203.0.113.9' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.at(-1)).toBe(429);
      const another = await inject({
        method: 'GET',
        url: '/api/v1/cases/lookup?caseNo=2611700001&contact=00000001',
        headers: { 'x-forwarded-for': '203.0.113.10' },
      });
      expect(another.statusCode).toBe(404);
    } finally {
      await proxied.stop();
    }
  });
});

describe('Limits on senders', () => {
  it('Sender limits: a flood of web submissions from one address ends in a JSON 429 with Retry-After, and stores nothing more', async () => {
    const before = await count(`message WHERE direction = 'in'`);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: `第${i}条：楼道灯坏了` }, remoteAddress: '198.51.100.77' });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json()).toMatchObject({ error: 'rate_limited', field: 'client' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    expect(await count(`message WHERE direction = 'in'`)).toBe(before + 5);
  });

  it("Sender limits: the no-script form gets a page in the resident's language with the 429", async () => {
    for (let i = 0; i < 5; i++) {
      await app().inject({ method: 'POST', url: '/api/v1/intake/web', payload: { text: `第${i}条` }, remoteAddress: '198.51.100.78' });
    }
    const form = (lang: string) =>
      app().inject({
        method: 'POST',
        url: '/api/v1/intake/web',
        remoteAddress: '198.51.100.78',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        payload: new URLSearchParams({ text: '楼道灯坏了', lang }).toString(),
      });
    const zh = await form('zh');
    expect(zh.statusCode).toBe(429);
    expect(zh.headers['content-type']).toMatch(/text\/html/);
    expect(zh.headers['retry-after']).toBeDefined();
    expect(zh.body).toContain('提交过于频繁，请稍后再试。');
    expect(zh.body).toContain('楼道灯坏了'); // what was typed is kept
    const en = await form('en');
    expect(en.statusCode).toBe(429);
    expect(en.body).toContain('Too many submissions');
  });

  it('Sender limits: the overall limit holds when every submission comes from another address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await app().inject({
        method: 'POST',
        url: '/api/v1/intake/web',
        payload: { text: `第${i}条：井盖丢了` },
        remoteAddress: `203.0.113.${i + 1}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(sys.config.INTAKE_RATE_TOTAL);
    expect(statuses.slice(sys.config.INTAKE_RATE_TOTAL).every((s) => s === 429)).toBe(true);
  });

  it('Sender limits: mail is limited per connecting address, whatever MAIL FROM claims', async () => {
    const listener = await smtpListener({ SMTP_RATE_PER_IP_PER_HOUR: 3 });
    try {
      const replies: (number | 'ok')[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await smtpClient(listener.port)
          .sendMail({ from: `forged${i}@example.com`, to: MAILBOX, subject: '路灯', text: `第${i}封` })
          .then(
            () => 'ok' as const,
            (err: { responseCode?: number }) => err.responseCode ?? 0,
          );
        replies.push(res);
      }
      expect(replies).toEqual(['ok', 'ok', 'ok', 450, 450]);
    } finally {
      await listener.stop();
    }
  });
});

/** A raw SMTP conversation, one command at a time (what nodemailer cannot do: stop in the middle of DATA). */
async function rawSmtp(port: number) {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  const waiters: (() => void)[] = [];
  socket.on('data', (d) => {
    buffer += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  const reply = async (): Promise<string> => {
    for (;;) {
      const m = /^(\d{3}) [^\r\n]*\r\n/m.exec(buffer);
      if (m) {
        buffer = buffer.slice(m.index + m[0].length);
        return m[0];
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const say = async (line: string) => {
    socket.write(`${line}\r\n`);
    return reply();
  };
  await reply(); // banner
  return { say, reply, write: (s: string) => socket.write(s), close: () => socket.destroy() };
}

describe('Mail floods', () => {
  it('Mail floods: past SMTP_MAX_CONCURRENT_MESSAGES a sender is told 451 before sending; a big mail is spooled to disk and stored whole', async () => {
    const listener = await smtpListener({ SMTP_MAX_CONCURRENT_MESSAGES: 1, SMTP_SPOOL_ABOVE_BYTES: 4096 });
    const smtpPort = () => listener.port;
    const first = await rawSmtp(smtpPort());
    try {
      expect(await first.say('EHLO attacker.test')).toMatch(/^250/);
      expect(await first.say('MAIL FROM:<slow@example.com>')).toMatch(/^250/);
      expect(await first.say(`RCPT TO:<${MAILBOX}>`)).toMatch(/^250/);
      expect(await first.say('DATA')).toMatch(/^354/);
      first.write('From: slow@example.com\r\nTo: mailbox\r\nSubject: slow\r\n\r\n');
      first.write(`${'路灯坏了。'.repeat(2000)}\r\n`); // about 30 KB: spooled to disk (SMTP_SPOOL_ABOVE_BYTES=4096)
      // Meanwhile another mail: the one slot is taken.
      const second = await rawSmtp(smtpPort());
      try {
        await second.say('EHLO other.test');
        expect(await second.say('MAIL FROM:<other@example.com>')).toMatch(/^250/);
        expect(await second.say(`RCPT TO:<${MAILBOX}>`)).toMatch(/^451 4\.3\.2/);
      } finally {
        second.close();
      }
      first.write('.\r\n');
      expect(await first.reply()).toMatch(/^250/);
    } finally {
      first.close();
      await listener.stop();
    }
    const spooled = await readdir(join(sys.config.DATA_DIR, 'spool'));
    expect(spooled).toEqual([]);
    const [stored] = await sys.sql<{ body: string }>(
      `SELECT body FROM message WHERE channel = 'email' AND body LIKE '%路灯坏了。路灯坏了。%' ORDER BY id DESC LIMIT 1`,
    );
    expect(stored!.body.length).toBeGreaterThanOrEqual('路灯坏了。'.length * 2000);
  });
});

describe('/metrics', () => {
  it('/metrics: the public port wants the bearer token, and shows no business figures by default', async () => {
    expect((await fetch(`${base()}/metrics`)).status).toBe(401);
    expect((await fetch(`${base()}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const res = await fetch(`${base()}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('minqing_messages_in_total');
    expect(text).not.toContain('minqing_figures_30d');
    expect(text).not.toContain('minqing_card_scans_total');
    expect(text).not.toContain('minqing_cases_opened_total');
  });

  it('/metrics: on its own listener (METRICS_PORT), with business figures only when METRICS_BUSINESS=true', async () => {
    const own = await startSystemOn(sys, { role: 'http', env: { METRICS_PORT: '0', METRICS_BUSINESS: 'true', METRICS_TOKEN: '' } });
    try {
      const publicBase = `http://127.0.0.1:${(own.app!.server.address() as { port: number }).port}`;
      expect((await fetch(`${publicBase}/metrics`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${own.app!.metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('minqing_figures_30d');
    } finally {
      await own.stop();
    }
  });
});

describe('Security headers', () => {
  it('Security headers: every page, asset, card and API answer carries them, and the pages have no inline script or style', async () => {
    const card = await app().inject({ method: 'GET', url: '/api/v1/zones/wh-hs-ch-01/card.svg', headers: adminHeaders });
    const pages = ['/window', '/window?lang=en', '/window/lookup', '/window/done?caseNo=2611300001'];
    const answers = [
      card,
      await app().inject({ method: 'GET', url: '/api/v1/cases', headers: adminHeaders }),
      await app().inject({ method: 'GET', url: '/nowhere' }),
    ];
    for (const path of pages) answers.push(await app().inject({ method: 'GET', url: path }));
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*script-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP, no trusted TLS proxy
    }
    for (const res of answers.slice(3)) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/<script>|<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>|<style|\sstyle=|\son[a-z]+=/);
      for (const [, src] of res.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
        const asset = await app().inject({ method: 'GET', url: src! });
        expect(asset.statusCode).toBe(200);
        expect(asset.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it('Security headers: /docs keeps a policy of its own that lets Swagger UI style itself, and still no inline script', async () => {
    const docs = await app().inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self';.*style-src 'self' 'unsafe-inline'/);
    expect(docs.headers['x-frame-options']).toBe('DENY');
  });

  it('Security headers: HSTS when the request came over TLS through a trusted proxy', async () => {
    const proxied = await startSystemOn(sys, { role: 'http', env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const tls = await proxied.app!.inject({ method: 'GET', url: '/window', headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const spoofed = await app().inject({ method: 'GET', url: '/window', headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.stop();
    }
  });
});

describe('Idempotency-Key reuse', () => {
  it('Idempotency key reuse: the same key with another body is a 422, never the first case number or its code', async () => {
    const key = `reuse-${Date.now()}`;
    const first = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      remoteAddress: nextAddress(),
      headers: { 'idempotency-key': key },
      payload: { text: '匿名反映：楼道堆满杂物' },
    });
    expect(first.statusCode).toBe(202);
    const { caseNo, accessCode } = first.json();
    const again = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      remoteAddress: nextAddress(),
      headers: { 'idempotency-key': key },
      payload: { text: '匿名反映：楼道堆满杂物' },
    });
    expect(again.json()).toEqual(first.json());
    const other = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      remoteAddress: nextAddress(),
      headers: { 'idempotency-key': key },
      payload: { text: '别的内容' },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: 'idempotency_key_reused', field: 'idempotencyKey' });
    expect(other.body).not.toContain(caseNo);
    expect(other.body).not.toContain(accessCode);
    // The no-script form shows why, and hands out a fresh key so sending the form again works.
    const page = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ text: '又一个问题', idempotencyKey: key }).toString(),
    });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('这份表单已经提交过');
    expect(page.body).not.toContain(caseNo);
    const fresh = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]!;
    expect(fresh).not.toBe(key);
    const resent = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      remoteAddress: nextAddress(),
      payload: { text: '又一个问题', idempotencyKey: fresh },
    });
    expect(resent.statusCode).toBe(202);
    expect(resent.json().caseNo).not.toBe(caseNo);
    // Whitespace around the text is not another body.
    const trimmed = await app().inject({
      method: 'POST',
      url: '/api/v1/intake/web',
      remoteAddress: nextAddress(),
      headers: { 'idempotency-key': key },
      payload: { text: '  匿名反映：楼道堆满杂物 ' },
    });
    expect(trimmed.statusCode).toBe(202);
  });
});

describe('Orphan files', () => {
  it('Orphan files: five concurrent submits with one key and a photo leave one file, referred to by the one message', async () => {
    const dir = join(sys.config.DATA_DIR, 'attachments');
    const before = new Set(await readdir(dir).catch(() => [] as string[]));
    const png = await readFile(new URL('../fixtures/web/pixel.png', import.meta.url));
    const key = `photo-${Date.now()}`;
    const post = () => {
      const form = new FormData();
      form.set('text', '路面塌了一个坑');
      form.set('photo', new Blob([png], { type: 'image/png' }), 'hole.png');
      return app().inject({ method: 'POST', url: '/api/v1/intake/web', headers: { 'idempotency-key': key }, payload: form });
    };
    const answers = await Promise.all([post(), post(), post(), post(), post()]);
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.json().caseNo)).size).toBe(1);
    const added = (await readdir(dir)).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const [row] = await sys.sql<{ attachments: { id: string }[] }>(`SELECT attachments FROM message WHERE provider_message_id = $1`, [key]);
    expect(row!.attachments.map((a) => a.id)).toEqual(added);
  });
});

describe('Roles', () => {
  /** Every staff route of the OpenAPI document, with a path its parameters fill. */
  async function staffRoutes(): Promise<{ method: string; url: string }[]> {
    const doc = (await app().inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>();
    const out: { method: string; url: string }[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.security?.length) continue;
        out.push({
          method: method.toUpperCase(),
          url: path.replace(/\{[^}]+\}/g, (p) => (p === '{year}' ? '2026' : p === '{id}' || p === '{chatId}' ? '1' : 'wh-hs')),
        });
      }
    }
    return out;
  }

  it('Roles: supervisors read every staff route and change none; admins pass; no token is a 401', async () => {
    const routes = await staffRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const table: string[] = [];
    for (const r of routes) {
      const write = r.method !== 'GET';
      const readOnly = r.url === '/api/v1/router/simulate' || r.url === '/api/v1/rules/preview';
      const asSupervisor = await app().inject({ method: r.method as 'GET', url: r.url, headers: SUPERVISOR, payload: write ? {} : undefined });
      const anonymous = await app().inject({ method: r.method as 'GET', url: r.url, payload: write ? {} : undefined });
      const asAdmin = await app().inject({ method: r.method as 'GET', url: r.url, headers: adminHeaders, payload: write ? {} : undefined });
      table.push(`${r.method} ${r.url}: supervisor ${asSupervisor.statusCode}, admin ${asAdmin.statusCode}, none ${anonymous.statusCode}`);
      expect(anonymous.statusCode, r.url).toBe(401);
      expect([401, 403], `admin ${r.method} ${r.url}`).not.toContain(asAdmin.statusCode);
      expect(asAdmin.statusCode, `admin ${r.method} ${r.url}`).not.toBe(500); // 503: no CJK font for PNG and PDF cards here
      if (write && !readOnly) expect(asSupervisor.statusCode, `supervisor ${r.method} ${r.url}`).toBe(403);
    }
    // Reads: the supervisor gets what the admin gets, except the admin-only card and WeChat screens.
    expect(table.join('\n')).toContain('POST /api/v1/cases/wh-hs/status: supervisor 403');
  });

  it('Roles: a disabled key stops working at once', async () => {
    await sys.sql(`INSERT INTO app_user (name, role, api_key_hash) VALUES ('leaving', 'admin', $1)`, [hashApiKey('leaving-admin-token-0123456789')]);
    const headers = { authorization: 'Bearer leaving-admin-token-0123456789' };
    expect((await app().inject({ method: 'GET', url: '/api/v1/cases', headers })).statusCode).toBe(200);
    await sys.sql(`UPDATE app_user SET disabled = true WHERE name = 'leaving'`);
    expect((await app().inject({ method: 'GET', url: '/api/v1/cases', headers })).statusCode).toBe(401);
  });
});

describe('Bad input', () => {
  const multipart = (body: string, boundary = 'XyZ') => ({ 'content-type': `multipart/form-data; boundary=${boundary}`, body });
  const cases: { name: string; method: 'GET' | 'POST' | 'PATCH'; url: string; headers?: Record<string, string>; payload?: string | object; field?: string }[] =
    [
      { name: 'NUL in a list filter', method: 'GET', url: '/api/v1/cases?zone=%00', headers: adminHeaders, field: 'zone' },
      { name: 'NUL in a status filter', method: 'GET', url: '/api/v1/cases?status=%00', headers: adminHeaders },
      { name: 'NUL in a path parameter', method: 'GET', url: '/api/v1/cases/26113%0000001', headers: adminHeaders },
      { name: 'NUL in a lookup contact', method: 'GET', url: '/api/v1/cases/lookup?caseNo=2611300001&contact=abc%00def', field: 'contact' },
      {
        name: 'NUL in a zone name',
        method: 'POST',
        url: '/api/v1/zones',
        headers: adminHeaders,
        payload: { code: 'nul-zone', name: 'a\u0000b', level: 'street', parentCode: 'district' },
        field: 'name',
      },
      { name: 'lone surrogate in a category', method: 'PATCH', url: '/api/v1/categories/housing', headers: adminHeaders, payload: { nameZh: '\ud800' } },
      { name: 'a text of only a NUL', method: 'POST', url: '/api/v1/intake/web', payload: { text: '\u0000' }, field: 'text' },
      { name: 'a text of only a lone surrogate', method: 'POST', url: '/api/v1/intake/web', payload: { text: '\ud83d' }, field: 'text' },
      { name: 'a text of NULs and spaces', method: 'POST', url: '/api/v1/intake/web', payload: { text: ' \u0000 \u0000 ' }, field: 'text' },
      {
        name: 'multipart without a boundary',
        method: 'POST',
        url: '/api/v1/intake/web',
        headers: { 'content-type': 'multipart/form-data' },
        payload: 'text=x',
      },
      {
        name: 'multipart cut short',
        method: 'POST',
        url: '/api/v1/intake/web',
        ...splitPayload(multipart('--XyZ\r\nContent-Disposition: form-data; name="text"\r\n\r\n路灯坏了')),
      },
      {
        name: 'multipart with a broken part header',
        method: 'POST',
        url: '/api/v1/intake/web',
        ...splitPayload(multipart('--XyZ\r\nContent-Disposition form-data name=text\r\n\r\nx\r\n--XyZ--\r\n')),
      },
      {
        name: 'multipart with another boundary',
        method: 'POST',
        url: '/api/v1/intake/web',
        ...splitPayload(multipart('--Other\r\nContent-Disposition: form-data; name="text"\r\n\r\nx\r\n--Other--\r\n')),
      },
      {
        name: 'multipart with a NUL text',
        method: 'POST',
        url: '/api/v1/intake/web',
        ...splitPayload(multipart('--XyZ\r\nContent-Disposition: form-data; name="text"\r\n\r\n\u0000\r\n--XyZ--\r\n')),
      },
      {
        name: 'multipart photo field as text',
        method: 'POST',
        url: '/api/v1/intake/web',
        ...splitPayload(
          multipart(
            '--XyZ\r\nContent-Disposition: form-data; name="text"\r\n\r\nx\r\n--XyZ\r\nContent-Disposition: form-data; name="photo"\r\n\r\nnot a file\r\n--XyZ--\r\n',
          ),
        ),
      },
      {
        name: 'JSON that is not an object',
        method: 'POST',
        url: '/api/v1/intake/web',
        headers: { 'content-type': 'application/json' },
        payload: '"just a string"',
      },
      {
        name: 'JSON with a deep array',
        method: 'POST',
        url: '/api/v1/intake/web',
        headers: { 'content-type': 'application/json' },
        payload: '{"text":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      },
      {
        name: 'urlencoded with repeated text',
        method: 'POST',
        url: '/api/v1/intake/web',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'text=a&text=b',
      },
      { name: 'a card form with a NUL text', method: 'POST', url: '/c/not-a-token', payload: { text: '\u0000' } },
      {
        name: 'a rule with a NUL pattern',
        method: 'POST',
        url: '/api/v1/rules',
        headers: adminHeaders,
        payload: { name: 'n', conditions: { pattern: 'a\u0000' }, action: { tags: ['x'] } },
        field: 'conditions.pattern',
      },
    ];

  function splitPayload(m: { 'content-type': string; body: string }) {
    return { headers: { 'content-type': m['content-type'] }, payload: m.body };
  }

  it('Bad input: malformed requests to public and staff routes are 4xx naming the field, never 5xx, and store nothing', async () => {
    const tables = [`message WHERE direction = 'in'`, '"case"', 'zone', 'routing_rule', 'category'];
    const before = await Promise.all(tables.map(count));
    const outcomes: string[] = [];
    for (const c of cases) {
      const res = await app().inject({ method: c.method, url: c.url, headers: c.headers, payload: c.payload as string });
      outcomes.push(`${c.name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      expect(res.statusCode, `${c.name}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${c.name}: ${res.body}`).toBeLessThan(500);
      if (c.field) expect(res.json().field, c.name).toBe(c.field);
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
