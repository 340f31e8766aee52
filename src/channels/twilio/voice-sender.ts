/**
 * Outbound calls through Twilio: the return visit (回访) of a resident who
 * phoned the hotline is a call-back that asks for a digit. The call's
 * questions are TwiML served at /webhooks/twilio/voice/survey.
 */
import type { Config } from '../../config.js';
import type { ChannelSender, OutboundMessage, SendOutcome } from '../../core/message.js';
import { SendError } from '../../core/errors.js';
import { publicUrl } from './signature.js';
import { twilioSendError } from './twilio-errors.js';
import { twilioClient } from './sms-sender.js';

export class TwilioVoiceSender implements ChannelSender {
  readonly channel = 'voice';
  readonly configured: boolean;
  private readonly client;

  constructor(private readonly config: Config) {
    this.client = twilioClient(config);
    this.configured = this.client !== null;
  }

  async send(message: OutboundMessage): Promise<SendOutcome> {
    if (!message.to) throw new SendError('no phone number to call', false);
    // Only return visits are calls; anything else for a caller goes by SMS from the case's reply channel.
    if (message.kind !== 'survey') throw new SendError(`voice sends only return visits, not ${message.kind}`, false);
    try {
      const call = await this.client!.calls.create({
        to: message.to,
        from: this.config.TWILIO_FROM_NUMBER!,
        url: publicUrl(this.config, `/webhooks/twilio/voice/survey?caseNo=${encodeURIComponent(message.caseNo ?? '')}`),
        method: 'POST',
      });
      return { status: 'sent', providerId: call.sid };
    } catch (err) {
      throw twilioSendError(err as { status?: number; code?: number | string; message?: string });
    }
  }
}
