/**
 * Delivery reports for the SMS we sent: queued → sent → delivered, or
 * undelivered / failed with an error code. A report never moves a send
 * backwards (they can arrive out of order); unknown statuses are ignored.
 *
 * Sample request: MessageSid=SM…&MessageStatus=delivered&To=%2B86138…&AccountSid=AC…&ApiVersion=2010-04-01
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sends } from '../../core/metrics.js';
import { requireTwilioSignature } from './signature.js';
import { EMPTY_TWIML } from './sms-webhook.js';
import { STATUS_CALLBACK, isPermanentCode } from './twilio-errors.js';
import type { ChannelContext } from '../contract.js';
import { recordDeliveryReport } from '../../outbox/delivery-reports.js';

const StatusReport = z
  .object({
    MessageSid: z.string({ error: 'MessageSid is required' }).min(1),
    MessageStatus: z.string({ error: 'MessageStatus is required' }).min(1),
    ErrorCode: z.string().optional(),
  })
  .loose();

export const statusCallbackRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  const { config, pool } = context;

  app.post(
    '/webhooks/twilio/status',
    {
      preValidation: requireTwilioSignature(config),
      schema: { summary: 'Twilio message status callback', tags: ['webhooks'], body: StatusReport },
    },
    async (req, reply) => {
      const { MessageSid, MessageStatus, ErrorCode } = req.body;
      const status = STATUS_CALLBACK[MessageStatus];
      if (!status) {
        req.log.info({ messageStatus: MessageStatus }, 'ignored an unknown Twilio message status');
        return reply.type('text/xml').send(EMPTY_TWIML);
      }
      const error = ErrorCode ? `twilio ${ErrorCode}${isPermanentCode(Number(ErrorCode)) ? ' (permanent)' : ''}` : null;
      if (await recordDeliveryReport(pool, { channel: 'sms', providerId: MessageSid, status, error })) sends.inc({ channel: 'sms', status });
      return reply.type('text/xml').send(EMPTY_TWIML);
    },
  );
};
