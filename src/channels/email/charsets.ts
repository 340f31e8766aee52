/**
 * What Chinese mail really contains, made decodable before the MIME parser
 * sees it:
 * - "GB2312" (and GBK, CP936) labels routinely cover GBK or even GB18030
 *   bytes (镕, 堃, 䶮): every such label is read as GB18030, their superset.
 * - Headers with raw 8-bit bytes and no encoded-words: when they are not
 *   UTF-8 (RFC 6532) they are decoded with the message's own charset
 *   (GB18030 when it names none) and handed on as UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Labels whose bytes are, in practice, GB18030 (or a subset of it). */
const GB_LABEL = /(charset\s*=\s*"?|=\?)(gb_?2312(?:[-_]?80)?|csgb2312|x-gbk|gbk|cp936|euc-cn|x-euc-cn)(?=["?;\s]|$)/gim;

export function normalizeCharsets(raw: Buffer): Buffer {
  const latin1 = raw.toString('latin1');
  const relabelled = latin1.replace(GB_LABEL, (_m, lead: string) => `${lead}gb18030`);
  const fixed = relabelled === latin1 ? raw : Buffer.from(relabelled, 'latin1');
  return decodeRawHeaders(fixed);
}

function decodeRawHeaders(raw: Buffer): Buffer {
  const end = headerEnd(raw);
  const head = raw.subarray(0, end);
  if (!head.some((b) => b >= 0x80) || isUtf8(head)) return raw;
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(head.toString('latin1'))?.[1];
  const charset = declared && iconv.encodingExists(declared) && !/^(us-)?ascii|utf-?8$/i.test(declared) ? declared : 'gb18030';
  return Buffer.concat([Buffer.from(iconv.decode(head, charset), 'utf8'), raw.subarray(end)]);
}

/** Where the header block ends (the blank line), or the whole message when there is none. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}
