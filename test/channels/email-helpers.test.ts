import { describe, expect, it } from 'vitest';
import { smtpSendError } from '../../src/channels/email/smtp-errors.js';
import { SlidingWindowLimit } from '../../src/channels/email/rate-limit.js';
import { normalizeCharsets } from '../../src/channels/email/charsets.js';
import { caseNoInSubject, threadHeaders } from '../../src/channels/email/threading.js';
import { markingFor, TAKEN } from '../../src/channels/email/imap-poller.js';
import { sanitizeEmailHtml } from '../../src/channels/email/sanitize.js';

describe('send errors from SMTP', () => {
  it.each([
    [
      { responseCode: 550, message: '550 5.1.1 <zhang@example.cn>: Recipient address rejected' },
      false,
      'smtp 550: 550 5.1.1 <[address]>: Recipient address rejected',
    ],
    [{ responseCode: 451, message: '451 4.7.1 greylisted' }, true, 'smtp 451: 451 4.7.1 greylisted'],
    [{ code: 'EAUTH', message: 'Invalid login' }, false, 'smtp EAUTH: authentication to the mail server failed'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, true, 'smtp ECONNECTION: connect ECONNREFUSED'],
    [{}, true, 'smtp error: send failed'],
  ])('should map %o', (err, retryable, message) => {
    const mapped = smtpSendError(err);
    expect(mapped.retryable).toBe(retryable);
    expect(mapped.message).toBe(message);
  });
});

describe('per-sender limit', () => {
  it('should allow the limit within the window, refuse the next, and allow again once the window has passed', () => {
    const limit = new SlidingWindowLimit(2, 1000);
    expect([limit.take('a', 0), limit.take('a', 10), limit.take('a', 20), limit.take('b', 20)]).toEqual([true, true, false, true]);
    expect(limit.take('a', 1001)).toBe(true);
  });
});

describe('charset labels', () => {
  it('should read GB2312, GBK and CP936 labels as GB18030 in headers and encoded-words, and leave others alone', () => {
    const raw = Buffer.from('Subject: =?GB2312?B?xxx?= =?gbk?Q?x?=\r\nContent-Type: text/plain; charset="cp936"\r\n\r\ncharset=big5 stays\r\n', 'latin1');
    expect(normalizeCharsets(raw).toString('latin1')).toBe(
      'Subject: =?gb18030?B?xxx?= =?gb18030?Q?x?=\r\nContent-Type: text/plain; charset="gb18030"\r\n\r\ncharset=big5 stays\r\n',
    );
  });
});

describe('threading', () => {
  it.each([
    ['回复：您的来信已登记 [案件编号 2611300042]', '2611300042'],
    ['Re: [Case 2611300042] street light', '2611300042'],
    ['关于编号：261130004217的进展', '261130004217'],
    ['电话13800001234', null],
  ])('should read the case number in %s', (subject, caseNo) => {
    expect(caseNoInSubject(subject)).toBe(caseNo);
  });

  it("should answer the resident's latest mail, keep the case number once, and mark receipts automatic but not a liaison's answer or resolution", () => {
    const facts = { caseNo: '2611300042', residentSubject: 'Re: 路灯坏了 [案件编号 2611300042]', earlier: ['<a@x>', '<b@y>'], answering: '<b@y>' };
    expect(threadHeaders(facts, 'answer', 'zh')).toEqual({
      subject: '回复: 路灯坏了 [案件编号 2611300042]',
      inReplyTo: '<b@y>',
      references: ['<a@x>', '<b@y>'],
      automatic: false,
    });
    expect(threadHeaders({ ...facts, residentSubject: null }, 'answer', 'en')).toMatchObject({
      subject: '[Case 2611300042] Our answer to your message',
      automatic: false,
    });
    expect(threadHeaders(facts, 'resolution', 'zh')).toMatchObject({ subject: '[案件编号 2611300042] 办理结果：路灯坏了', automatic: false });
    expect(threadHeaders({ ...facts, residentSubject: null }, 'resolution', 'en')).toMatchObject({
      subject: '[Case 2611300042] The result of your case',
      automatic: false,
    });
  });

  it.each([
    ['receipt', '[案件编号 2611300042] 已收到您的来信'],
    ['answer', '[案件编号 2611300042] 对您来信的答复'],
    ['resolution', '[案件编号 2611300042] 办理结果'],
    ['survey', '[案件编号 2611300042] 请您评价办理情况'],
    ['survey_thanks', '[案件编号 2611300042] 感谢您的评价'],
    ['knowledge_handover', '[案件编号 2611300042] 您的问题已转交工作人员办理'],
  ] as const)('should say what a %s mail is in its subject, with the case number', (kind, subject) => {
    const facts = { caseNo: '2611300042', residentSubject: null, earlier: [], answering: null };
    expect(threadHeaders(facts, kind, 'zh').subject).toBe(subject);
  });

  it.each([
    ['zh', '[案件编号 2611300042] 已收到您的来信'],
    ['en', '[Case 2611300042] We have received your message'],
  ] as const)("should give automatic mail (%s) a fixed subject, never the resident's text, still quoting the case number", (language, subject) => {
    const facts = { caseNo: '2611300042', residentSubject: '免费领取 http://spam.example', earlier: ['<a@x>'], answering: '<a@x>' };
    const headers = threadHeaders(facts, 'receipt', language);
    expect(headers).toEqual({ subject, inReplyTo: '<a@x>', references: ['<a@x>'], automatic: true });
    expect(caseNoInSubject(headers.subject)).toBe('2611300042');
  });
});

describe('marking taken IMAP mail', () => {
  it('should use our keyword where the mailbox keeps custom keywords, and \\Seen (taking unseen mail only) where it does not', () => {
    expect(markingFor(undefined)).toEqual({ flag: TAKEN, search: { unKeyword: TAKEN } });
    expect(markingFor(new Set(['\\Seen', '\\*']))).toEqual({ flag: TAKEN, search: { unKeyword: TAKEN } });
    expect(markingFor(new Set(['\\Seen', '\\Deleted', '\\Flagged']))).toEqual({ flag: '\\Seen', search: { seen: false } });
  });
});

describe('the HTML sanitizer, pinned to 2.17.5 for Node 20', () => {
  // 2.17.6 and 2.17.7 fixed two XSS (via </textarea/> where textarea or xmp are allowed, and SVG SMIL
  // animations of URL attributes); our allow-list admits neither, and this guards that it stays so.
  it('should drop textarea, xmp and svg with everything inside them', () => {
    const hostile = [
      '<p>a</p><textarea></textarea/><img src=x onerror=alert(1)></textarea>',
      '<xmp><img src=x onerror=alert(2)></xmp>',
      '<svg><a><animate attributeName="href" values="javascript:alert(3)"/><text>b</text></a></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(4)>',
    ].join('');
    const safe = sanitizeEmailHtml(hostile);
    // No element survives but the allowed ones; what xmp held is left as escaped text, never markup.
    expect(safe).not.toMatch(/<(img|svg|animate|textarea|xmp|style|math)\b|javascript:/i);
    expect(safe).toBe('<p>a</p>&lt;img src=x onerror=alert(2)&gt;<a>b</a><table></table>');
  });
});
