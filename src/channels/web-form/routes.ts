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
import { setTimeout } from 'node:timers/promises';
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
import {
  renderConfirmationPage,
  renderPrivacyPage,
  renderWindowPage,
  siteOf,
  T,
  WINDOW_TARGET,
  type FormTarget,
  type Lang,
  type SentRecord,
  type ZoneOption,
} from './page.js';
import { keepSentRecord, readSentRecord } from './sent-record.js';
import { findCaseForLookup } from '../../cases/resident-lookup.js';
import { zoneLabel } from '../../catalog/zone-tree.js';
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
    return sendFormPage(reply, context, { ...WINDOW_TARGET, lang: req.query.lang, zones: await zoneOptions() });
  });

  // Where a sent form leads (303 from the post, or the script's navigation): the case number in the address,
  // the rest (the anonymous code above all) from the browser's signed record of what it sent.
  app.get('/window/done', { schema: { hide: true, querystring: LangQuery.extend({ caseNo: z.string().regex(/^\d{10,16}$/) }) } }, async (req, reply) => {
    const { lang, caseNo } = req.query;
    const sent = readSentRecord(req, context.secret, caseNo);
    // Once the workers opened it: the zone it went to and its deadline (only for the browser that sent it).
    // The workers open a case within moments of its message: a short wait usually shows the real deadline.
    let found = sent ? await findCaseForLookup(context.pool, caseNo) : null;
    for (let tries = 0; found && found.caseId === null && tries < 5; tries++) {
      await setTimeout(200);
      found = await findCaseForLookup(context.pool, caseNo);
    }
    const catalog = await context.catalog.get();
    const zone = found?.zoneId != null ? catalog.zonesById.get(found.zoneId) : undefined;
    const opened = found?.caseId != null ? { zone: zone ? zoneLabel(zone, catalog) : null, deadlineAt: found.deadlineAt } : undefined;
    const page = renderConfirmationPage({ lang, site: siteOf(context.config, lang), caseNo, sent, ...(opened ? { opened } : {}) });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  });

  app.get('/window/privacy', { schema: { hide: true, querystring: LangQuery } }, async (req, reply) => {
    return reply.type('text/html; charset=utf-8').send(renderPrivacyPage({ lang: req.query.lang, site: siteOf(context.config, req.query.lang) }));
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
      errorHandler: formErrorHandler(context, async () => ({ ...WINDOW_TARGET, zones: await zoneOptions() })),
    },
    async (req, reply) => {
      const submission = req.body;
      // The catalog only when a zone was picked: without one, storing the message needs nothing but the acceptor.
      let label: string | undefined;
      if (submission.zoneCode) {
        const catalog = await context.catalog.get();
        const zone = catalog.zonesByCode.get(submission.zoneCode);
        if (!zone?.active) throw new InputError('zoneCode', `unknown zone ${submission.zoneCode}`);
        label = zoneLabel(zone, catalog);
      }
      return submitForm(app, context, req, reply, submission, {
        channel: 'web',
        hints: submission.zoneCode ? { zoneCode: submission.zoneCode } : {},
        sent: { back: '/window', ...(label ? { zone: label } : {}) },
      });
    },
  );
};

/** The form page, never from a cache: going Back must not bring the last message's double-submit key. */
export function sendFormPage(reply: FastifyReply, context: ChannelContext, page: FormTarget & { lang: Lang }) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderWindowPage({ ...page, site: siteOf(context.config, page.lang), idempotencyKey: randomUUID() }));
}

/**
 * Stores a valid form submission as a message of `source.channel` with its routing hints, and answers
 * 202 with the case number; a browser's plain post is sent on to the confirmation page (303: a reload there
 * does not post again). Either way the browser keeps a signed record of what it sent for that page, so the
 * anonymous code is never in an address. Shared by every form that renders renderWindowPage (the
 * information window, contact cards).
 */
export async function submitForm(
  app: FastifyInstance,
  context: ChannelContext,
  req: FastifyRequest,
  reply: FastifyReply,
  submission: WebSubmission,
  source: {
    channel: ChannelName;
    hints: InboundMessage['hints'];
    onStored?: (stored: Stored) => Promise<void>;
    /** For the confirmation page: the zone by name (absent: the district assigns one), and the form to send another from. */
    sent: { zone?: string; back: string };
  },
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
  keepSentRecord(
    reply,
    req,
    context.secret,
    {
      caseNo: body.caseNo,
      ...source.sent,
      replyVia: message.replyTo.channel as SentRecord['replyVia'],
      ...(body.accessCode ? { accessCode: body.accessCode } : {}),
    },
    config.NODE_ENV === 'production',
  );
  if (wantsHtml(req)) {
    return reply
      .code(303)
      .header('location', `/window/done?${new URLSearchParams({ lang: submission.lang, caseNo: body.caseNo }).toString()}`)
      .send();
  }
  return reply.code(202).send(body);
}

/** A form post's error handler: a browser's plain post gets its form back with the error, the API the JSON error. */
export function formErrorHandler(context: ChannelContext, target: (req: FastifyRequest) => Promise<FormTarget>) {
  return async (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (!wantsHtml(req)) throw err; // the app's JSON error handler
    const page = await target(req).catch(() => ({ ...WINDOW_TARGET, zones: [] }));
    return renderFormError(err as ValidationError, req, reply, page, context.config);
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
function renderFormError(err: ValidationError, req: FastifyRequest, reply: FastifyReply, target: FormTarget, config: ChannelContext['config']) {
  const { status, body } = describeError(err);
  const field = body.field ?? 'form';
  const message = status >= 500 ? `${T.zh.busy} / ${T.en.busy}` : body.message;
  if (status === 503) reply.header('Retry-After', '5');
  const raw = (req.body ?? {}) as Record<string, unknown>;
  // A body too big to read has no lang field: the browser's own language then.
  const lang: Lang = raw.lang === 'en' || (raw.lang === undefined && /^en\b/i.test(req.headers['accept-language'] ?? '')) ? 'en' : 'zh';
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string'));
  // The same key again: nothing was stored, and a resubmit after a fix must not become two cases.
  // A key already used for another submission gets a fresh one: sending the corrected form again must work.
  const reusable = typeof raw.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(raw.idempotencyKey) && body.error !== 'idempotency_key_reused';
  const key = reusable ? (raw.idempotencyKey as string) : randomUUID();
  const html = renderWindowPage({ ...target, lang, site: siteOf(config, lang), idempotencyKey: key, values, error: { field, message } });
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
