/**
 * Outbound SMS through Twilio's REST API, with a status callback so the
 * outbox follows the message to the handset. Numbers that opted out are
 * never sent to. Without TWILIO_ACCOUNT_SID the sender is unconfigured and
 * the relay records its sends as `sandboxed`.
 */
import twilio from 'twilio';
import type pg from 'pg';
import type { Config } from '../../config.js';
import type { ChannelSender, OutboundMessage, SendOutcome } from '../../core/message.js';
import { SendError } from '../../core/errors.js';
import { optedOutOfSms } from '../../outbox/sms-opt-outs.js';
import { publicUrl } from './signature.js';
import { twilioSendError } from './twilio-errors.js';
import { splitSms } from './sms-segments.js';

type TwilioClient = ReturnType<typeof twilio>;

/** Sends the SDK's requests to another base URL (a regional proxy, or a local fake in tests). */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeout: number,
  ) {
    super({ timeout });
  }

  override request<T>(opts: Parameters<twilio.RequestClient['request']>[0] & { data?: T }) {
    return super.request<T>({ ...opts, uri: opts.uri.replace(/^https?:\/\/[^/]+/, this.baseUrl.replace(/\/$/, '')) });
  }
}

/**
 * The Twilio REST client, or null without credentials and a from-number (sends are then sandboxed).
 * Its requests time out with the outbox's send timeout; the SDK's own 429 retries stay off (the relay waits them out).
 * Twilio's Messages and Calls resources take no idempotency key, so a send that timed out is not retried.
 */
export function twilioClient(config: Config): TwilioClient | null {
  const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_API_BASE_URL: base } = config;
  if (!(sid && token && config.TWILIO_FROM_NUMBER)) return null;
  const timeout = config.OUTBOX_SEND_TIMEOUT_MS;
  return twilio(sid, token, { httpClient: base ? new RedirectingRequestClient(base, timeout) : new twilio.RequestClient({ timeout }) });
}

export class TwilioSmsSender implements ChannelSender {
  readonly channel = 'sms';
  readonly configured: boolean;
  private readonly client: TwilioClient | null;

  constructor(
    private readonly config: Config,
    private readonly pool: pg.Pool,
  ) {
    this.client = twilioClient(config);
    this.configured = this.client !== null;
  }

  async send(message: OutboundMessage): Promise<SendOutcome> {
    if (!message.to) throw new SendError('no phone number to send to', false);
    if (await optedOutOfSms(this.pool, message.to)) throw new SendError('the recipient opted out of SMS (STOP)', false);
    // A long text goes as numbered parts; the outbox follows the first part's delivery.
    // If a later part fails, the retry sends every part again: duplicates beat a lost answer.
    try {
      const sids: string[] = [];
      for (const body of splitSms(message.body)) {
        const sent = await this.client!.messages.create({
          to: message.to,
          from: this.config.TWILIO_FROM_NUMBER!,
          body,
          statusCallback: publicUrl(this.config, '/webhooks/twilio/status'),
        });
        sids.push(sent.sid);
      }
      return { status: 'sent', providerId: sids[0]! };
    } catch (err) {
      const last = this.client!.httpClient.lastResponse;
      const retryAfter =
        last?.statusCode === 429 ? Number((last.headers as Record<string, string | undefined> | undefined)?.['retry-after']) || undefined : undefined;
      throw twilioSendError(err as { status?: number; code?: number | string; message?: string }, retryAfter);
    }
  }
}
