import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { parseEmail } from '../../src/channels/email/parse.js';
import { emlFixture, expectedTexts } from '../helpers/email.js';

const FIXTURES = new URL('../fixtures/email/', import.meta.url);
/** What the tests of the whole channel fill in (our receipt's Message-ID, the resident, the case). */
const VALUES = { SENDER: 'resident@example.cn', ORIGINAL_MESSAGE_ID: '<r1@minqing.test>', CASE_NO: '2611300042', RECIPIENT: 'gone@example.cn' };
const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_m, k: keyof typeof VALUES) => VALUES[k]);

describe('email fixtures decode to UTF-8', async () => {
  const expected = await expectedTexts();
  const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.eml'));

  it('should have an expectation for every fixture', () => {
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });

  it.each(files)('should decode %s', async (file) => {
    const want = expected[file]!;
    const mail = await parseEmail(await emlFixture(file, VALUES));
    expect(mail.subject).toBe(fill(want.subject));
    expect(mail.text).toBe(fill(want.text));
    if (want.fromName) expect(mail.from?.name).toBe(want.fromName);
    for (const bad of want.notInText ?? []) {
      expect(mail.text).not.toContain(bad);
      expect(mail.html ?? '').not.toContain(bad);
    }
    expect(mail.text).not.toMatch(/\uFFFD/);
  });
});

describe('email parsing', () => {
  it('should keep HTML only sanitized: no scripts, handlers, frames or javascript: links', async () => {
    const mail = await parseEmail(await emlFixture('html-only.eml'));
    expect(mail.html).toContain('<b>井盖</b>');
    expect(mail.html).not.toMatch(/<script|onerror|javascript:|<iframe|<style|<img/i);
  });

  it('should leave no half-open tag where long HTML is cut', async () => {
    // The cut (at 200 000 characters) falls inside the link's opening tag.
    const html = `<p>${'a'.repeat(199_970)}</p><p><a href="https://x.example/${'b'.repeat(60)}">x</a></p>`;
    const raw = `From: long@example.cn\r\nTo: mailbox@minqing.test\r\nSubject: long\r\nMessage-ID: <long@example.cn>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;
    const mail = await parseEmail(Buffer.from(raw));
    expect(mail.html!.length).toBeLessThanOrEqual(200_010);
    expect(mail.html).not.toMatch(/<[^>]*$/);
  });

  it('should treat a Message-ID longer than 255 characters or not shaped <…@…> as missing', async () => {
    const mail = (id: string) => parseEmail(Buffer.from(`From: a@example.cn\r\nTo: mailbox@minqing.test\r\nMessage-ID: ${id}\r\n\r\nhi\r\n`));
    expect((await mail('<ok@example.cn>')).messageId).toBe('<ok@example.cn>');
    expect((await mail(`<${'x'.repeat(300)}@example.cn>`)).messageId).toBeNull();
    expect((await mail('<no-at-sign>')).messageId).toBeNull();
  });

  it('should know machines: auto-replies, list mail, bounces and Outlook suppression', async () => {
    const auto = await parseEmail(await emlFixture('auto-reply.eml', { SENDER: 'a@example.cn', ORIGINAL_MESSAGE_ID: '<x@y>' }));
    expect(auto.automatic).toBe('auto-submitted: auto-replied');
    const plain = (headers: string) => Buffer.from(`From: a@example.cn\r\nTo: mailbox@minqing.test\r\nSubject: hi\r\n${headers}\r\n\r\n路灯坏了\r\n`);
    expect((await parseEmail(plain('Precedence: bulk'))).automatic).toBe('precedence: bulk');
    expect((await parseEmail(plain('List-Id: <news.example.cn>'))).automatic).toBe('list mail');
    expect((await parseEmail(plain('Auto-Submitted: no'))).automatic).toBeNull();
    expect((await parseEmail(plain('X-Auto-Response-Suppress: All'))).automatic).toBe('x-auto-response-suppress');
    expect((await parseEmail(plain('X-Mailer: Foxmail'), { mailFrom: '' })).automatic).toBe('null return path (bounce)');
    expect((await parseEmail(plain('X-Mailer: Foxmail'), { mailFrom: 'a@example.cn' })).automatic).toBeNull();
  });

  it('should read a DSN: the failed Message-ID, the status and the diagnostic', async () => {
    const mail = await parseEmail(await emlFixture('bounce.eml', { ORIGINAL_MESSAGE_ID: '<abc@minqing.test>', RECIPIENT: 'gone@example.cn' }), {
      mailFrom: '',
    });
    expect(mail.deliveryReport).toEqual({
      originalMessageIds: ['<abc@minqing.test>'],
      action: 'failed',
      status: '5.1.1',
      diagnostic: 'smtp; 550 5.1.1 <gone@example.cn>: Recipient address rejected: User unknown',
    });
  });

  it('should read threading: references in order and the case number quoted in the subject', async () => {
    const mail = await parseEmail(
      await emlFixture('reply-to-receipt.eml', { SENDER: 'a@example.cn', ORIGINAL_MESSAGE_ID: '<r1@minqing.test>', CASE_NO: '2611300042' }),
    );
    expect(mail.references).toEqual(['<r1@minqing.test>']);
    expect(mail.caseNo).toBe('2611300042');
    expect(mail.from).toEqual({ address: 'a@example.cn' });
  });

  it('should survive malformed MIME without throwing', async () => {
    const broken = Buffer.from(
      'From: a@example.cn\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\nContent-Type: text/plain\r\n\r\n半截邮件\r\n--never-clo',
    );
    const mail = await parseEmail(broken);
    expect(mail.text).toContain('半截邮件');
  });
});
