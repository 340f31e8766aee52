/**
 * Polls an existing hosted mailbox (IMAP_URL, e.g.
 * imaps://user:password@imap.example.gov.cn/INBOX) every IMAP_POLL_MS, for
 * offices that already have one. Each message taken is flagged with the
 * keyword `$MinqingTaken` once it is stored, so a restart does not take it
 * again; a crash between storing and flagging takes it once more, and its
 * Message-ID makes that the same message. Read/unread state is left to the
 * office's own mail client, unless the server keeps no custom keywords
 * (PERMANENTFLAGS without `\*`): then \Seen marks what was taken, and only
 * unseen mail is taken. Mail over the size limit is not fetched; a short
 * placeholder saying who sent how much is stored instead, so a person looks.
 */
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { UnavailableError } from '../../core/errors.js';
import type { MailIntake } from './inbound.js';

export const TAKEN = '$MinqingTaken';

/** How taken mail is marked, and so which mail is still to take. */
export interface Marking {
  flag: string;
  search: { unKeyword: string } | { seen: false };
}

/** Our keyword where the mailbox keeps custom keywords (no PERMANENTFLAGS, or one with `\*`); else \Seen. */
export function markingFor(permanentFlags: Set<string> | undefined): Marking {
  if (!permanentFlags || permanentFlags.has('\\*')) return { flag: TAKEN, search: { unKeyword: TAKEN } };
  return { flag: '\\Seen', search: { seen: false } };
}

export interface ImapPollerOptions {
  url: string;
  pollMs: number;
  maxMessageBytes: number;
}

export interface ImapPoller {
  /** One pass now (tests; the timer runs passes on its own). Resolves with how many messages were taken. */
  pollOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startImapPoller(options: ImapPollerOptions, intake: MailIntake, log: Logger): ImapPoller {
  const target = new URL(options.url);
  const mailbox = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'INBOX';
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let markedWith: string | null = null;

  const connect = () =>
    new ImapFlow({
      host: target.hostname,
      port: Number(target.port) || (target.protocol === 'imaps:' ? 993 : 143),
      secure: target.protocol === 'imaps:',
      auth: { user: decodeURIComponent(target.username), pass: decodeURIComponent(target.password) },
      logger: false,
      disableAutoIdle: true,
    });

  async function pass(): Promise<number> {
    const client = connect();
    client.on('error', (err: Error) => log.warn({ err: err.message }, 'imap connection error'));
    await client.connect();
    let taken = 0;
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const marking = markingFor(client.mailbox ? client.mailbox.permanentFlags : undefined);
        if (marking.flag !== markedWith) {
          markedWith = marking.flag;
          log.info(
            { flag: marking.flag },
            marking.flag === TAKEN ? 'imap: taken mail is marked with our keyword' : 'imap: the mailbox keeps no custom keywords; taken mail is marked \\Seen',
          );
        }
        const uids = (await client.search(marking.search, { uid: true })) || [];
        for (const uid of uids) {
          if (stopped) break;
          if (await takeOne(client, uid, marking.flag)) taken++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return taken;
  }

  /** Stores one message and flags it; a message that cannot be stored now stays unflagged for the next pass. */
  async function takeOne(client: ImapFlow, uid: number, flag: string): Promise<boolean> {
    const head = await client.fetchOne(String(uid), { size: true, envelope: true }, { uid: true });
    if (!head) return false;
    const oversized = (head.size ?? 0) > options.maxMessageBytes;
    let source: Buffer | null = null;
    if (!oversized) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) return false;
      source = message.source;
    }
    try {
      if (oversized) {
        log.warn({ uid, size: head.size }, 'imap message over the size limit: a placeholder is stored instead');
        const from = head.envelope?.from?.[0];
        await intake.takeOversized({
          from: from?.address ?? null,
          name: from?.name ?? null,
          messageId: head.envelope?.messageId ?? null,
          size: head.size ?? 0,
        });
      }
      const outcome = source ? await intake.take(source, {}) : null;
      if (outcome?.kind === 'refused') log.warn({ uid, reason: outcome.reason }, 'imap message refused');
    } catch (err) {
      if (err instanceof UnavailableError) throw err; // the whole pass waits for the database
      log.error({ uid, err: (err as Error).message }, 'imap message could not be taken');
      return false;
    }
    await client.messageFlagsAdd(String(uid), [flag], { uid: true });
    return true;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass()
        .catch((err) => {
          log.warn({ err: (err as Error).message }, 'imap poll failed; trying again later');
          return 0;
        })
        .finally(() => {
          running = null;
          schedule(options.pollMs);
        });
    }, delay);
  }

  schedule(0);
  return {
    async pollOnce() {
      while (running) await running;
      return pass();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
