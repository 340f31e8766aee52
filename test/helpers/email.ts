/**
 * The email side of the mailbox tests: a local SMTP sink (smtp-server) that
 * receives our outbound mail, a nodemailer client that talks to our listener,
 * fixtures from test/fixtures/email/ with their placeholders filled in, and a
 * throwaway Dovecot for the IMAP poller.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export const MAILBOX = 'mailbox@minqing.test';

export interface SunkMail {
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * Receives whatever our sender sends; `refuse` makes it answer RCPT with that code.
 * With `auth`, it takes mail only from a client that logs in with those credentials (as a provider's relay does).
 */
export async function startSink(options: { auth?: { user: string; pass: string } } = {}) {
  const received: SunkMail[] = [];
  const refuse = new Map<string, number>();
  const { auth } = options;
  const server = new SMTPServer({
    authOptional: !auth,
    // No TLS in tests: logging in over the plain connection is allowed here, and only here.
    ...(auth ? { allowInsecureAuth: true, authMethods: ['PLAIN', 'LOGIN'] } : {}),
    disabledCommands: auth ? ['STARTTLS'] : ['AUTH', 'STARTTLS'],
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.pass) return callback(null, { user: login.username });
      callback(Object.assign(new Error('5.7.8 authentication failed'), { responseCode: 535 }));
    },
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (code) return callback(Object.assign(new Error(code >= 500 ? '5.1.1 no such user' : '4.2.0 try later'), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const keep = async () => {
        const raw = Buffer.concat(chunks);
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
        });
        callback();
      };
      stream.on('end', () => void keep());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: auth ? `smtp://${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    to: (address: string) => received.filter((m) => m.rcptTo.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP client talking to our listener. Rejections come back as errors with `responseCode`. */
export function smtpClient(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
}

/** Sends a raw message through a real SMTP conversation. */
export function sendRaw(port: number, raw: Buffer | string, envelope: { from: string; to: string[] }) {
  return smtpClient(port).sendMail({ envelope, raw });
}

/** A fixture's bytes with `{{NAME}}` placeholders replaced. */
export async function emlFixture(name: string, values: Record<string, string> = {}): Promise<Buffer> {
  let text = (await readFile(new URL(`../fixtures/email/${name}`, import.meta.url))).toString('latin1');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{{${key}}}`, value);
  return Buffer.from(text, 'latin1');
}

export async function expectedTexts(): Promise<Record<string, { subject: string; text: string; fromName?: string; notInText?: string[] }>> {
  return JSON.parse(await readFile(new URL('../fixtures/email/expected.json', import.meta.url), 'utf8'));
}

export const envEmail = (sinkUrl: string, extra: Record<string, string> = {}) => ({
  EMAIL_MAILBOXES: MAILBOX,
  EMAIL_FROM: `民意信箱 <${MAILBOX}>`,
  SMTP_URL: sinkUrl,
  OUTBOX_WAKE_DELAY_MS: '0',
  ...extra,
});
