/**
 * The information window (民情信息窗口): a mobile web form and its intake API.
 *
 * Sample request:
 *   POST /api/v1/intake/web
 *   Idempotency-Key: 6f1c2d0e-3b7a-4c55-9a8e-2f6b1d0c9e11
 *   Content-Type: application/json
 *   {"text":"翠湖社区3栋楼道灯坏了一个月","phone":"13800000001","zoneCode":"wh-hs-ch"}
 *   → 202 {"caseNo":"2611300042","status":"registered"}
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { describeError, type ValidationError } from '../../core/api-error.js';
import { accessCode } from '../../core/access-code.js';
import type { ChannelName, InboundMessage } from '../../core/message.js';
import type { Accepted as Stored } from '../../intake/accept.js';
import { IDEMPOTENCY_KEY, WebSubmission, submissionFingerprint, toInboundMessage } from './submission.js';
import { PAGE_ASSETS } from './assets.js';
import { PHOTO_TOO_LARGE, PHOTO_UPLOAD_LIMIT, preparePhoto } from './photo.js';
import { renderConfirmationPage, renderLookupPage, renderWindowPage, T, WINDOW_TARGET, type FormTarget, type Lang, type ZoneOption } from './page.js';
import type { ChannelContext } from '../contract.js';

export const Accepted = z.object({
  caseNo: z.string(),
  status: z.literal('registered'),
  /** Only for anonymous submissions: with the case number, it looks the case up. */
  accessCode: z.string().optional(),
});

/**
 * A form's multipart limits: phone photos (3–12 MB) come in whole to be scaled down (photo.ts); one past the
 * limit is cut off, not thrown, so the fields after it are read and the form comes back filled in (submitForm).
 */
export const PHOTO_PART = {
  limits: { fileSize: PHOTO_UPLOAD_LIMIT, files: 1, fields: 20, fieldSize: 64 * 1024 },
  throwFileSizeLimit: false,
};

export const LangQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const webFormRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  const zoneOptions = async (): Promise<ZoneOption[]> => {
    const { zonesByCode, zonesById } = await context.catalog.get();
    return (
      [...zonesByCode.values()]
        // A supervisory body is not where anyone lives.
        .filter((z) => z.active && !z.supervisory)
        .map((z) => ({
          code: z.code,
          name: z.name,
          level: z.level,
          parentCode: z.parentId ? (zonesById.get(z.parentId)?.code ?? null) : null,
        }))
    );
  };

  // The pages' style and scripts: their names carry their hash, so they may be cached for good.
  const assetsByFile = new Map([...PAGE_ASSETS.values()].map((a) => [a.file, a]));
  app.get('/assets/:file', { schema: { hide: true, params: z.object({ file: z.string() }) }, logLevel: 'warn' }, async (req, reply) => {
    const asset = assetsByFile.get(req.params.file);
    if (!asset) throw new InputError('file', `no asset ${req.params.file}`, 404, 'not_found');
    return reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });

  app.get('/window', { schema: { hide: true, querystring: LangQuery } }, async (req, reply) => {
    return sendFormPage(reply, { ...WINDOW_TARGET, lang: req.query.lang, zones: await zoneOptions() });
  });

  app.get(
    '/window/done',
    {
      schema: {
        hide: true,
        querystring: LangQuery.extend({
          caseNo: z.string().regex(/^\d{10,16}$/),
          accessCode: z
            .string()
            .regex(/^\d{8}$/)
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const { lang, caseNo, accessCode } = req.query;
      return reply.type('text/html; charset=utf-8').send(renderConfirmationPage({ lang, caseNo, ...(accessCode ? { accessCode } : {}) }));
    },
  );

  app.get('/window/lookup', { schema: { hide: true, querystring: LangQuery } }, async (req, reply) => {
    return reply.type('text/html; charset=utf-8').send(renderLookupPage({ lang: req.query.lang }));
  });

  app.post(
    '/api/v1/intake/web',
    {
      schema: {
        summary: 'Submit a message through the information window',
        description: 'JSON, urlencoded or multipart (with an optional `photo`). The same `Idempotency-Key` returns the same case.',
        tags: ['intake'],
        headers: z.object({ 'idempotency-key': z.string().regex(IDEMPOTENCY_KEY).optional() }),
        body: WebSubmission,
        response: { 202: Accepted },
      },
      config: { multipartOptions: PHOTO_PART },
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- fastify awaits an async error handler
      errorHandler: formErrorHandler(async () => ({ ...WINDOW_TARGET, zones: await zoneOptions() })),
    },
    async (req, reply) => {
      const submission = req.body;
      if (submission.zoneCode) {
        const zone = (await context.catalog.get()).zonesByCode.get(submission.zoneCode);
        if (!zone?.active) throw new InputError('zoneCode', `unknown zone ${submission.zoneCode}`);
      }
      return submitForm(app, context, req, reply, submission, { channel: 'web', hints: submission.zoneCode ? { zoneCode: submission.zoneCode } : {} });
    },
  );
};

/** The form page, never from a cache: going Back must not bring the last message's double-submit key. */
export function sendFormPage(reply: FastifyReply, page: FormTarget & { lang: Lang }) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderWindowPage({ ...page, idempotencyKey: randomUUID() }));
}

/**
 * Stores a valid form submission as a message of `source.channel` with its routing hints, and answers
 * 202 with the case number (a confirmation page for a browser's plain post). Shared by every form that
 * renders renderWindowPage (the information window, contact cards).
 */
export async function submitForm(
  app: FastifyInstance,
  context: ChannelContext,
  req: FastifyRequest,
  reply: FastifyReply,
  submission: WebSubmission,
  source: { channel: ChannelName; hints: InboundMessage['hints']; onStored?: (stored: Stored) => Promise<void> },
) {
  const { config } = context;
  // Per client and overall: a flood from one address, or from many, cannot become thousands of cases.
  await app.enforceLimits(
    reply,
    [
      [{ name: 'intake:client', max: config.INTAKE_RATE_PER_CLIENT, windowMs: 60_000 }, req.ip],
      [{ name: 'intake:all', max: config.INTAKE_RATE_TOTAL, windowMs: 60_000 }, 'all'],
    ],
    { whenRedisDown: 'admit', message: 'too many submissions; please try again later' },
  );
  // The header was checked by the route's schema (IDEMPOTENCY_KEY).
  const header = req.headers['idempotency-key'];
  const key = (typeof header === 'string' ? header : undefined) ?? checkedKey(submission.idempotencyKey) ?? randomUUID();
  if (req.fileTooLarge) throw new InputError('photo', PHOTO_TOO_LARGE, 413, 'payload_too_large');
  const photo = submission.photo && (await preparePhoto(submission.photo));
  const attachments = photo ? [await context.attachments.save('photo', photo)] : [];
  const message = { ...toInboundMessage(submission, key, attachments, source), fingerprint: submissionFingerprint(submission, source.hints) };
  let stored: Stored;
  try {
    stored = await context.acceptor.accept(message, { reserveCaseNo: true });
  } catch (err) {
    await context.attachments.remove(attachments);
    throw err;
  }
  // A repeated key keeps the first submission's files: this one's photo is not referenced by any row.
  if (stored.duplicate) await context.attachments.remove(attachments);
  // The same key with another body is another message, not a double submit: it must not learn the first one's case or code.
  if (stored.duplicate && stored.fingerprint && stored.fingerprint !== message.fingerprint) {
    throw new InputError('idempotencyKey', 'this Idempotency-Key was already used for a different submission', 422, 'idempotency_key_reused');
  }
  await source.onStored?.(stored);
  // Anonymous: a code to look the case up with, the same for a repeated submission.
  const anonymous = message.sender.identities.length === 0;
  const body = {
    caseNo: stored.caseNo!,
    status: 'registered' as const,
    ...(anonymous ? { accessCode: accessCode(context.secret, message.channel, key) } : {}),
  };
  if (wantsHtml(req)) {
    const page = renderConfirmationPage({ lang: submission.lang, ...body });
    // Strings are sent as they are; the 202 schema only describes the JSON answer.
    return reply.code(202).type('text/html; charset=utf-8').send(page);
  }
  return reply.code(202).send(body);
}

/** A form post's error handler: a browser's plain post gets its form back with the error, the API the JSON error. */
export function formErrorHandler(target: (req: FastifyRequest) => Promise<FormTarget>) {
  return async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (!wantsHtml(req)) throw err; // the app's JSON error handler
    const page = await target(req).catch(() => ({ ...WINDOW_TARGET, zones: [] }));
    return renderFormError(err as ValidationError, req, reply, page);
  };
}

function checkedKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new InputError('idempotencyKey', 'must be 8–128 letters, digits or ._:-');
  return key;
}

/** A browser's plain form post (no script) wants a page back, not JSON. */
export function wantsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
}

/** The same error the JSON API would give, shown in the form it came from. */
function renderFormError(err: ValidationError, req: FastifyRequest, reply: FastifyReply, target: FormTarget) {
  const { status, body } = describeError(err);
  const field = body.field ?? 'form';
  const message = status >= 500 ? `${T.zh.busy} / ${T.en.busy}` : body.message;
  if (status === 503) reply.header('Retry-After', '5');
  const raw = (req.body ?? {}) as Record<string, unknown>;
  const lang: Lang = raw.lang === 'en' ? 'en' : 'zh';
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string'));
  // The same key again: nothing was stored, and a resubmit after a fix must not become two cases.
  // A key already used for another submission gets a fresh one: sending the corrected form again must work.
  const reusable = typeof raw.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(raw.idempotencyKey) && body.error !== 'idempotency_key_reused';
  const key = reusable ? (raw.idempotencyKey as string) : randomUUID();
  const html = renderWindowPage({ ...target, lang, idempotencyKey: key, values, error: { field, message } });
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
