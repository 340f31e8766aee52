/**
 * What a resident reaches by scanning a contact card: the information window's
 * form bound to the card's zone (and liaison), and its submissions.
 *
 * Sample request:
 *   POST /c/AAAAKo3vF0c1d2Lq9xk1Ag.5fS0m2tM1yQmG8lq7b3e2A
 *   Content-Type: application/json
 *   {"text":"楼道的路灯坏了","phone":"13800000001"}
 *   → 202 {"caseNo":"2611300042","status":"registered"}
 *
 * A malformed, forged or unknown token is a plain 404 that says nothing about
 * zones; a revoked or rotated card's token is a 410 page leading to /window.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zoneLabel } from '../../catalog/zone-tree.js';
import { renderNoticePage, type FormTarget, type Lang } from '../web-form/page.js';
import { IDEMPOTENCY_KEY, WebSubmission } from '../web-form/submission.js';
import { Accepted, LangQuery, PHOTO_PART, formErrorHandler, sendFormPage, submitForm, wantsHtml } from '../web-form/routes.js';
import { cardFaces, cardForToken, cardScans, cardSubmissions, statusOf } from './cards.js';
import { countCardUse, type CardRow } from './store.js';
import type { ChannelContext } from '../contract.js';
import zh from './strings/zh-CN.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };

const TokenParams = z.object({ token: z.string().max(100) });

const RETIRED: Record<Lang, typeof zh.retired> = { zh: zh.retired, en: en.retired };

function notFound(reply: FastifyReply) {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
}

function retired(req: FastifyRequest, reply: FastifyReply, lang: Lang) {
  const t = RETIRED[lang];
  if (req.method !== 'GET' && !wantsHtml(req)) {
    return reply.code(410).send({ error: 'gone', message: 'this contact card is no longer in use; write through /window' });
  }
  const page = renderNoticePage({
    lang,
    path: req.url.split('?')[0]!,
    title: t.title,
    lines: [...t.lines],
    link: { href: `/window?lang=${lang}`, text: t.link },
  });
  return reply.code(410).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

export const cardFormRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  /** The card behind each request's token (null: none), found once, in preValidation or by the error handler. */
  const cards = new WeakMap<FastifyRequest, CardRow | null>();
  const cardOf = async (req: FastifyRequest): Promise<CardRow | null> => {
    if (!cards.has(req)) cards.set(req, await cardForToken(context, (req.params as { token: string }).token));
    return cards.get(req)!;
  };

  const target = async (req: FastifyRequest, card: CardRow): Promise<FormTarget> => {
    const catalog = await context.catalog.get();
    const [face] = await cardFaces(context, [card]);
    const path = `/c/${(req.params as { token: string }).token}`;
    return {
      path,
      action: path,
      zones: [],
      fixedZone: { name: zoneLabel(catalog.zonesById.get(card.zoneId)!, catalog), ...(face?.liaison ? { liaison: face.liaison.name } : {}) },
    };
  };

  /** A live card whose zone is still open; anything else answered here (404, or 410 for a retired card). */
  const live = async (req: FastifyRequest, reply: FastifyReply, lang: Lang): Promise<CardRow | null> => {
    const card = await cardOf(req);
    const zone = card && (await context.catalog.get()).zonesById.get(card.zoneId);
    if (!card) await notFound(reply);
    else if (statusOf(card) !== 'live' || !zone?.active) await retired(req, reply, lang);
    else return card;
    return null;
  };

  app.get('/c/:token', { schema: { hide: true, params: TokenParams, querystring: LangQuery } }, async (req, reply) => {
    const card = await live(req, reply, req.query.lang);
    if (!card) return reply;
    // The QR code's own link has no query: a language switch is the same visit, not another scan.
    // HEAD (link previews, monitors) is not a scan either.
    if (req.method === 'GET' && !req.url.includes('?')) {
      await countCardUse(context.pool, card.id, 'scans');
      cardScans.inc({ card: String(card.id) });
    }
    return sendFormPage(reply, { ...(await target(req, card)), lang: req.query.lang });
  });

  app.post(
    '/c/:token',
    {
      schema: {
        summary: "Submit a message through a contact card's form",
        description: "As `POST /api/v1/intake/web`, bound to the card's zone (and liaison): a `zoneCode` is ignored.",
        tags: ['intake'],
        params: TokenParams,
        headers: z.object({ 'idempotency-key': z.string().regex(IDEMPOTENCY_KEY).optional() }),
        body: WebSubmission,
        response: { 202: Accepted },
      },
      config: { multipartOptions: PHOTO_PART },
      // Before the body is validated: a bad token is a 404/410 whatever the body holds.
      preValidation: async (req, reply) => {
        const lang = (req.body as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'zh';
        if (!(await live(req, reply, lang))) return reply;
      },
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- fastify awaits an async error handler
      errorHandler: formErrorHandler(async (req) => {
        const card = await cardOf(req);
        if (!card) throw new Error('no card');
        return target(req, card);
      }),
    },
    async (req, reply) => {
      const card = (await cardOf(req))!;
      const hints = { card: { id: card.id, zoneCode: card.zoneCode, ...(card.liaisonId !== null ? { liaisonId: card.liaisonId } : {}) } };
      return submitForm(app, context, req, reply, req.body, {
        channel: 'card',
        hints,
        onStored: async (stored) => {
          if (stored.duplicate) return;
          await countCardUse(context.pool, card.id, 'submissions');
          cardSubmissions.inc({ card: String(card.id) });
        },
      });
    },
  );
};
