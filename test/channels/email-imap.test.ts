import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { TAKEN } from '../../src/channels/email/imap-poller.js';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { emlFixture, envEmail, MAILBOX, sendRaw, startSink } from '../helpers/email.js';
import { hasDovecot, startDovecot } from '../helpers/dovecot.js';

// CI installs Dovecot (.ci/run); elsewhere these tests need `apt-get install dovecot-imapd`.
describe.skipIf(!hasDovecot() && !process.env.CI)('the hosted mailbox, polled over IMAP', () => {
  let sys: TestSystem;
  let dovecot: Awaited<ReturnType<typeof startDovecot>>;
  let sink: Awaited<ReturnType<typeof startSink>>;
  const env = () => envEmail(sink.url, { IMAP_URL: dovecot.url, IMAP_POLL_MS: '600000', SMTP_MAX_MESSAGE_BYTES: String(64 * 1024) });
  const poll = () => sys.listeners.get('email')!.poll!();
  const inbound = async () => (await sys.sql<{ n: number }>(`SELECT count(*)::int AS n FROM message WHERE direction = 'in'`))[0]!.n;

  beforeAll(async () => {
    dovecot = await startDovecot();
    sink = await startSink();
    sys = await startTestSystem({ env: env() });
  });
  afterAll(async () => {
    await sys?.teardown();
    await dovecot?.stop();
    await sink?.close();
  });

  /** The mail with these Message-IDs, once each has its case. */
  const taken = (messageIds: string[]) =>
    eventually(async () => {
      const r = await sys.sql<{ body: string; case_id: number | null }>(
        `SELECT body, case_id FROM message WHERE meta #>> '{thread,messageId}' = ANY($1) ORDER BY id`,
        [messageIds],
      );
      return r.length === messageIds.length && r.every((m) => m.case_id) ? r : null;
    });

  /** A letter of its own through the mailbox, polled, and followed until its receipt is out. */
  let letters = 0;
  async function laterLetter(): Promise<void> {
    const n = ++letters;
    await dovecot.deliver(
      `From: later${n}@example.cn\r\nTo: ${MAILBOX}\r\nSubject: later\r\nMessage-ID: <later-${n}@example.cn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n小区门口的长椅坏了。\r\n`,
    );
    await poll();
    await taken([`<later-${n}@example.cn>`]);
    await eventually(async () => sink.to(`later${n}@example.cn`).length === 1);
  }

  it('should take new mail, open cases, mail receipts and flag what it took', async () => {
    await dovecot.deliver(await emlFixture('gb2312-label-gbk-chars.eml'));
    await dovecot.deliver(await emlFixture('big5.eml'));
    await poll();
    const rows = await taken(['<fixture-gb2312@example.cn>', '<fixture-big5@example.tw>']);
    expect(rows.map((r) => r.body)).toEqual(expect.arrayContaining([expect.stringContaining('王堃家门口'), expect.stringContaining('華山街道的水管破裂')]));
    await eventually(async () => sink.to('wangkun@example.cn').length === 1 && sink.to('chen@example.tw').length === 1);
    const flags = await dovecot.flags();
    expect(flags.get('<fixture-gb2312@example.cn>')).toContain(TAKEN);
    expect(flags.get('<fixture-big5@example.tw>')).toContain(TAKEN);
  });

  it('should take nothing twice: not on the next pass, not after a restart, not after a crash before flagging', async () => {
    await dovecot.deliver(await emlFixture('encoded-words-split.eml'));
    await poll();
    await taken(['<fixture-split@example.cn>']);
    await eventually(async () => sink.to('splitter@example.cn').length === 1);
    const before = await inbound();
    expect(await poll()).toBe(0);

    await sys.stop();
    await rm(sys.env.DATA_DIR!, { recursive: true, force: true });
    sys = await startTestSystem({ env: env(), schema: sys.schema, prefix: sys.prefix });
    expect(await poll()).toBe(0);

    await dovecot.unflag(TAKEN); // as if the poller died between storing and flagging
    expect(await poll()).toBe((await dovecot.flags()).size); // every mail in the box, each taken before
    expect(await inbound()).toBe(before);
    expect(sink.to('splitter@example.cn')).toHaveLength(1);
  });

  it('should make one message of the same mail arriving by SMTP and by IMAP', async () => {
    const raw = await emlFixture('gbk-quoted-printable.eml');
    await sendRaw(sys.listeners.get('email')!.port!, raw, { from: 'resident@example.cn', to: [MAILBOX] });
    const before = await inbound();
    await dovecot.deliver(raw);
    expect(await poll()).toBe(1);
    expect(await inbound()).toBe(before);
    expect(await sys.sql(`SELECT 1 FROM message WHERE meta #>> '{thread,messageId}' = '<fixture-gbk@example.cn>'`)).toHaveLength(1);
  });

  it('should store a placeholder naming the sender and the size for mail over the size limit, without its body, and flag it', async () => {
    const raw = `From: Big Sender <big@example.cn>\r\nTo: ${MAILBOX}\r\nSubject: photos\r\nMessage-ID: <fixture-oversized@example.cn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${'秘密内容'.repeat(10)}${'x'.repeat(80 * 1024)}\r\n`;
    await dovecot.deliver(Buffer.from(raw));
    expect(await poll()).toBe(1);
    const [row] = await eventually(() =>
      sys
        .sql<{ body: string; case_id: number | null }>(
          `SELECT body, case_id FROM message WHERE meta #>> '{thread,messageId}' = '<fixture-oversized@example.cn>' AND case_id IS NOT NULL`,
        )
        .then((r) => (r.length ? r : null)),
    );
    expect(row!.body).toContain('big@example.cn');
    expect(row!.body).toMatch(/\d{5,} 字节/);
    expect(row!.body).not.toContain('秘密内容');
    expect((await dovecot.flags()).get('<fixture-oversized@example.cn>')).toContain(TAKEN);
    await laterLetter();
    expect(sink.to('big@example.cn')).toHaveLength(0);
  });
});
