/**
 * The mailbox's own SMTP server (smtp-server) on SMTP_LISTEN_PORT. It takes
 * mail for the configured mailbox addresses and the zones' own addresses,
 * and answers as a careful MX does:
 *   250 once the Acceptor has stored the message (nothing accepted is lost);
 *   451 when PostgreSQL is down (the sending server tries again);
 *   554 when the database refuses the message itself (SQLSTATE class 22 or
 *       54): trying again would fail the same way, forever;
 *   550 for an unknown recipient (at RCPT) or mail without a From;
 *   552 above SMTP_MAX_MESSAGE_BYTES (advertised with SIZE, checked on the data);
 *   450 when one sender passes SMTP_RATE_PER_HOUR, or one connecting address
 *       SMTP_RATE_PER_IP_PER_HOUR (MAIL FROM is the sender's own claim; the
 *       address is not);
 *   451 while SMTP_MAX_CONCURRENT_MESSAGES mails are being received and stored:
 *       the sender retries later, and memory stays bounded.
 * A mail bigger than SMTP_SPOOL_ABOVE_BYTES is written to a file under
 * DATA_DIR/spool while it arrives (a slow sender holds no memory), and read
 * back once it is whole.
 * Mail from the null return path (bounces, delay notices) is accepted and
 * recorded, never answered and never a case; only failed DSNs mark sends failed.
 * STARTTLS is offered when a key and certificate are configured. The
 * listener logs no addresses or contents.
 */
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Catalog } from '../../catalog/catalog.js';
import { isDataError, isUnavailable, UnavailableError } from '../../core/errors.js';
import { normalizeEmail } from '../../core/contact-address.js';
import { smtpReplies } from '../../core/metrics.js';
import type { MailIntake } from './inbound.js';
import { SlidingWindowLimit } from './rate-limit.js';

/** An SMTP reply for the client; smtp-server sends `responseCode` and the message. */
function reply(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

const TEMPORARY = () => reply(451, '4.3.0 temporary failure, please try again later');
const BUSY = () => reply(451, '4.3.2 too many messages at once, please try again later');

/** Wraps a callback so every answer is counted (minqing_smtp_replies_total). */
function counted<A extends unknown[]>(stage: string, callback: (err?: (Error & { responseCode?: number }) | null, ...rest: A) => void) {
  return (err?: (Error & { responseCode?: number }) | null, ...rest: A) => {
    smtpReplies.inc({ stage, code: String(err ? (err.responseCode ?? 450) : 250) });
    callback(err, ...rest);
  };
}

export interface SmtpListener {
  port: number;
  stop(): Promise<void>;
}

export async function startSmtpListener(config: Config, intake: MailIntake, catalog: Catalog, log: Logger): Promise<SmtpListener> {
  const mailboxes = new Set(config.EMAIL_MAILBOXES);
  const perSender = new SlidingWindowLimit(config.SMTP_RATE_PER_HOUR, 3_600_000);
  const perAddress = new SlidingWindowLimit(config.SMTP_RATE_PER_IP_PER_HOUR, 3_600_000);
  const spool = { dir: join(config.DATA_DIR, 'spool'), above: config.SMTP_SPOOL_ABOVE_BYTES };
  await mkdir(spool.dir, { recursive: true });
  let inFlight = 0; // mails between DATA and our answer to it
  const tls =
    config.SMTP_TLS_KEY_FILE && config.SMTP_TLS_CERT_FILE
      ? { key: readFileSync(config.SMTP_TLS_KEY_FILE), cert: readFileSync(config.SMTP_TLS_CERT_FILE) }
      : null;

  const server = new SMTPServer({
    ...(tls ?? {}),
    name: (config.EMAIL_FROM ?? config.EMAIL_MAILBOXES[0]!).replace(/.*@|>.*/g, ''),
    banner: 'minqing mailbox',
    size: config.SMTP_MAX_MESSAGE_BYTES,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 200,
    maxRecipients: 50,
    socketTimeout: 60_000,
    closeTimeout: config.SHUTDOWN_GRACE_MS,

    onMailFrom(address, session, done) {
      const callback = counted('mail', done);
      // Bounces all come from the null sender: they are counted per connecting address instead.
      const key = address.address ? `from:${normalizeEmail(address.address)}` : `ip:${session.remoteAddress}`;
      if (!perAddress.take(session.remoteAddress)) return callback(reply(450, '4.7.1 too much mail from this address, please try again later'));
      if (!perSender.take(key)) return callback(reply(450, '4.7.1 too much mail from this sender, please try again later'));
      callback();
    },

    onRcptTo(address, _session, done) {
      const callback = counted('rcpt', done);
      // Busy: say so before the sender transfers the mail.
      if (inFlight >= config.SMTP_MAX_CONCURRENT_MESSAGES) return callback(BUSY());
      const rcpt = normalizeEmail(address.address);
      if (mailboxes.has(rcpt)) return callback();
      catalog.get().then(
        (snapshot) => callback(snapshot.zonesByEmail.has(rcpt) ? null : reply(550, '5.1.1 no such mailbox here')),
        (err) => {
          log.error({ err: (err as Error).message }, 'zone mailboxes unavailable');
          callback(TEMPORARY());
        },
      );
    },

    onData(stream, session, done) {
      const counter = counted('data', done);
      if (inFlight >= config.SMTP_MAX_CONCURRENT_MESSAGES) {
        stream.resume(); // read and dropped: nothing of it is kept
        stream.once('end', () => counter(BUSY()));
        return;
      }
      inFlight += 1;
      const callback: typeof counter = (...args) => {
        inFlight -= 1;
        counter(...args);
      };
      readMessage(stream, spool)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(reply(552, '5.3.4 message exceeds the maximum size'));
          const outcome = await intake.take(raw, envelopeOf(session));
          if (outcome.kind === 'refused') return callback(reply(outcome.code, outcome.reason));
          callback(null, outcome.kind === 'accepted' ? '2.0.0 OK: message stored' : '2.0.0 OK: delivery report received');
        })
        .catch((err) => {
          if (isDataError(err)) {
            log.error({ err: (err as Error).message, code: (err as { code: string }).code }, 'mail refused: the database cannot store it');
            return callback(reply(554, '5.6.0 the message could not be stored'));
          }
          if (err instanceof UnavailableError || isUnavailable(err)) log.warn({ err: (err as Error).message }, 'mail not stored: database unavailable');
          else log.error({ err: (err as Error).message }, 'mail intake failed');
          callback(TEMPORARY());
        });
    },
  });
  server.on('error', (err) => log.warn({ err: err.message }, 'smtp connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(config.SMTP_LISTEN_PORT, config.SMTP_LISTEN_HOST ?? config.HOST, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info({ port, starttls: Boolean(tls) }, 'smtp listener started');
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The whole message; nothing past the size limit is kept, and past `spool.above` bytes what
 * has arrived goes to a file (read back, then deleted, once the mail is whole).
 */
async function readMessage(stream: SMTPServerDataStream, spool: { dir: string; above: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let held = 0;
  let file: { path: string; out: WriteStream } | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (stream.sizeExceeded) continue;
      if (file) {
        if (!file.out.write(chunk)) await new Promise<void>((resolve) => file!.out.once('drain', () => resolve()));
        continue;
      }
      chunks.push(chunk);
      held += chunk.length;
      if (held > spool.above) {
        const path = join(spool.dir, `${randomUUID()}.eml`);
        file = { path, out: createWriteStream(path, { flags: 'wx' }) };
        for (const c of chunks.splice(0)) file.out.write(c);
      }
    }
    if (!file) return Buffer.concat(chunks);
    await new Promise<void>((resolve, reject) => file!.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return await readFile(file.path);
  } finally {
    if (file) {
      file.out.destroy();
      await rm(file.path, { force: true });
    }
  }
}

function envelopeOf(session: SMTPServerSession) {
  const mailFrom = session.envelope.mailFrom;
  return {
    mailFrom: mailFrom ? normalizeEmail(mailFrom.address) : '',
    rcptTo: session.envelope.rcptTo.map((r) => normalizeEmail(r.address)),
  };
}
