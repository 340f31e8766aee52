/**
 * The Twilio side of the hotline tests: a local fake of the REST API the SDK
 * sends to (it records each request and answers like Twilio), and signed
 * webhook posts made with the twilio package's own signature function.
 */
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import twilio from 'twilio';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const TWILIO = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'test-twilio-auth-token-0123456789',
  from: '+8687163600000',
  publicBaseUrl: 'https://hotline.example.gov.cn',
};

export interface SentSms {
  sid: string;
  To: string;
  From: string;
  Body: string;
  StatusCallback: string;
  authorization: string | undefined;
}

export async function startFakeTwilio() {
  const sent: SentSms[] = [];
  const scripted: { status: number; body: unknown; headers?: Record<string, string>; to?: string }[] = [];
  /** Numbers whose sends are accepted and never answered. */
  const hanging = new Set<string>();
  /** Every Messages request that reached the fake, answered or not. */
  const hits: { To: string; at: number }[] = [];
  // Hung requests are cut when the fake closes.
  const app = Fastify({ forceCloseConnections: true });
  await app.register(formbody);
  app.post<{ Params: { sid: string }; Body: Record<string, string> }>('/2010-04-01/Accounts/:sid/Messages.json', async (req, reply) => {
    hits.push({ To: req.body.To ?? '', at: Date.now() });
    if (hanging.has(req.body.To ?? '')) return new Promise(() => {});
    const at = scripted.findIndex((s) => s.to === undefined || s.to === req.body.To);
    const next = at >= 0 ? scripted.splice(at, 1)[0] : undefined;
    if (next)
      return reply
        .code(next.status)
        .headers(next.headers ?? {})
        .send(next.body);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const { To = '', From = '', Body = '', StatusCallback = '' } = req.body;
    sent.push({ sid, To, From, Body, StatusCallback, authorization: req.headers.authorization });
    return reply
      .code(201)
      .send({ sid, account_sid: req.params.sid, to: To, from: From, body: Body, status: 'queued', num_segments: '1', api_version: '2010-04-01' });
  });
  const calls: { sid: string; To: string; From: string; Url: string }[] = [];
  app.post<{ Params: { sid: string }; Body: Record<string, string> }>('/2010-04-01/Accounts/:sid/Calls.json', async (req, reply) => {
    const sid = `CA${randomBytes(16).toString('hex')}`;
    const { To = '', From = '', Url = '' } = req.body;
    calls.push({ sid, To, From, Url });
    return reply
      .code(201)
      .send({ sid, account_sid: req.params.sid, to: To, from: From, status: 'queued', direction: 'outbound-api', api_version: '2010-04-01' });
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    sent,
    /** Outbound calls placed (return visits). */
    calls,
    /**
     * The next request (to `to`, when given: another test's send still on its way does not take it) gets
     * this answer instead (Twilio's error shape: `{ code, message, status }`).
     */
    failNext(status: number, code: number | null, headers?: Record<string, string>, to?: string) {
      scripted.push({
        status,
        body:
          code === null
            ? { message: 'Too Many Requests', status }
            : { code, message: `error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
        headers,
        to,
      });
    },
    hits,
    hang: (to: string) => hanging.add(to),
    close: () => app.close(),
  };
}

export const twilioEnv = (fakeUrl: string) => ({
  TWILIO_ACCOUNT_SID: TWILIO.accountSid,
  TWILIO_AUTH_TOKEN: TWILIO.authToken,
  TWILIO_FROM_NUMBER: TWILIO.from,
  TWILIO_API_BASE_URL: fakeUrl,
  PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
});

/** A captured Twilio request's parameters: `sms/…` or `voice/…` under test/fixtures. */
export async function fixture(path: `${'sms' | 'voice'}/${string}.json`): Promise<Record<string, string>> {
  return JSON.parse(await readFile(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
}

/** A webhook request as Twilio sends it: urlencoded, signed over the public URL. */
export function signed(path: string, params: Record<string, string>, token = TWILIO.authToken) {
  const signature = twilio.getExpectedTwilioSignature(token, `${TWILIO.publicBaseUrl}${path}`, params);
  return {
    method: 'POST' as const,
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload: new URLSearchParams(params).toString(),
  };
}
