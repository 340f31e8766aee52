/**
 * Writes the email channel's .eml fixtures (test/fixtures/email/) the way
 * Chinese mail really arrives: GBK bytes under a GB2312 label, Big5,
 * GB18030's four-byte characters, encoded-words split inside a character,
 * raw 8-bit headers, HTML-only mail with scripts, attachments, a DSN bounce,
 * an auto-reply, a reply to a receipt, a letter to a street office's own
 * address and one without a From. `expected.json` beside them holds
 * the UTF-8 each must decode to. Run: npx tsx scripts/make-email-fixtures.ts
 */
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const DIR = new URL('../test/fixtures/email/', import.meta.url);
const DATE = 'Date: Mon, 30 Nov 2026 09:15:00 +0800';
const enc = (text: string, charset: string) => iconv.encode(text, charset);
const b64 = (bytes: Buffer) => bytes.toString('base64');
/** One RFC 2047 B-word over the given bytes. */
const word = (charset: string, bytes: Buffer) => `=?${charset}?B?${b64(bytes)}?=`;
const crlf = (lines: (string | Buffer)[]) =>
  Buffer.concat(lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l, 'latin1') : l, Buffer.from('\r\n')])));
const wrap76 = (s: string) => s.replace(/.{1,76}/g, (l) => `${l}\r\n`).trimEnd();

const expected: Record<string, { subject: string; text: string; fromName?: string; notInText?: string[] }> = {};
function write(name: string, bytes: Buffer, expect: (typeof expected)[string]) {
  writeFileSync(new URL(name, DIR), bytes);
  expected[name] = expect;
}

// GB2312 label, but 镕 and 堃 exist only in GBK, and 䶮 only in GB18030 (four bytes): decoders that trust the label lose them.
{
  const subject = '朱镕基路王堃家门口路灯坏了';
  const text = '您好：朱镕基路12号王堃家门口的路灯坏了一个星期，晚上很黑，请尽快维修。刘䶮';
  write(
    'gb2312-label-gbk-chars.eml',
    crlf([
      'From: =?GB2312?B?' + b64(enc('王堃', 'gbk')) + '?= <wangkun@example.cn>',
      'To: mailbox@minqing.test',
      `Subject: ${word('GB2312', enc(subject, 'gbk'))}`,
      DATE,
      'Message-ID: <fixture-gb2312@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="gb2312"',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(enc(text, 'gb18030'))),
    ]),
    { subject, text, fromName: '王堃' },
  );
}

// GBK, quoted-printable.
{
  const subject = '小区噪音扰民';
  const text = '翠湖社区3栋楼下的烧烤摊每天营业到凌晨两点，噪音很大，影响休息。';
  const qp = [...enc(text, 'gbk')]
    .map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('')
    .replace(/(.{72})/g, '$1=\r\n');
  write(
    'gbk-quoted-printable.eml',
    crlf([
      'From: resident@example.cn',
      'To: mailbox@minqing.test',
      `Subject: =?GBK?Q?${[...enc(subject, 'gbk')].map((b) => `=${b.toString(16).toUpperCase()}`).join('')}?=`,
      DATE,
      'Message-ID: <fixture-gbk@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=GBK',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp,
    ]),
    { subject, text },
  );
}

// GB18030: four-byte sequences (CJK extension A 㐀, the euro sign's neighbour ₠ and 𠮷).
{
  const subject = '𠮷野家门口㐀字招牌掉落';
  const text = '𠮷野家门口的㐀字招牌松动，随时可能掉下来砸到行人。';
  write(
    'gb18030-four-byte.eml',
    crlf([
      'From: resident18030@example.cn',
      'To: mailbox@minqing.test',
      `Subject: ${word('GB18030', enc(subject, 'gb18030'))}`,
      DATE,
      'Message-ID: <fixture-gb18030@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=gb18030',
      'Content-Transfer-Encoding: 8bit',
      '',
      enc(text, 'gb18030'),
    ]),
    { subject, text },
  );
}

// Big5 (traditional characters), subject and body.
{
  const subject = '臺灣同胞反映水管破裂';
  const text = '華山街道的水管破裂，馬路上積水很深，請盡快處理。謝謝！';
  write(
    'big5.eml',
    crlf([
      'From: =?big5?B?' + b64(enc('陳先生', 'big5')) + '?= <chen@example.tw>',
      'To: mailbox@minqing.test',
      `Subject: ${word('big5', enc(subject, 'big5'))}`,
      DATE,
      'Message-ID: <fixture-big5@example.tw>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=big5',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(enc(text, 'big5'))),
    ]),
    { subject, text, fromName: '陳先生' },
  );
}

// An encoded-word split inside a character across a folded line (what several webmail clients send).
{
  const subject = '关于春城路人行道占道经营的投诉';
  const bytes = enc(subject, 'gbk');
  const cut = 7; // inside the fourth character's two bytes
  write(
    'encoded-words-split.eml',
    crlf([
      'From: splitter@example.cn',
      'To: mailbox@minqing.test',
      `Subject: ${word('gb2312', bytes.subarray(0, cut))}`,
      ` ${word('gb2312', bytes.subarray(cut))}`,
      DATE,
      'Message-ID: <fixture-split@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      Buffer.from('春城路人行道被商铺占用，行人只能走机动车道。', 'utf8'),
    ]),
    { subject, text: '春城路人行道被商铺占用，行人只能走机动车道。' },
  );
}

// Raw 8-bit GBK in the headers, no encoded-words at all.
{
  const subject = '大观街道垃圾清运不及时';
  const text = '大观街道篆塘社区的垃圾桶已经三天没有清运了。';
  write(
    'raw-8bit-headers.eml',
    crlf([
      Buffer.concat([Buffer.from('From: '), enc('李女士', 'gbk'), Buffer.from(' <li@example.cn>')]),
      'To: mailbox@minqing.test',
      Buffer.concat([Buffer.from('Subject: '), enc(subject, 'gbk')]),
      DATE,
      'Message-ID: <fixture-raw8bit@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=gbk',
      'Content-Transfer-Encoding: 8bit',
      '',
      enc(text, 'gbk'),
    ]),
    { subject, text, fromName: '李女士' },
  );
}

// HTML only, with a script, an event handler and a javascript: link.
{
  const html =
    '<html><head><style>p{color:red}</style><script>alert("x")</script></head><body>' +
    '<p>护国路的<b>井盖</b>丢失了，<img src="x" onerror="alert(1)">很危险。</p>' +
    '<p><a href="javascript:alert(2)">点这里</a>看照片</p><iframe src="https://evil.example"></iframe></body></html>';
  write(
    'html-only.eml',
    crlf([
      'From: html@example.cn',
      'To: mailbox@minqing.test',
      'Subject: =?UTF-8?B?' + b64(Buffer.from('井盖丢失')) + '?=',
      DATE,
      'Message-ID: <fixture-html@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(Buffer.from(html))),
    ]),
    { subject: '井盖丢失', text: '护国路的井盖丢失了，很危险。\n\n点这里看照片', notInText: ['alert', 'script', 'onerror', 'color:red', 'evil'] },
  );
}

// Attachments: a photo (kept), a zip bomb and an executable (refused, never stored).
{
  const png = readFileSync(new URL('../test/fixtures/web/pixel.png', import.meta.url));
  // A zip of one 10 MiB file of zeros compresses to ~10 KiB: nothing here ever unpacks it.
  const bomb = zipOf('zeros.bin', Buffer.alloc(10 * 1024 * 1024));
  const B = 'fixture-boundary-attachments';
  write(
    'attachments.eml',
    crlf([
      'From: photos@example.cn',
      'To: mailbox@minqing.test',
      'Subject: =?UTF-8?B?' + b64(Buffer.from('附照片：路面塌陷')) + '?=',
      DATE,
      'Message-ID: <fixture-attachments@example.cn>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${B}"`,
      '',
      `--${B}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      Buffer.from('正义路路面塌陷，照片见附件。'),
      `--${B}`,
      'Content-Type: image/png; name="=?UTF-8?B?' + b64(Buffer.from('现场.png')) + '?="',
      'Content-Disposition: attachment; filename="=?UTF-8?B?' + b64(Buffer.from('现场.png')) + '?="',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(png)),
      `--${B}`,
      'Content-Type: application/zip; name="photos.zip"',
      'Content-Disposition: attachment; filename="photos.zip"',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(bomb)),
      `--${B}`,
      'Content-Type: application/octet-stream; name="invoice.exe"',
      'Content-Disposition: attachment; filename="invoice.exe"',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(Buffer.from('MZ\x90\x00 not really a program', 'latin1'))),
      `--${B}--`,
    ]),
    { subject: '附照片：路面塌陷', text: '正义路路面塌陷，照片见附件。' },
  );
}

// A letter to a street office's own address (the harness's gateway gives 华山街道 huashan@minqing.test).
{
  const subject = '华山西路路面塌陷';
  const text = '华山西路靠近菜市场的路面塌陷了一个坑，电动车差点摔倒。';
  write(
    'zone-mailbox.eml',
    crlf([
      'From: =?UTF-8?B?' + b64(Buffer.from('周女士')) + '?= <zhou.resident@example.cn>',
      'To: huashan@minqing.test',
      'Subject: =?UTF-8?B?' + b64(Buffer.from(subject)) + '?=',
      DATE,
      'Message-ID: <fixture-zone-mailbox@example.cn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      Buffer.from(text),
    ]),
    { subject, text, fromName: '周女士' },
  );
}

// Mail without a From header: refused, there is no one to answer.
write(
  'no-from.eml',
  crlf([
    'To: mailbox@minqing.test',
    'Subject: =?UTF-8?B?' + b64(Buffer.from('没有发件人')) + '?=',
    DATE,
    'Message-ID: <fixture-no-from@example.cn>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    Buffer.from('这封信没有发件人。'),
  ]),
  { subject: '没有发件人', text: '这封信没有发件人。' },
);

// A DSN (RFC 3464) for one of our receipts; {{ORIGINAL_MESSAGE_ID}} and {{RECIPIENT}} are filled in by the test.
{
  const B = 'fixture-boundary-dsn';
  write(
    'bounce.eml',
    crlf([
      'Return-Path: <>',
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.cn>',
      'To: mailbox@minqing.test',
      'Subject: Undelivered Mail Returned to Sender',
      DATE,
      'Message-ID: <fixture-bounce-{{RECIPIENT}}@mx.example.cn>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${B}"`,
      '',
      `--${B}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      "I'm sorry to have to inform you that your message could not be delivered.",
      `--${B}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.cn',
      '',
      'Final-Recipient: rfc822; {{RECIPIENT}}',
      'Original-Recipient: rfc822;{{RECIPIENT}}',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <{{RECIPIENT}}>: Recipient address rejected: User unknown',
      `--${B}`,
      'Content-Type: text/rfc822-headers',
      '',
      'From: mailbox@minqing.test',
      'To: {{RECIPIENT}}',
      'Subject: =?UTF-8?B?' + b64(Buffer.from('您的来信已登记')) + '?=',
      'Message-ID: {{ORIGINAL_MESSAGE_ID}}',
      `--${B}--`,
    ]),
    { subject: 'Undelivered Mail Returned to Sender', text: "I'm sorry to have to inform you that your message could not be delivered." },
  );
}

// An out-of-office answer to one of our mails.
write(
  'auto-reply.eml',
  crlf([
    'From: =?UTF-8?B?' + b64(Buffer.from('张三')) + '?= <{{SENDER}}>',
    'To: mailbox@minqing.test',
    'Subject: =?UTF-8?B?' + b64(Buffer.from('自动回复：您的来信已登记')) + '?=',
    DATE,
    'Message-ID: <fixture-autoreply-{{SENDER}}>',
    'Auto-Submitted: auto-replied',
    'X-Autoreply: yes',
    'In-Reply-To: {{ORIGINAL_MESSAGE_ID}}',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    Buffer.from('我正在休假，12月5日回来。'),
  ]),
  { subject: '自动回复：您的来信已登记', text: '我正在休假，12月5日回来。', fromName: '张三' },
);

// A resident's answer to our receipt (GB2312-labelled, as Foxmail sends it), quoting the receipt.
{
  const text = '补充一下：坏的是3栋门口那盏，已经一个星期了。\r\n\r\n> 您反映的问题已登记';
  write(
    'reply-to-receipt.eml',
    crlf([
      'From: {{SENDER}}',
      'To: mailbox@minqing.test',
      `Subject: ${word('gb2312', enc('回复：您的来信已登记 [案件编号', 'gbk'))} {{CASE_NO}}]`,
      DATE,
      'Message-ID: <fixture-reply-{{SENDER}}>',
      'In-Reply-To: {{ORIGINAL_MESSAGE_ID}}',
      'References: {{ORIGINAL_MESSAGE_ID}}',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=gb2312',
      'Content-Transfer-Encoding: base64',
      '',
      wrap76(b64(enc(text, 'gbk'))),
    ]),
    { subject: '回复：您的来信已登记 [案件编号 {{CASE_NO}}]', text: text.replace(/\r\n/g, '\n') },
  );
}

writeFileSync(new URL('expected.json', DIR), `${JSON.stringify(expected, null, 2)}\n`);

/** A one-file zip (stored with deflate), enough for a mail client or a zip bomb detector to recognise. */
function zipOf(name: string, data: Buffer): Buffer {
  const deflated = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + deflated.length, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
