/**
 * Every Twilio webhook is signed: X-Twilio-Signature is an HMAC of the full
 * public URL and every posted parameter (including ones Twilio adds later).
 * The URL is rebuilt from PUBLIC_BASE_URL, because behind a TLS-terminating
 * proxy the request we see is not the one Twilio signed.
 */
import twilio from 'twilio';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

export function publicUrl(config: Config, path: string): string {
  return new URL(path, config.PUBLIC_BASE_URL).toString();
}

/** A preHandler: 403 unless the request is signed with our auth token (or the demo switch is on). */
export function requireTwilioSignature(config: Config) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const token = config.TWILIO_AUTH_TOKEN;
    if (!token && config.TWILIO_WEBHOOK_INSECURE === 'true') return;
    const signature = req.headers['x-twilio-signature'];
    const params = (req.body ?? {}) as Record<string, string>;
    const valid = token !== undefined && typeof signature === 'string' && twilio.validateRequest(token, signature, publicUrl(config, req.url), params);
    if (!valid) {
      req.log.warn({ path: req.url.split('?')[0] }, 'rejected a Twilio webhook with a bad or missing signature');
      return reply.code(403).send({ error: 'forbidden', field: 'x-twilio-signature', message: 'the request is not signed by Twilio' });
    }
  };
}
