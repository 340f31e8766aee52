/**
 * What the relay records for one send: the time limit, rate limits, unknown
 * outcomes and the providers' answers mapped onto them. Table-driven, no I/O.
 */
import { describe, expect, it } from 'vitest';
import { attempt, withTimeout, type Claimed } from '../../src/outbox/attempt.js';
import { ChannelLimiter } from '../../src/outbox/limiter.js';
import { SendError, SendOutcomeUnknown } from '../../src/core/errors.js';
import { twilioSendError } from '../../src/channels/twilio/twilio-errors.js';
import { smtpSendError } from '../../src/channels/email/smtp-errors.js';
import { networkSendError } from '../../src/core/send-network.js';
import { loadConfig } from '../../src/config.js';
import type { ChannelSender } from '../../src/core/message.js';

const row = (attempts = 1, rateLimits = 0): Claimed => ({
  outboxId: 7,
  channel: 'sms',
  to: '+8613800000000',
  body: '回执',
  kind: 'receipt',
  caseNo: null,
  attempts,
  rateLimits,
  createdAt: new Date(),
});

const failingWith = (err: Error, idempotent = false): ChannelSender => ({
  channel: 'sms',
  configured: true,
  idempotent,
  send: async () => {
    throw err;
  },
});

describe('a send has a time limit', () => {
  it('should give up on a provider that ignores the abort signal, as an unknown outcome', async () => {
    await expect(withTimeout(50, () => new Promise(() => {}))).rejects.toBeInstanceOf(SendOutcomeUnknown);
  });

  it("should abort the signal, and take the SDK's abort error for the same unknown outcome", async () => {
    let aborted = false;
    const send = (signal: AbortSignal) =>
      new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('The operation was aborted'));
        }),
      );
    await expect(withTimeout(50, send)).rejects.toBeInstanceOf(SendOutcomeUnknown);
    expect(aborted).toBe(true);
  });

  it('should refuse at start-up a timeout of half the lease or more, naming the variable', () => {
    expect(() => loadConfig({ OUTBOX_LEASE_SECONDS: '60', OUTBOX_SEND_TIMEOUT_MS: '30000' })).toThrow(/OUTBOX_SEND_TIMEOUT_MS/);
    expect(loadConfig({ OUTBOX_LEASE_SECONDS: '60', OUTBOX_SEND_TIMEOUT_MS: '29999' }).OUTBOX_SEND_TIMEOUT_MS).toBe(29_999);
    expect(loadConfig({}).OUTBOX_SEND_TIMEOUT_MS).toBe(10_000);
    expect(loadConfig({ OUTBOX_LEASE_SECONDS: '3' }).OUTBOX_SEND_TIMEOUT_MS).toBe(1000);
  });
});

describe('what is recorded for a send', () => {
  it.each([
    ['a rate limit with retry_after', new SendError('429', true, 3000, true), false, 1, { status: 'pending', rateLimited: true, retryInMs: 3000 }],
    ['a rate limit at the last attempt still waits', new SendError('429', true, 3000, true), false, 8, { status: 'pending', rateLimited: true }],
    ['a transient failure', new SendError('503', true), false, 1, { status: 'pending', rateLimited: false, retryInMs: 2000 }],
    ['a transient failure at the last attempt', new SendError('503', true), false, 8, { status: 'failed' }],
    ['a permanent failure', new SendError('21211', false), false, 1, { status: 'failed' }],
    ['a timeout without idempotency', new SendOutcomeUnknown('no answer'), false, 1, { status: 'unknown', retryInMs: 0 }],
    ['a timeout with idempotency (email)', new SendOutcomeUnknown('no answer'), true, 1, { status: 'pending', retryInMs: 2000 }],
    ['a timeout with idempotency at the last attempt', new SendOutcomeUnknown('no answer'), true, 8, { status: 'failed' }],
  ] as const)('%s', async (_name, err, idempotent, attempts, expected) => {
    const result = await attempt(failingWith(err, idempotent), row(attempts), { timeoutMs: 1000, maxAttempts: 8 });
    expect(result).toMatchObject({ id: 7, error: err.message, ...expected });
  });

  it('should record a send of an unconfigured channel as sandboxed', async () => {
    expect(await attempt(undefined, row(), { timeoutMs: 1000, maxAttempts: 8 })).toMatchObject({ status: 'sandboxed', error: null });
  });
});

describe("providers' answers", () => {
  const kind = (e: SendError) => (e instanceof SendOutcomeUnknown ? 'unknown' : e.rateLimited ? 'rate_limited' : e.retryable ? 'retry' : 'permanent');
  it.each([
    ['twilio 429', twilioSendError({ status: 429, message: 'Too Many Requests' }, 5), 'rate_limited'],
    ['twilio 20429', twilioSendError({ status: 429, code: 20429 }), 'rate_limited'],
    ['twilio 21211', twilioSendError({ status: 400, code: 21211 }), 'permanent'],
    ['twilio 500', twilioSendError({ status: 500, code: 20500 }), 'retry'],
    ['twilio refused connection', twilioSendError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }), 'retry'],
    ['twilio request timeout', twilioSendError({ code: 'ECONNABORTED', message: 'timeout of 10000ms exceeded' }), 'unknown'],
    ['smtp 421', smtpSendError({ responseCode: 421, message: 'too many connections' }), 'rate_limited'],
    ['smtp 450', smtpSendError({ responseCode: 450 }), 'rate_limited'],
    ['smtp 451', smtpSendError({ responseCode: 451 }), 'rate_limited'],
    ['smtp 452', smtpSendError({ responseCode: 452 }), 'retry'],
    ['smtp 550', smtpSendError({ responseCode: 550 }), 'permanent'],
    ['fetch reset after sending', networkSendError('telegram', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), 'unknown'],
    ['fetch refused, wrapped', networkSendError('telegram', Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })), 'retry'],
  ] as const)('%s', (_name, err, expected) => {
    expect(kind(err)).toBe(expected);
  });

  it('should keep the wait Twilio asked for', () => {
    expect(twilioSendError({ status: 429 }, 7).retryAfterMs).toBe(7000);
  });
});

describe('per-channel room', () => {
  it('should give each channel its own slots, and none to a channel waiting out a rate limit', () => {
    const limiter = new ChannelLimiter(2);
    limiter.take('telegram');
    limiter.take('telegram');
    limiter.take('sms');
    expect(limiter.room(['telegram', 'sms', 'email'])).toEqual({ channels: ['sms', 'email'], counts: [1, 2] });
    limiter.release('telegram');
    limiter.pause('email', 1000, 0);
    expect(limiter.room(['telegram', 'sms', 'email'], 500)).toEqual({ channels: ['telegram', 'sms'], counts: [1, 1] });
    expect(limiter.room(['email'], 1001)).toEqual({ channels: ['email'], counts: [2] });
    expect(limiter.nextResumeIn(400)).toBe(600);
  });
});
