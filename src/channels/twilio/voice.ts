/**
 * The hotline by voice: a Mandarin IVR in TwiML.
 *   1 report a problem (a recorded message, transcribed where Twilio can) → a case
 *   2 hear the status of one of the caller's own cases (key in its number)
 *   3 ask to be called back → a case marked as such, with the caller's number
 *   0 the duty officer during office hours, else a voicemail
 * No or invalid input repeats the menu twice, then takes a voicemail. Every
 * step is a signed webhook; a replayed recording callback is the same message
 * (its RecordingSid is the provider message id). The caller's receipt goes by SMS.
 *
 * Sample request (first step): CallSid=CA…&From=%2B8613800001234&To=%2B8687163600000
 *   &CallStatus=ringing&Direction=inbound&AccountSid=AC…&ApiVersion=2010-04-01
 */
import twilio from 'twilio';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { InboundMessage } from '../../core/message.js';
import { normalizePhone } from '../../core/contact-address.js';
import { STATUS_LABELS } from '../../core/case-status.js';
import { requireTwilioSignature } from './signature.js';
import { PROMPTS } from './voice-prompts.js';
import { recordTranscription } from './voicemail-store.js';
import type { ChannelContext } from '../contract.js';
import { caseStatusForCaller } from '../../cases/resident-lookup.js';
import { calendarOf } from '../../catalog/calendar-of.js';
import { officeHoursOf } from '../../catalog/calendar.js';

const { VoiceResponse } = twilio.twiml;
const ZH = { language: 'zh-CN' } as const;
const BASE = '/webhooks/twilio/voice';
const MENU_ATTEMPTS = 3; // the menu, then two repeats

const Call = z
  .object({
    CallSid: z.string({ error: 'CallSid is required' }).min(1),
    From: z.string().default(''),
    To: z.string().default(''),
    Digits: z.string().optional(),
  })
  .loose();
type Call = z.infer<typeof Call>;

const Recording = Call.extend({
  RecordingSid: z.string({ error: 'RecordingSid is required' }).min(1),
  RecordingUrl: z.string().default(''),
  RecordingDuration: z.string().default('0'),
});

const Transcription = z
  .object({
    RecordingSid: z.string({ error: 'RecordingSid is required' }).min(1),
    TranscriptionStatus: z.string().default('completed'),
    TranscriptionText: z.string().default(''),
  })
  .loose();

const send = (reply: FastifyReply, twiml: InstanceType<typeof VoiceResponse>) => reply.type('text/xml').send(twiml.toString());

function menu(attempt: number, repeat: boolean) {
  const r = new VoiceResponse();
  const action = `${BASE}/menu?attempt=${attempt}`;
  r.gather({ input: ['dtmf'], numDigits: 1, timeout: 6, action }).say(ZH, `${repeat ? PROMPTS.notUnderstood : ''}${PROMPTS.menu}`);
  r.redirect(action); // no key pressed: the menu step hears it as no input
  return r;
}

function record(prompt: string, maxLength: number) {
  const r = new VoiceResponse();
  r.say(ZH, prompt);
  r.record({ maxLength, finishOnKey: '#', playBeep: true, action: `${BASE}/recording`, transcribe: true, transcribeCallback: `${BASE}/transcription` });
  r.say(ZH, PROMPTS.noRecording); // reached only when nothing was recorded
  return r;
}

function goodbye(text: string) {
  const r = new VoiceResponse();
  r.say(ZH, text);
  r.hangup();
  return r;
}

/** The caller as a resident: their number, and the receipt by SMS when it is a mobile that can take one. */
function caller(call: Call): Pick<InboundMessage, 'sender' | 'replyTo' | 'hints'> {
  const from = normalizePhone(call.From) ?? call.From;
  const mobile = /^\+861[3-9]\d{9}$/.test(from);
  return {
    sender: { identities: from ? [{ kind: 'phone', address: from }] : [] },
    replyTo: mobile ? { channel: 'sms', address: from } : { channel: 'voice', ...(from ? { address: from } : {}) },
    hints: { calledNumber: normalizePhone(call.To) ?? call.To },
  };
}

export const voiceRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  const { config, pool, acceptor } = context;
  const signed = requireTwilioSignature(config);
  const voicemail = () => record(PROMPTS.voicemail, config.VOICE_MAX_RECORD_SECONDS);

  const openCase = (call: Call, providerMessageId: string, text: string) =>
    acceptor.accept(
      {
        channel: 'voice',
        providerMessageId,
        text,
        attachments: [],
        language: 'zh',
        threading: 'new-case',
        receivedAt: new Date().toISOString(),
        ...caller(call),
      },
      { reserveCaseNo: true },
    );

  app.post(BASE, { preValidation: signed, schema: { summary: 'Twilio voice webhook: the menu', tags: ['webhooks'], body: Call } }, async (_req, reply) =>
    send(reply, menu(1, false)),
  );

  app.post(
    `${BASE}/menu`,
    {
      preValidation: signed,
      schema: { hide: true, body: Call, querystring: z.object({ attempt: z.coerce.number().int().min(1).max(MENU_ATTEMPTS).default(1) }) },
    },
    async (req, reply) => {
      const call = req.body;
      switch (call.Digits) {
        case '1':
          return send(reply, record(PROMPTS.record, config.VOICE_MAX_RECORD_SECONDS));
        case '2': {
          const r = new VoiceResponse();
          r.gather({ input: ['dtmf'], finishOnKey: '#', timeout: 10, action: `${BASE}/case-status` }).say(ZH, PROMPTS.askCaseNo);
          r.say(ZH, PROMPTS.caseNotFound);
          return send(reply, r);
        }
        case '3': {
          const accepted = await openCase(call, `${call.CallSid}:callback`, PROMPTS.callbackNote);
          return send(reply, goodbye(PROMPTS.callbackRegistered(accepted.caseNo!)));
        }
        case '0': {
          // The same calendar as deadlines: no transfer to an empty office on a holiday.
          const open = calendarOf(await context.catalog.get(), officeHoursOf(config)).isOpen(new Date());
          if (!open || !config.DUTY_OFFICER_NUMBER) return send(reply, voicemail());
          const r = new VoiceResponse();
          r.say(ZH, PROMPTS.transferring);
          r.dial({ timeout: 30 }, config.DUTY_OFFICER_NUMBER);
          return send(reply, r);
        }
        default: {
          const attempt = req.query.attempt;
          return send(reply, attempt < MENU_ATTEMPTS ? menu(attempt + 1, true) : voicemail());
        }
      }
    },
  );

  // The return visit's call-back (an outbound call): the question, then the resident's digit, taken like a
  // text reply "1"/"2"/"3" from the number we called, so the intake worker records it on the survey.
  app.post(
    `${BASE}/survey`,
    { preValidation: signed, schema: { hide: true, body: Call, querystring: z.object({ caseNo: z.string().regex(/^\d{10,16}$/) }) } },
    async (req, reply) => {
      const r = new VoiceResponse();
      r.gather({ input: ['dtmf'], numDigits: 1, timeout: 8, action: `${BASE}/survey-answer` }).say(ZH, PROMPTS.survey(req.query.caseNo));
      r.say(ZH, PROMPTS.surveyNotUnderstood);
      return send(reply, r);
    },
  );

  app.post(`${BASE}/survey-answer`, { preValidation: signed, schema: { hide: true, body: Call } }, async (req, reply) => {
    const call = req.body;
    if (!['1', '2', '3'].includes(call.Digits ?? '')) return send(reply, goodbye(PROMPTS.surveyNotUnderstood));
    // On our outbound call, the resident is the number called.
    const resident = normalizePhone(call.To) ?? call.To;
    await acceptor.accept(
      {
        channel: 'voice',
        providerMessageId: `${call.CallSid}:survey`,
        text: call.Digits!,
        sender: { identities: [{ kind: 'phone', address: resident }] },
        attachments: [],
        hints: {},
        replyTo: { channel: 'sms', address: resident },
        language: 'zh',
        threading: 'open-case',
        receivedAt: new Date().toISOString(),
      },
      { reserveCaseNo: false },
    );
    return send(reply, goodbye(PROMPTS.surveyThanks));
  });

  app.post(`${BASE}/recording`, { preValidation: signed, schema: { hide: true, body: Recording } }, async (req, reply) => {
    const rec = req.body;
    await openCase(rec, rec.RecordingSid, PROMPTS.voicemailNote(rec.RecordingDuration, rec.RecordingUrl));
    return send(reply, goodbye(PROMPTS.recorded));
  });

  app.post(`${BASE}/transcription`, { preValidation: signed, schema: { hide: true, body: Transcription } }, async (req, reply) => {
    const t = req.body;
    if (t.TranscriptionStatus === 'completed' && t.TranscriptionText.trim()) {
      await recordTranscription(pool, t.RecordingSid, t.TranscriptionText.trim());
    }
    return reply.type('text/xml').send(new VoiceResponse().toString());
  });

  app.post(`${BASE}/case-status`, { preValidation: signed, schema: { hide: true, body: Call } }, async (req, reply) => {
    const caseNo = (req.body.Digits ?? '').replace(/\D/g, '');
    // Only the caller's own cases (the calling number is one of the case's contact's): anyone else's
    // case gets the same "not found" as a number that does not exist, so keying numbers reveals nothing.
    const from = normalizePhone(req.body.From);
    const status = caseNo && from ? await caseStatusForCaller(pool, caseNo, from) : null;
    return send(reply, goodbye(status ? PROMPTS.caseStatus(caseNo, STATUS_LABELS[status].zh) : PROMPTS.caseNotFound));
  });
};
