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
import { renderNoticePage, siteOf, type FormTarget, type Lang, type Site } from '../web-form/page.js';
import { IDEMPOTENCY_KEY, WebSubmission } from '../web-form/submission.js';
import { Accepted, LangQuery, PHOTO_PART, formErrorHandler, sendFormPage, submitForm, wantsHtml } from '../web-form/routes.js';
import { cardFaces, cardForToken, cardScans, cardSubmissions, statusOf } from './cards.js';
import { countCardUse, type CardRow } from './store.js';
import type { ChannelContext } from '../contract.js';
import zh from './strings/zh-CN.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };

const TokenParams = z.object({ token: z.string().max(100) });

const CARD: Record<Lang, typeof zh> = { zh, en };

/** Why a card's link leads nowhere: its JSON answer and the page's strings. */
const UNUSABLE = {
  /** An unknown, damaged or forged token: names no zone. */
  unknown: { status: 404, error: 'not_found', message: 'no such contact card' },
  /** A rotated or revoked card, or one whose zone is retired. */
  retired: { status: 410, error: 'gone', message: 'this contact card is no longer in use; write through /window' },
} as const;

/** A card that cannot be used: a JSON error for an API client, a page leading to /window for a browser. */
function unusable(req: FastifyRequest, reply: FastifyReply, site: Site, lang: Lang, why: keyof typeof UNUSABLE) {
  const { status, error, message } = UNUSABLE[why];
  if (req.method !== 'GET' && !wantsHtml(req)) return reply.code(status).send({ error, message });
  const t = CARD[lang][why];
  const page = renderNoticePage({
    lang,
    site,
    path: req.url.split('?')[0]!,
    title: t.title,
    lines: [...t.lines],
    link: { href: `/window?lang=${lang}`, text: t.link },
  });
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

export const cardFormRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  /** The card behind each request's token (null: none), found once, in preValidation or by the error handler. */
  const cards = new WeakMap<FastifyRequest, CardRow | null>();
  const cardOf = async (req: FastifyRequest): Promise<CardRow | null> => {
    if (!cards.has(req)) cards.set(req, await cardForToken(context, (req.params as { token: string }).token));
    return cards.get(req)!;
  };

  const target = async (req: FastifyRequest, card: CardRow, lang: Lang): Promise<FormTarget> => {
    const catalog = await context.catalog.get();
    const [face] = await cardFaces(context, [card]);
    const path = `/c/${(req.params as { token: string }).token}`;
    return {
      path,
      action: path,
      title: CARD[lang].formTitle,
      zones: [],
      fixedZone: {
        name: zoneLabel(catalog.zonesById.get(card.zoneId)!, catalog),
        ...(face?.liaison ? { liaison: [face.liaison.name, face.liaison.phone].filter(Boolean).join(' ') } : {}),
      },
    };
  };

  /** A live card whose zone is still open; anything else answered here (404, or 410 for a retired card). */
  const live = async (req: FastifyRequest, reply: FastifyReply, lang: Lang): Promise<CardRow | null> => {
    const card = await cardOf(req);
    const zone = card && (await context.catalog.get()).zonesById.get(card.zoneId);
    const site = siteOf(context.config, lang);
    if (!card) await unusable(req, reply, site, lang, 'unknown');
    else if (statusOf(card) !== 'live' || !zone?.active) await unusable(req, reply, site, lang, 'retired');
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
    return sendFormPage(reply, context, { ...(await target(req, card, req.query.lang)), lang: req.query.lang });
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
      errorHandler: formErrorHandler(context, async (req) => {
        const card = await cardOf(req);
        if (!card) throw new Error('no card');
        return target(req, card, (req.body as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'zh');
      }),
    },
    async (req, reply) => {
      const card = (await cardOf(req))!;
      const { fixedZone, path } = await target(req, card, req.body.lang);
      const hints = { card: { id: card.id, zoneCode: card.zoneCode, ...(card.liaisonId !== null ? { liaisonId: card.liaisonId } : {}) } };
      return submitForm(app, context, req, reply, req.body, {
        channel: 'card',
        hints,
        sent: { back: path, ...(fixedZone ? { zone: fixedZone.name } : {}) },
        onStored: async (stored) => {
          if (stored.duplicate) return;
          await countCardUse(context.pool, card.id, 'submissions');
          cardSubmissions.inc({ card: String(card.id) });
        },
      });
    },
  );
};
