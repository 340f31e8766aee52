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
  const env = () => envEmail(sink.url, { IMAP_URL: dovecot.url, IMAP_POLL_MS: '600000' });
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

  it('should take new mail, open cases, mail receipts and flag what it took', async () => {
    await dovecot.deliver(await emlFixture('gb2312-label-gbk-chars.eml'));
    await dovecot.deliver(await emlFixture('big5.eml'));
    await poll();
    const rows = await eventually(async () => {
      const r = await sys.sql<{ body: string; case_id: number | null }>(`SELECT body, case_id FROM message WHERE direction = 'in' ORDER BY id`);
      return r.length === 2 && r.every((m) => m.case_id) ? r : null;
    });
    expect(rows.map((r) => r.body)).toEqual(expect.arrayContaining([expect.stringContaining('王堃家门口'), expect.stringContaining('華山街道的水管破裂')]));
    await eventually(async () => sink.to('wangkun@example.cn').length === 1 && sink.to('chen@example.tw').length === 1);
    const flags = await dovecot.flags();
    expect(flags.get('<fixture-gb2312@example.cn>')).toContain(TAKEN);
    expect(flags.get('<fixture-big5@example.tw>')).toContain(TAKEN);
  });

  it('should take nothing twice: not on the next pass, not after a restart, not after a crash before flagging', async () => {
    const before = await inbound();
    expect(await poll()).toBe(0);

    await sys.stop();
    await rm(sys.env.DATA_DIR!, { recursive: true, force: true });
    sys = await startTestSystem({ env: env(), schema: sys.schema, prefix: sys.prefix });
    expect(await poll()).toBe(0);

    await dovecot.unflag(TAKEN); // as if the poller died between storing and flagging
    expect(await poll()).toBe(2);
    expect(await inbound()).toBe(before);
    expect(sink.to('wangkun@example.cn')).toHaveLength(1);
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
});
