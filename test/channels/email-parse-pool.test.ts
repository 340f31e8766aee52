/**
 * Large mail is parsed in worker threads (src/channels/email/parse-pool.ts):
 * what comes back from the other thread is exactly what the event loop would
 * have parsed, attachments as Buffers and all.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/channels/email/parse.js';
import { MailParsePool } from '../../src/channels/email/parse-pool.js';
import { emlFixture } from '../helpers/email.js';

const VALUES = { SENDER: 'resident@example.cn', ORIGINAL_MESSAGE_ID: '<r1@minqing.test>', CASE_NO: '2611300042', RECIPIENT: 'gone@example.cn' };
const files = (await readdir(new URL('../fixtures/email/', import.meta.url))).filter((f) => f.endsWith('.eml'));

// Every mail goes to a thread here (offload above 0 bytes).
const pool = new MailParsePool(2, 0);
afterAll(() => pool.close());

describe('the mail parse pool', () => {
  it.each(files)('should parse %s in a worker thread exactly as in place', async (file) => {
    const raw = await emlFixture(file, VALUES);
    const [inThread, inPlace] = await Promise.all([pool.parse(raw, { mailFrom: VALUES.SENDER }), parseEmail(raw, { mailFrom: VALUES.SENDER })]);
    expect(inThread).toEqual(inPlace);
    for (const a of inThread.attachments) expect(Buffer.isBuffer(a.content)).toBe(true);
  });

  it('should parse small mail in place and still answer many large ones at once', async () => {
    const small = new MailParsePool(1, 1 << 20);
    const raw = await emlFixture('attachments.eml', VALUES);
    expect(await small.parse(raw)).toEqual(await parseEmail(raw));
    await small.close();
    const parsed = await Promise.all(Array.from({ length: 6 }, () => pool.parse(raw)));
    expect(new Set(parsed.map((m) => m.subject)).size).toBe(1);
  });
});
