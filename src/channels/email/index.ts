import { join } from 'node:path';
import type { ChannelListener, ChannelModule } from '../contract.js';
import { AttachmentStore, IMAGES_AND_PDF } from '../../intake/attachments.js';
import { EmailSender } from './sender.js';
import { MailIntake } from './inbound.js';
import { startSmtpListener } from './smtp-listener.js';
import { startImapPoller } from './imap-poller.js';
import { MailParsePool } from './parse-pool.js';

/**
 * The mailbox (民意信箱): mail in through our SMTP server and, where an
 * office already has a hosted mailbox, by IMAP polling; receipts and answers
 * out through SMTP_URL, threaded so replies join their case.
 */
export const email: ChannelModule = {
  name: 'email',
  createSender: ({ config, pool }) => new EmailSender(config, pool),
  async listen({ config, pool, acceptor, catalog, log }): Promise<ChannelListener> {
    // Large mail is parsed in worker threads, so the process keeps answering while it arrives.
    const parsing = new MailParsePool(config.EMAIL_PARSE_THREADS, config.SMTP_SPOOL_ABOVE_BYTES);
    const intake = new MailIntake({
      parse: parsing.parse,
      pool,
      acceptor,
      catalog,
      log,
      attachments: new AttachmentStore(join(config.DATA_DIR, 'attachments'), IMAGES_AND_PDF),
      limits: { attachmentMaxBytes: config.EMAIL_ATTACHMENT_MAX_BYTES, attachmentMaxCount: config.EMAIL_ATTACHMENT_MAX_COUNT },
    });
    const smtp = await startSmtpListener(config, intake, catalog, log);
    const imap = config.IMAP_URL
      ? startImapPoller({ url: config.IMAP_URL, pollMs: config.IMAP_POLL_MS, maxMessageBytes: config.SMTP_MAX_MESSAGE_BYTES }, intake, log)
      : null;
    return {
      port: smtp.port,
      ...(imap ? { poll: () => imap.pollOnce() } : {}),
      async stop() {
        await imap?.stop();
        await smtp.stop();
        await parsing.close();
      },
    };
  },
};
