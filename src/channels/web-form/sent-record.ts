/**
 * What the confirmation page repeats of a submission, kept for the resident's browser only: an httpOnly
 * cookie, signed with the gateway's secret, scoped to /window/done and gone after a quarter of an hour. So
 * the anonymous lookup code is never in an address (history, proxies, a shared link), the page can be reloaded
 * without sending again, and a forged cookie cannot make the page show another case's details.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SentRecord } from './result-pages.js';

const COOKIE = 'wf_sent';
const MAX_AGE_SECONDS = 15 * 60;

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`sent-record:${payload}`).digest('base64url');

export function keepSentRecord(reply: FastifyReply, req: FastifyRequest, secret: string, record: SentRecord, secure: boolean): void {
  const payload = Buffer.from(JSON.stringify({ ...record, exp: Date.now() + MAX_AGE_SECONDS * 1000 })).toString('base64url');
  reply.setCookie(COOKIE, `${payload}.${sign(secret, payload)}`, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/window/done',
    maxAge: MAX_AGE_SECONDS,
    secure: secure || req.protocol === 'https',
  });
}

/** The browser's record of `caseNo`, or null (none, another case's, expired or not ours). */
export function readSentRecord(req: FastifyRequest, secret: string, caseNo: string): SentRecord | null {
  const [payload, mac] = (req.cookies[COOKIE] ?? '').split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(secret, payload));
  if (expected.length !== Buffer.byteLength(mac) || !timingSafeEqual(expected, Buffer.from(mac))) return null;
  try {
    const record = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SentRecord & { exp: number };
    if (record.caseNo !== caseNo || !(record.exp > Date.now())) return null;
    const { exp: _exp, ...rest } = record;
    // Only our own pages as the "send another" link.
    return { ...rest, back: /^\/(window|c\/[A-Za-z0-9._-]+)$/.test(rest.back) ? rest.back : '/window' };
  } catch {
    return null;
  }
}
