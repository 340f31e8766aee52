import type { ChannelModule, ChannelRoutes } from '../contract.js';
import { smsWebhookRoutes } from './sms-webhook.js';
import { statusCallbackRoutes } from './status-callback.js';
import { TwilioSmsSender } from './sms-sender.js';
import { voiceRoutes } from './voice.js';
import { TwilioVoiceSender } from './voice-sender.js';

const routes: ChannelRoutes = async (app, options) => {
  await app.register(smsWebhookRoutes, options);
  await app.register(statusCallbackRoutes, options);
};

/** The hotline (民心电话) by SMS: in and out through Twilio. */
export const twilioSms: ChannelModule = {
  name: 'sms',
  routes,
  createSender: ({ config, pool }) => new TwilioSmsSender(config, pool),
};

/** The hotline by voice: an IVR whose messages become cases; callers get their receipts by SMS, and their return visit as a call-back. */
export const twilioVoice: ChannelModule = {
  name: 'voice',
  routes: voiceRoutes,
  createSender: ({ config }) => new TwilioVoiceSender(config),
};
