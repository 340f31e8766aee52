/** The mailbox's SMTP listener when things go wrong around it: TLS, a database that is down, a provider that refuses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { envEmail, MAILBOX, smtpClient, startSink } from '../helpers/email.js';

let sink: Awaited<ReturnType<typeof startSink>>;
let certDir: string;
beforeAll(async () => {
  sink = await startSink();
  certDir = await mkdtemp(join(tmpdir(), 'smtp-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=minqing.test',
    '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
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

  it('should give up on a receipt the recipient server refuses with 5xx, and retry one refused with 4xx', async () => {
    sink.refuse.set('nobody@example.cn', 550);
    sink.refuse.set('busy@example.cn', 451);
    await smtpClient(sys.listeners.get('email')!.port!).sendMail(letter('nobody@example.cn'));
    await smtpClient(sys.listeners.get('email')!.port!).sendMail(letter('busy@example.cn'));
    const rows = await eventually(async () => {
      const r = await sys.sql<{ to_address: string; status: string; attempts: number; last_error: string }>(
        `SELECT to_address, status, attempts, last_error FROM outbox WHERE to_address IN ('nobody@example.cn', 'busy@example.cn') AND attempts > 0 AND status <> 'sending' ORDER BY to_address`,
      );
      return r.length === 2 ? r : null;
    });
    expect(rows[0]).toMatchObject({ to_address: 'busy@example.cn', status: 'pending', attempts: 1, last_error: expect.stringMatching(/^smtp 451/) });
    expect(rows[1]).toMatchObject({ to_address: 'nobody@example.cn', status: 'failed', attempts: 1, last_error: expect.stringMatching(/^smtp 550/) });
  });

  // Last in this system's life: it takes the database away.
  it('should answer 451 (try again later) while PostgreSQL is down, never 250, and keep serving', async () => {
    const port = sys.listeners.get('email')!.port!;
    await sys.db.pool.end(); // every query now fails, as when the database is unreachable
    const err = await smtpClient(port).sendMail(letter('later@example.cn')).then(() => null, (e: { responseCode?: number }) => e);
    expect(err?.responseCode).toBe(451);
    const again = await smtpClient(port).sendMail(letter('later@example.cn')).then(() => null, (e: { responseCode?: number }) => e);
    expect(again?.responseCode).toBe(451);
  });
});
