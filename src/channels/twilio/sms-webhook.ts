/**
 * Inbound SMS to the hotline (民心电话).
 *
 * Sample request (application/x-www-form-urlencoded, signed):
 *   ToCountry=CN&SmsMessageSid=SM5a1c…&NumMedia=0&SmsSid=SM5a1c…&SmsStatus=received
 *   &Body=翠湖小区门口路灯坏了&To=%2B8687163600000&NumSegments=1&MessageSid=SM5a1c…
 *   &AccountSid=AC…&From=%2B8613800001234&ApiVersion=2010-04-01
 *
 * Answered with empty TwiML at once: the receipt goes through the outbox.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AttachmentMeta, InboundMessage } from '../../core/message.js';
import { normalizePhone } from '../../core/contact-address.js';
import { guessLanguage } from '../../core/language.js';
import { queueSend } from '../../outbox/queue.js';
import { optBackIntoSms, optOutOfSms } from '../../outbox/sms-opt-outs.js';
import { requireTwilioSignature } from './signature.js';
import { HELP_TEXT, keywordOf } from './keywords.js';
import type { ChannelContext } from '../contract.js';

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const InboundSms = z
  .object({
    MessageSid: z.string({ error: 'MessageSid is required' }).min(1),
    From: z.string({ error: 'From is required' }).min(1),
    To: z.string({ error: 'To is required' }).min(1),
    Body: z.string().default(''),
  })
  .loose(); // Twilio adds parameters over time; they are signed, not rejected.

/** MMS media as references (MediaUrlN, MediaContentTypeN); fetching them is left to whoever reads the case. */
function mediaOf(sms: Record<string, unknown>): AttachmentMeta[] {
  const count = Math.min(Number(sms.NumMedia) || 0, 10);
  const text = (key: string) => (typeof sms[key] === 'string' ? sms[key] : undefined);
  return Array.from({ length: count }, (_, n) => text(`MediaUrl${n}`) ?? '')
    .map((url, n) => ({ url, contentType: text(`MediaContentType${n}`) ?? 'application/octet-stream' }))
    .filter((m) => /^https:\/\//.test(m.url))
    .map((m) => ({ id: m.url.split('/').pop()!, ...m }));
}

export function toInboundMessage(sms: z.infer<typeof InboundSms>): InboundMessage {
  const from = normalizePhone(sms.From) ?? sms.From;
  return {
    channel: 'sms',
    providerMessageId: sms.MessageSid,
    text: sms.Body,
    sender: { identities: [{ kind: 'phone', address: from }] },
    attachments: mediaOf(sms),
    hints: { calledNumber: normalizePhone(sms.To) ?? sms.To },
    replyTo: { channel: 'sms', address: from },
    language: guessLanguage(sms.Body),
    threading: 'open-case',
    receivedAt: new Date().toISOString(),
  };
}

export const smsWebhookRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  const { config, pool, acceptor } = context;

  app.post(
    '/webhooks/twilio/sms',
    {
      preValidation: requireTwilioSignature(config),
      schema: { summary: 'Twilio inbound SMS webhook', tags: ['webhooks'], body: InboundSms },
    },
    async (req, reply) => {
      const sms = req.body;
      const message = toInboundMessage(sms);
      const from = message.replyTo.address!;
      switch (keywordOf(sms.Body)) {
        case 'stop':
          await optOutOfSms(pool, from);
          break;
        case 'start':
          await optBackIntoSms(pool, from);
          break;
        case 'help':
          await queueSend(pool, { channel: 'sms', to: from, body: HELP_TEXT[message.language], kind: 'help', dedupeKey: `help:${sms.MessageSid}` });
          break;
        default:
          await acceptor.accept(message, { reserveCaseNo: false });
      }
      return reply.type('text/xml').send(EMPTY_TWIML);
    },
  );
};
