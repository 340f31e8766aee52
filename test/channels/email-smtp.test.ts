/**
 * The mailbox over SMTP around the single letter: receipts threaded to the
 * resident's mail, replies and auto-replies joining their case, bounces, limits,
 * attachments. How each captured mail is decoded and stored, and mail refused
 * for want of a From or a known recipient, is replayed by the channel harness
 * from test/fixtures/email/cases.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { eventually, startTestSystem, type TestSystem } from '../helpers/system.js';
import { emlFixture, envEmail, MAILBOX, sendRaw, smtpClient, startSink } from '../helpers/email.js';

let sys: TestSystem;
let sink: Awaited<ReturnType<typeof startSink>>;
const ZONE_MAILBOX = 'huashan@minqing.test';
const port = () => sys.listeners.get('email')!.port!;
const newAddress = (name = 'resident') => `${name}.${randomBytes(4).toString('hex')}@example.cn`;

beforeAll(async () => {
  sink = await startSink();
  sys = await startTestSystem({
    env: envEmail(sink.url, { SMTP_RATE_PER_HOUR: '6', SMTP_MAX_MESSAGE_BYTES: String(200 * 1024), EMAIL_ATTACHMENT_MAX_BYTES: String(16 * 1024) }),
  });
  await seedDemoDistrict(sys.db.pool);
  await sys.sql(`UPDATE zone SET email_addresses = ARRAY[$1] WHERE code = 'wh-hs'`, [ZONE_MAILBOX]);
});
afterAll(async () => {
  await sys?.teardown();
  await sink?.close();
});

/** A resident's letter through a real SMTP conversation (nodemailer → our listener). */
async function write(from: string, text: string, extra: { to?: string; subject?: string; messageId?: string } = {}) {
  const messageId = extra.messageId ?? `<${randomBytes(8).toString('hex')}@example.cn>`;
  const info = await smtpClient(port()).sendMail({ from, to: extra.to ?? MAILBOX, subject: extra.subject ?? '反映问题', text, messageId });
  return { info, messageId };
}

const caseOf = (messageId: string) =>
  eventually(async () => {
    const rows = await sys.sql<{ id: number; case_no: string; zone: string; routing: { zone: Record<string, unknown> }; origin_channel: string }>(
      `SELECT c.id, c.case_no, z.code AS zone, c.routing, c.origin_channel FROM message m JOIN "case" c ON c.id = m.case_id JOIN zone z ON z.id = c.zone_id
       WHERE m.channel = 'email' AND m.meta #>> '{thread,messageId}' = $1`,
      [messageId],
    );
    return rows[0];
  });

/** The files kept under DATA_DIR/attachments (none before the first attachment is kept). */
const storedFiles = () =>
  readdir(join(sys.env.DATA_DIR!, 'attachments')).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));

const receiptTo = (address: string, count = 1) => eventually(async () => (sink.to(address).length >= count ? sink.to(address) : null));

/**
 * A letter from someone else, sent after the mail under test and followed until its receipt is out: whatever
 * the earlier mail would have caused (a case, a receipt) has come by then. Stands in for waiting a while.
 */
async function laterLetter(): Promise<void> {
  const other = newAddress('later');
  const { messageId } = await write(other, '另一位居民的来信：小区门口的长椅坏了。');
  await caseOf(messageId);
  await receiptTo(other);
}

describe('mail in, receipt out', () => {
  it('should turn a letter into a case and mail the receipt back, threaded and marked automatic', async () => {
    const resident = newAddress();
    const { info, messageId } = await write(resident, '翠湖南路的路灯坏了一个星期了，晚上很黑。', { subject: '路灯坏了' });
    expect(info.response).toMatch(/^250 /);
    const kase = await caseOf(messageId);
    expect(kase.origin_channel).toBe('email');

    const [receipt] = await receiptTo(resident);
    const mail = receipt!.parsed;
    expect(mail.text).toContain(kase.case_no);
    expect(mail.subject).toBe(`[案件编号 ${kase.case_no}] 已收到您的来信`);
    expect(mail.inReplyTo).toBe(messageId);
    expect(mail.references).toBe(messageId);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.messageId).toMatch(/^<[\w-]+@minqing\.test>$/);
    // The sink has the mail a moment before the relay records the send.
    const [outbox] = await eventually(() =>
      sys
        .sql<{ status: string; provider_id: string }>(`SELECT status, provider_id FROM outbox WHERE to_address = $1`, [resident])
        .then((r) => (r[0]?.status === 'sending' ? null : r)),
    );
    expect(outbox).toEqual({ status: 'sent', provider_id: mail.messageId });
  });

  it('should join a reply to the receipt to the same case, without a second receipt', async () => {
    const resident = newAddress();
    const { messageId } = await write(resident, '正义路的井盖丢了。');
    const kase = await caseOf(messageId);
    const [receipt] = await receiptTo(resident);

    const reply = await emlFixture('reply-to-receipt.eml', { SENDER: resident, ORIGINAL_MESSAGE_ID: receipt!.parsed.messageId!, CASE_NO: kase.case_no });
    await sendRaw(port(), reply, { from: resident, to: [MAILBOX] });
    const joined = await caseOf(`<fixture-reply-${resident}>`);
    expect(joined.id).toBe(kase.id);
    const [stored] = await sys.sql<{ body: string }>(`SELECT body FROM message WHERE meta #>> '{thread,messageId}' = $1`, [`<fixture-reply-${resident}>`]);
    expect(stored!.body).toContain('补充一下：坏的是3栋门口那盏');
    await laterLetter();
    expect(sink.to(resident)).toHaveLength(1);
  });

  it("should join a letter quoting the case number only to the sender's own case", async () => {
    const resident = newAddress();
    const { messageId } = await write(resident, '五一路的垃圾三天没人收。');
    const kase = await caseOf(messageId);
    const again = await write(resident, '还是没人来收。', { subject: `关于案件编号 ${kase.case_no}` });
    expect((await caseOf(again.messageId)).id).toBe(kase.id);

    const stranger = await write(newAddress('stranger'), '我也要加入这个案件。', { subject: `案件编号 ${kase.case_no}` });
    expect((await caseOf(stranger.messageId)).id).not.toBe(kase.id);
  });

  it('should make one message of the same Message-ID sent twice', async () => {
    const resident = newAddress();
    const first = await write(resident, '东风西路的红绿灯不亮。');
    await caseOf(first.messageId);
    const second = await write(resident, '东风西路的红绿灯不亮。', { messageId: first.messageId });
    expect(second.info.response).toMatch(/^250 /);
    await laterLetter();
    expect(await sys.sql(`SELECT 1 FROM message WHERE meta #>> '{thread,messageId}' = $1`, [first.messageId])).toHaveLength(1);
    expect(await sys.sql(`SELECT 1 FROM "case" WHERE reply_address = $1`, [resident])).toHaveLength(1);
    expect(sink.to(resident)).toHaveLength(1);
  });

  it("should route mail to a street office's own address to that street and record why", async () => {
    const { messageId } = await write(newAddress(), '楼道里堆满了杂物。', { to: ZONE_MAILBOX });
    const kase = await caseOf(messageId);
    expect(kase.zone).toBe('wh-hs');
    expect(kase.routing.zone).toMatchObject({ reason: 'channel_hint', hint: `mailbox:${ZONE_MAILBOX}` });
  });
});

describe('one bad mail blocks nothing', () => {
  it('should store a letter with NUL bytes in subject and body, and an over-long Message-ID by its content', async () => {
    const sender = newAddress('nul');
    const longId = `<${randomBytes(1500).toString('hex')}@example.cn>`;
    const raw = `From: ${sender}\r\nTo: ${MAILBOX}\r\nSubject: =?utf-8?Q?=E8=B7=AF=00=E7=81=AF?=\r\nMessage-ID: ${longId}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E6=A5=BC=E9=81=93=00=E7=81=AF=E5=9D=8F=E4=BA=86\r\n`;
    const info = await sendRaw(port(), raw, { from: sender, to: [MAILBOX] });
    expect(info.response).toMatch(/^250 /);
    const [row] = await eventually(() =>
      sys
        .sql<{ provider_message_id: string; body: string; meta: { thread: { subject: string; messageId?: string } } }>(
          `SELECT provider_message_id, body, meta FROM message WHERE meta @> $1::jsonb`,
          [JSON.stringify({ replyTo: { address: sender } })],
        )
        .then((r) => (r.length ? r : null)),
    );
    expect(row!.provider_message_id).toMatch(/^sha256:/);
    expect(row!.meta.thread.messageId).toBeUndefined();
    expect(row!.body).toContain('楼道灯坏了');
    expect(row!.meta.thread.subject).toBe('路灯');
  });

  it('should cut a long subject by code point, never inside an emoji', async () => {
    const subject = `${'问'.repeat(299)}😀尾`;
    const { messageId } = await write(newAddress(), '楼下噪音很大。', { subject });
    await caseOf(messageId);
    const [row] = await sys.sql<{ meta: { thread: { subject: string } } }>(`SELECT meta FROM message WHERE meta #>> '{thread,messageId}' = $1`, [messageId]);
    expect(row!.meta.thread.subject).toBe(`${'问'.repeat(299)}😀`);
  });

  it('should keep another sender reusing a Message-ID as a message of its own', async () => {
    const first = await write(newAddress(), '人民路的下水道堵了。');
    const firstCase = await caseOf(first.messageId);
    const other = newAddress('other');
    const second = await write(other, '我家楼下的路灯不亮。', { messageId: first.messageId });
    expect(second.info.response).toMatch(/^250 /);
    const [otherCase] = await eventually(() =>
      sys
        .sql<{ id: number }>(`SELECT case_id AS id FROM message WHERE meta @> $1::jsonb AND case_id IS NOT NULL`, [
          JSON.stringify({ replyTo: { address: other } }),
        ])
        .then((r) => (r.length ? r : null)),
    );
    expect(otherCase!.id).not.toBe(firstCase.id);
    await receiptTo(other);
  });

  it("should not join a stranger quoting a resident's Message-ID to the resident's case", async () => {
    const resident = await write(newAddress(), '金碧路的路面开裂了。');
    const kase = await caseOf(resident.messageId);
    const stranger = newAddress('stranger');
    const raw = `From: ${stranger}\r\nTo: ${MAILBOX}\r\nSubject: Re: 反映问题\r\nMessage-ID: <${randomBytes(6).toString('hex')}@example.cn>\r\nIn-Reply-To: ${resident.messageId}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n我也有意见。\r\n`;
    await sendRaw(port(), raw, { from: stranger, to: [MAILBOX] });
    const [row] = await eventually(() =>
      sys
        .sql<{ case_id: number }>(`SELECT case_id FROM message WHERE meta @> $1::jsonb AND case_id IS NOT NULL`, [
          JSON.stringify({ replyTo: { address: stranger } }),
        ])
        .then((r) => (r.length ? r : null)),
    );
    expect(row!.case_id).not.toBe(kase.id);
  });
});

describe('machines get no answer', () => {
  it('should store an auto-reply to a receipt on its case and answer nothing', async () => {
    const resident = newAddress();
    const { messageId } = await write(resident, '华山南路人行道有个大坑。');
    const kase = await caseOf(messageId);
    const [receipt] = await receiptTo(resident);
    const auto = await emlFixture('auto-reply.eml', { SENDER: resident, ORIGINAL_MESSAGE_ID: receipt!.parsed.messageId! });
    await sendRaw(port(), auto, { from: resident, to: [MAILBOX] });
    expect((await caseOf(`<fixture-autoreply-${resident}>`)).id).toBe(kase.id);
    await laterLetter();
    expect(sink.to(resident)).toHaveLength(1);
  });

  it('should join an auto-reply to the answer of a closed case without reopening it', async () => {
    const resident = newAddress();
    const { messageId } = await write(resident, '青年路的排水沟堵了。');
    const kase = await caseOf(messageId);
    const [receipt] = await receiptTo(resident);
    await sys.sql(`UPDATE "case" SET status = 'closed', closed_at = now() WHERE id = $1`, [kase.id]);
    const auto = await emlFixture('auto-reply.eml', { SENDER: resident, ORIGINAL_MESSAGE_ID: receipt!.parsed.messageId! });
    await sendRaw(port(), auto, { from: resident, to: [MAILBOX] });
    expect((await caseOf(`<fixture-autoreply-${resident}>`)).id).toBe(kase.id);
    const [after] = await sys.sql<{ status: string }>(`SELECT status FROM "case" WHERE id = $1`, [kase.id]);
    expect(after!.status).toBe('closed');
    expect(await sys.sql(`SELECT 1 FROM case_event WHERE case_id = $1 AND type = 'reopened'`, [kase.id])).toHaveLength(0);
  });

  it.each([
    ['list mail', 'List-Id: <weekly.news.example.cn>'],
    ['bulk mail', 'Precedence: bulk'],
    ['an auto-reply out of the blue', 'Auto-Submitted: auto-generated'],
  ])('should open a case for %s but withhold the receipt', async (_title, header) => {
    const sender = newAddress('robot');
    const messageId = `<${randomBytes(6).toString('hex')}@example.cn>`;
    const raw = `From: ${sender}\r\nTo: ${MAILBOX}\r\nSubject: news\r\nMessage-ID: ${messageId}\r\n${header}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n本周社区活动通知。\r\n`;
    await sendRaw(port(), raw, { from: sender, to: [MAILBOX] });
    const kase = await caseOf(messageId);
    const events = await sys.sql<{ type: string; detail: { reason: string } }>(`SELECT type, detail FROM case_event WHERE case_id = $1 ORDER BY id`, [kase.id]);
    expect(events.map((e) => e.type)).toContain('receipt_withheld');
    expect(await sys.sql(`SELECT 1 FROM outbox WHERE case_id = $1`, [kase.id])).toHaveLength(0);
  });

  it('should stop automatic mail to one address at the hourly cap (loop guard)', async () => {
    const looping = newAddress('loop');
    for (let n = 0; n < 6; n++) await write(looping, `第${n + 1}封：新问题${n}`, { subject: `问题${n}` });
    const failed = await eventually(async () => {
      const rows = await sys.sql<{ status: string; last_error: string | null }>(`SELECT status, last_error FROM outbox WHERE to_address = $1 ORDER BY id`, [
        looping,
      ]);
      return rows.length === 6 && rows.every((r) => r.status !== 'pending' && r.status !== 'sending') ? rows : null;
    });
    expect(failed.filter((r) => r.status === 'sent')).toHaveLength(5);
    expect(failed.find((r) => r.status === 'failed')!.last_error).toMatch(/loop guard/);
    expect(sink.to(looping)).toHaveLength(5);
  });
});

describe('bounces', () => {
  it('should mark a bounced receipt failed, put it on the timeline and tell the liaison', async () => {
    const resident = newAddress('gone');
    const { messageId } = await write(resident, '华山西路的路面塌陷了。', { to: ZONE_MAILBOX });
    const kase = await caseOf(messageId);
    const [receipt] = await receiptTo(resident);
    // A bounce comes after the send is recorded (minutes later, in life).
    await eventually(async () => (await sys.sql<{ status: string }>(`SELECT status FROM outbox WHERE to_address = $1`, [resident]))[0]?.status === 'sent');
    const dsn = await emlFixture('bounce.eml', { ORIGINAL_MESSAGE_ID: receipt!.parsed.messageId!, RECIPIENT: resident });
    const info = await sendRaw(port(), dsn, { from: '', to: [MAILBOX] });
    expect(info.response).toMatch(/^250 /);

    const [outbox] = await sys.sql<{ status: string; last_error: string }>(`SELECT status, last_error FROM outbox WHERE to_address = $1`, [resident]);
    expect(outbox).toMatchObject({ status: 'failed', last_error: expect.stringContaining('5.1.1') });
    const events = await sys.sql<{ type: string }>(`SELECT type FROM case_event WHERE case_id = $1 ORDER BY id`, [kase.id]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['delivery_failed', 'liaison_notified']));
    const [note] = await receiptTo('lijianhua@demo.invalid');
    expect(note!.parsed.text).toContain(kase.case_no);
    expect(note!.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(await sys.sql(`SELECT 1 FROM message WHERE meta #>> '{thread,messageId}' = $1`, [`<fixture-bounce-${resident}@mx.example.cn>`])).toHaveLength(0);
  });
});

describe('mail from the null sender', () => {
  const inbound = async () => (await sys.sql<{ n: number }>(`SELECT count(*)::int AS n FROM message WHERE direction = 'in'`))[0]!.n;

  it.each([
    [
      'a delay notice (Action: delayed)',
      async () =>
        (await emlFixture('bounce.eml', { ORIGINAL_MESSAGE_ID: '<x@minqing.test>', RECIPIENT: newAddress() }))
          .toString('latin1')
          .replace('Action: failed', 'Action: delayed')
          .replace('Status: 5.1.1', 'Status: 4.4.7'),
    ],
    [
      'a non-standard bounce',
      async () =>
        `From: MAILER-DAEMON@mx.example.cn\r\nTo: ${MAILBOX}\r\nSubject: failure notice\r\nMessage-ID: <${randomBytes(6).toString('hex')}@mx.example.cn>\r\n\r\nSorry, I could not deliver your message.\r\n`,
    ],
  ])('should take %s with 250 and open no case', async (_title, raw) => {
    const before = await inbound();
    const info = await sendRaw(port(), await raw(), { from: '', to: [MAILBOX] });
    expect(info.response).toMatch(/^250 /);
    await laterLetter();
    expect(await inbound()).toBe(before + 1); // the later letter, nothing else
  });
});

describe('attachments and HTML', () => {
  it('should keep the photo under a generated name and list the zip bomb and the program as refused', async () => {
    await sendRaw(port(), await emlFixture('attachments.eml'), { from: 'photos@example.cn', to: [MAILBOX] });
    const kase = await caseOf('<fixture-attachments@example.cn>');
    const [row] = await sys.sql<{ attachments: { id: string; contentType: string; originalName?: string; rejected?: string; sha256?: string }[] }>(
      `SELECT attachments FROM message WHERE case_id = $1 AND direction = 'in'`,
      [kase.id],
    );
    const [photo, zip, exe] = row!.attachments;
    expect(photo).toMatchObject({ contentType: 'image/png', originalName: '现场.png', sha256: expect.any(String) });
    expect(photo!.id).toMatch(/^[0-9a-f-]{36}\.png$/);
    expect(zip).toMatchObject({ originalName: 'photos.zip', rejected: expect.stringContaining('only') });
    expect(exe).toMatchObject({ originalName: 'invoice.exe', rejected: expect.stringContaining('only') });
    const stored = await storedFiles();
    expect(stored).toContain(photo!.id);
    expect(stored.filter((f) => !f.endsWith('.png'))).toEqual([]);
  });

  it('should list an attachment over the size limit as refused and store nothing of it', async () => {
    const png = await readFile(new URL('../fixtures/web/pixel.png', import.meta.url));
    const big = Buffer.concat([png, Buffer.alloc(20 * 1024)]); // a PNG by its first bytes, 20 KiB long
    const messageId = `<${randomBytes(6).toString('hex')}@example.cn>`;
    const before = await storedFiles();
    await smtpClient(port()).sendMail({
      from: 'big@example.cn',
      to: MAILBOX,
      subject: '照片',
      text: '见附件',
      messageId,
      attachments: [{ filename: 'big.png', content: big }],
    });
    await caseOf(messageId);
    const [row] = await sys.sql<{ attachments: unknown[] }>(`SELECT attachments FROM message WHERE meta #>> '{thread,messageId}' = $1`, [messageId]);
    expect(row!.attachments).toEqual([
      { id: 'refused-1', contentType: 'image/png', size: big.length, originalName: 'big.png', rejected: 'larger than 16384 bytes' },
    ]);
    expect(await storedFiles()).toEqual(before);
  });

  it('should store HTML-only mail as clean text, keeping the HTML sanitized', async () => {
    await sendRaw(port(), await emlFixture('html-only.eml'), { from: 'html@example.cn', to: [MAILBOX] });
    await caseOf('<fixture-html@example.cn>');
    const [row] = await sys.sql<{ body: string; meta: { html: string } }>(
      `SELECT body, meta FROM message WHERE meta #>> '{thread,messageId}' = '<fixture-html@example.cn>'`,
    );
    expect(row!.body).toContain('护国路的井盖丢失了，很危险。');
    expect(`${row!.body}${row!.meta.html}`).not.toMatch(/<script|alert|onerror|javascript:|iframe/i);
  });
});

describe('bad input gets an SMTP code and stores nothing', () => {
  // Inbound rows are written before the 250; cases and receipts of earlier tests may still be on their way.
  const inbound = async () => (await sys.sql<{ n: number }>(`SELECT count(*)::int AS n FROM message WHERE direction = 'in'`))[0]!.n;
  const refused = async (send: () => Promise<unknown>) => {
    const before = await inbound();
    const err = (await send().then(
      () => null,
      (e: { responseCode?: number; response?: string }) => e,
    ))!;
    expect(err).not.toBeNull();
    expect(await inbound()).toBe(before);
    return err;
  };

  it('should refuse an unknown recipient at RCPT with 550', async () => {
    const err = await refused(() => write(newAddress(), '你好', { to: 'nobody@minqing.test' }));
    expect(err.responseCode).toBe(550);
    const metrics = await sys.app!.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/minqing_smtp_replies_total\{stage="rcpt",code="550"\} [1-9]/);
  });

  it('should refuse a message over the size limit with 552', async () => {
    const err = await refused(() => write(newAddress(), '大'.repeat(120 * 1024)));
    expect(err.responseCode).toBe(552);
  });

  it('should store malformed MIME safely rather than crash', async () => {
    const raw = `From: broken@example.cn\r\nTo: ${MAILBOX}\r\nMessage-ID: <broken@example.cn>\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain; charset=no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n--`;
    const info = await sendRaw(port(), raw, { from: 'broken@example.cn', to: [MAILBOX] });
    expect(info.response).toMatch(/^250 /);
    await caseOf('<broken@example.cn>');
    const again = await write(newAddress(), '服务器还在吗？');
    expect(again.info.response).toMatch(/^250 /);
  });

  it('should slow down one sender past the hourly limit with 450', async () => {
    const flooder = newAddress('flood');
    for (let n = 0; n < 6; n++) await write(flooder, `第${n}封`);
    const err = await refused(() => write(flooder, '第七封'));
    expect(err.responseCode).toBe(450);
  });

  it('should keep residents’ addresses and letters out of the logs', async () => {
    const resident = newAddress('private');
    const { messageId } = await write(resident, '路灯又坏了，请尽快修。', { subject: '路灯' });
    await caseOf(messageId);
    await receiptTo(resident);
    await write(resident, '你好', { to: 'nobody@minqing.test' }).catch(() => null); // refused at RCPT, and logged as such
    const logs = sys.logs.join('');
    expect(logs).toMatch(/smtp listener started/);
    expect(logs).not.toContain(resident);
    expect(logs).not.toMatch(/@example\.cn/);
    expect(logs).not.toContain('路灯');
  });
});
