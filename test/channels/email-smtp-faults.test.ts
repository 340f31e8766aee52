/** The mailbox's SMTP listener when things go wrong around it: TLS, a database that is down, a provider that refuses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { Queue } from 'bullmq';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/log.js';
import { Acceptor } from '../../src/intake/accept.js';
import { Catalog } from '../../src/catalog/catalog.js';
import { MailIntake } from '../../src/channels/email/inbound.js';
import { startSmtpListener } from '../../src/channels/email/smtp-listener.js';
import type { AttachmentStore } from '../../src/intake/attachments.js';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { envEmail, MAILBOX, smtpClient, startSink } from '../helpers/email.js';

let sink: Awaited<ReturnType<typeof startSink>>;
let certDir: string;
beforeAll(async () => {
  sink = await startSink();
  certDir = await mkdtemp(join(tmpdir(), 'smtp-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=minqing.test',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
});
afterAll(async () => {
  await sink?.close();
  await rm(certDir, { recursive: true, force: true });
});

const letter = (from: string) => ({ from, to: MAILBOX, subject: '路灯', text: '翠湖南路的路灯坏了。' });

describe('STARTTLS', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem({ env: envEmail(sink.url, { SMTP_TLS_KEY_FILE: join(certDir, 'key.pem'), SMTP_TLS_CERT_FILE: join(certDir, 'cert.pem') }) });
  });
  afterAll(() => sys?.teardown());

  it('should offer STARTTLS when a certificate is configured, and take mail over it', async () => {
    const port = sys.listeners.get('email')!.port!;
    const client = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    const info = await client.sendMail(letter('tls@example.cn'));
    expect(info.response).toMatch(/^250 /);
    await eventually(async () => (await sys.sql(`SELECT 1 FROM message WHERE meta #>> '{thread,messageId}' = $1`, [info.messageId])).length === 1);
  });
});

describe('without a certificate', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem({ env: envEmail(sink.url) });
  });
  afterAll(() => sys?.teardown());

  it('should not offer STARTTLS', async () => {
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: sys.listeners.get('email')!.port!, secure: false, requireTLS: true });
    await expect(client.sendMail(letter('plain@example.cn'))).rejects.toThrow(/STARTTLS/i);
  });

  it('should give up on a receipt the recipient server refuses with 5xx, and wait out one refused with 451 without counting it as an attempt', async () => {
    sink.refuse.set('nobody@example.cn', 550);
    sink.refuse.set('busy@example.cn', 451);
    await smtpClient(sys.listeners.get('email')!.port!).sendMail(letter('nobody@example.cn'));
    await smtpClient(sys.listeners.get('email')!.port!).sendMail(letter('busy@example.cn'));
    const rows = await eventually(async () => {
      const r = await sys.sql<{ to_address: string; status: string; attempts: number; rate_limits: number; last_error: string }>(
        `SELECT to_address, status, attempts, rate_limits, last_error FROM outbox
         WHERE to_address IN ('nobody@example.cn', 'busy@example.cn') AND attempts + rate_limits > 0 AND status <> 'sending' ORDER BY to_address`,
      );
      return r.length === 2 ? r : null;
    });
    expect(rows[0]).toMatchObject({
      to_address: 'busy@example.cn',
      status: 'pending',
      attempts: 0,
      rate_limits: 1,
      last_error: expect.stringMatching(/^smtp 451/),
    });
    expect(rows[1]).toMatchObject({ to_address: 'nobody@example.cn', status: 'failed', attempts: 1, last_error: expect.stringMatching(/^smtp 550/) });
  });
});

/** Our SMTP listener alone, over the given intake and catalog; what it logs is kept. */
async function listener(intake: MailIntake, catalog: Catalog) {
  const logs: string[] = [];
  const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
    SMTP_LISTEN_PORT: '0',
    HOST: '127.0.0.1',
    ...envEmail(sink.url),
  });
  const smtp = await startSmtpListener(config, intake, catalog, log);
  return { port: smtp.port, logs, stop: () => smtp.stop() };
}

const codeOf = (send: Promise<unknown>) =>
  send.then(
    () => null,
    (e: { responseCode?: number }) => e.responseCode,
  );

describe('when the database cannot take the mail', () => {
  it('should answer 451 (try again later) while PostgreSQL is unreachable, never 250, and keep serving', async () => {
    // A pool whose every connection is refused: PostgreSQL down, as seen from the gateway.
    const dead = new pg.Pool({ connectionString: 'postgresql://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 2_000 });
    const log = createLogger('silent');
    const acceptor = new Acceptor({ pool: dead, queue: {} as Queue, log, timeZone: 'Asia/Shanghai' });
    const intake = new MailIntake({
      pool: dead,
      acceptor,
      catalog: new Catalog(dead),
      log,
      attachments: {} as AttachmentStore,
      limits: { attachmentMaxBytes: 1024, attachmentMaxCount: 1 },
    });
    const smtp = await listener(intake, new Catalog(dead));
    try {
      expect(await codeOf(smtpClient(smtp.port).sendMail(letter('later@example.cn')))).toBe(451);
      expect(await codeOf(smtpClient(smtp.port).sendMail(letter('later@example.cn')))).toBe(451);
      expect(smtp.logs.join('')).toContain('database unavailable');
      expect(smtp.logs.join('')).not.toContain('later@example.cn');
    } finally {
      await smtp.stop();
      await dead.end();
    }
  });

  it('should answer 554 (permanent) when the database refuses the message itself', async () => {
    const refusing = {
      take: async () => Promise.reject(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })),
    } as unknown as MailIntake;
    const smtp = await listener(refusing, {} as Catalog);
    try {
      expect(await codeOf(smtpClient(smtp.port).sendMail(letter('odd@example.cn')))).toBe(554);
    } finally {
      await smtp.stop();
    }
  });
});
