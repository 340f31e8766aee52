/**
 * Admins issue, rotate, revoke, list and print contact cards. Every change and
 * every print is audited; printing a zone's card issues it when it has none.
 */
import { descendantZoneIds } from '../../catalog/zone-tree.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { liaisonExists } from '../../liaisons/liaisons-repository.js';
import type { ZoneInfo } from '../../catalog/catalog.js';
import { renderCardPdf, renderCardPng, renderCardSheetsPdf, renderCardSvg } from './card-render.js';
import { CardView, cardFaces, presentCard, statusOf } from './cards.js';
import { cjkFonts, FontUnavailableError, type CjkFonts } from './fonts.js';
import { ensureZoneCards, findCard, issueCard, listCards, revokeCard, rotateCard, type CardRow } from './store.js';
import type { ChannelContext } from '../contract.js';

const ZoneParams = z.object({ code: z.string().max(64) });
const CardParams = z.object({ id: z.coerce.number().int().positive().max(0x7fff_ffff) });
const CardQuery = z.object({ card: z.coerce.number().int().positive().max(0x7fff_ffff).optional() });
const IssueCard = z.object({ liaisonId: z.number().int().positive().optional() });

const secured = { security: [{ bearer: [] }], tags: ['cards'] };
const FORMATS = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
} as const;

export const cardAdminRoutes: FastifyPluginAsyncZod<{ context: ChannelContext }> = async (app, { context }) => {
  const { pool } = context;
  const admin = app.requireRole('admin');
  const actor = (req: FastifyRequest) => `user:${req.staff!.id}`;

  async function zoneFor(code: string): Promise<ZoneInfo> {
    const zone = (await context.catalog.get()).zonesByCode.get(code);
    if (!zone) throw new InputError('code', `unknown zone ${code}`, 404, 'not_found');
    if (!zone.active) throw new InputError('code', `zone ${code} is closed`, 409, 'conflict');
    return zone;
  }

  async function cardFor(id: number): Promise<CardRow> {
    const card = await findCard(pool, id);
    if (!card) throw new InputError('id', `unknown card ${id}`, 404, 'not_found');
    return card;
  }

  /** The card to print for a zone: the one asked for (live, of this zone), else its zone-wide card, issued if missing. */
  async function printable(req: FastifyRequest, zone: ZoneInfo, cardId: number | undefined): Promise<CardRow> {
    if (cardId !== undefined) {
      const card = await findCard(pool, cardId);
      if (!card || card.zoneId !== zone.id) throw new InputError('card', `zone ${zone.code} has no card ${cardId}`, 404, 'not_found');
      if (statusOf(card) !== 'live') throw new InputError('card', `card ${cardId} is ${statusOf(card)}`, 409, 'conflict');
      return card;
    }
    const { cards } = await ensureIssued(req, [zone]);
    return cardFor(cards.get(zone.id)!);
  }

  const ensureIssued = (req: FastifyRequest, zones: ZoneInfo[]) =>
    ensureZoneCards(
      pool,
      zones.map((z) => z.id),
      actor(req),
    );

  app.get(
    '/api/v1/zones/:code/cards',
    {
      preHandler: admin,
      schema: {
        ...secured,
        summary: "A zone's contact cards, with their scan and submission counts",
        params: ZoneParams,
        response: { 200: z.object({ items: z.array(CardView) }) },
      },
    },
    async (req) => {
      const zone = (await context.catalog.get()).zonesByCode.get(req.params.code);
      if (!zone) throw new InputError('code', `unknown zone ${req.params.code}`, 404, 'not_found');
      return { items: (await listCards(pool, zone.id)).map((c) => presentCard(context, c)) };
    },
  );

  app.post(
    '/api/v1/zones/:code/cards',
    {
      preHandler: admin,
      schema: {
        ...secured,
        summary: 'Issue a contact card for a zone, or for one liaison in it',
        params: ZoneParams,
        body: IssueCard,
        response: { 201: CardView },
      },
    },
    async (req, reply) => {
      const zone = await zoneFor(req.params.code);
      const { liaisonId } = req.body;
      if (liaisonId !== undefined) {
        if (!(await liaisonExists(pool, liaisonId, { activeOnly: true }))) throw new InputError('liaisonId', `unknown liaison ${liaisonId}`);
        // A liaison's own card routes to them: only for a liaison who serves this zone (or a zone in it).
        const catalog = await context.catalog.get();
        const serves = (descendantZoneIds(catalog, zone.code) ?? []).some((id) => catalog.zonesById.get(id)?.liaisonId === liaisonId);
        if (!serves) throw new InputError('liaisonId', `liaison ${liaisonId} does not serve ${zone.code} or a zone in it`);
      }
      const card = await issueCard(pool, zone.id, liaisonId ?? null, actor(req));
      return reply.code(201).send(presentCard(context, card));
    },
  );

  app.get(
    '/api/v1/cards/:id',
    { preHandler: admin, schema: { ...secured, summary: 'A contact card', params: CardParams, response: { 200: CardView } } },
    async (req) => presentCard(context, await cardFor(req.params.id)),
  );

  app.post(
    '/api/v1/cards/:id/rotate',
    {
      preHandler: admin,
      schema: {
        ...secured,
        summary: 'Replace a card with a new token (the old one leads to the general form)',
        params: CardParams,
        response: { 201: CardView },
      },
    },
    async (req, reply) => {
      const old = await cardFor(req.params.id);
      const card = await rotateCard(pool, old.id, actor(req));
      if (!card) throw new InputError('id', `card ${old.id} is ${statusOf(old)}`, 409, 'conflict');
      return reply.code(201).send(presentCard(context, card));
    },
  );

  app.post(
    '/api/v1/cards/:id/revoke',
    {
      preHandler: admin,
      schema: { ...secured, summary: 'Withdraw a card (its token leads to the general form)', params: CardParams, response: { 200: CardView } },
    },
    async (req) => {
      const old = await cardFor(req.params.id);
      if (!(await revokeCard(pool, old.id, actor(req)))) throw new InputError('id', `card ${old.id} is ${statusOf(old)}`, 409, 'conflict');
      return presentCard(context, await cardFor(old.id));
    },
  );

  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    app.get(
      `/api/v1/zones/:code/card.${format}`,
      {
        preHandler: admin,
        schema: {
          ...secured,
          summary: `A zone's printable contact card (${format.toUpperCase()})`,
          description: "The zone's own card (issued on first print), or `?card=<id>` for another live card of the zone.",
          params: ZoneParams,
          querystring: CardQuery,
        },
      },
      async (req, reply) => {
        const zone = await zoneFor(req.params.code);
        const fonts = format === 'svg' ? undefined : fontsOr503(reply);
        if (fonts === null) return reply;
        const card = await printable(req, zone, req.query.card);
        const [face] = await cardFaces(context, [card]);
        const body = !fonts ? renderCardSvg(face!) : format === 'png' ? renderCardPng(face!, fonts) : await renderCardPdf(face!, fonts);
        await audit(pool, { actor: actor(req), action: 'card.print', subjectType: 'card', subjectId: String(card.id), detail: { format } });
        return send(reply, format, `card-${zone.code}`, body);
      },
    );
  }

  app.get(
    '/api/v1/zones/:code/cards.pdf',
    {
      preHandler: admin,
      schema: {
        ...secured,
        summary: "Every household card of a zone's groups (or communities without groups) as a PDF",
        description: 'One A4 page per zone at the bottom of the pyramid under `code`, eight copies of its card a page; missing cards are issued.',
        params: ZoneParams,
      },
    },
    async (req, reply) => {
      const zone = await zoneFor(req.params.code);
      const fonts = fontsOr503(reply);
      if (!fonts) return reply;
      const zones = await leavesUnder(context, zone);
      const { cards } = await ensureIssued(req, zones);
      const rows = await Promise.all(zones.map((z) => cardFor(cards.get(z.id)!)));
      const pdf = await renderCardSheetsPdf(await cardFaces(context, rows), fonts, `民情联系卡 ${zone.name}`);
      await audit(pool, {
        actor: actor(req),
        action: 'card.print',
        subjectType: 'zone',
        subjectId: zone.code,
        detail: { format: 'pdf', cards: rows.map((c) => c.id) },
      });
      return send(reply, 'pdf', `cards-${zone.code}`, pdf);
    },
  );
};

/** The active zones under `zone` (itself included) with no active zone below them, in tree order (siblings as created). */
async function leavesUnder(context: ChannelContext, zone: ZoneInfo): Promise<ZoneInfo[]> {
  const catalog = await context.catalog.get();
  const children = new Map<number, ZoneInfo[]>();
  for (const z of catalog.zonesById.values()) {
    if (z.active && z.parentId !== null) children.set(z.parentId, [...(children.get(z.parentId) ?? []), z]);
  }
  const leaves: ZoneInfo[] = [];
  // Levels sit one below their parent's (zones API), so the walk is at most four deep.
  const walk = (z: ZoneInfo): void => {
    const below = (children.get(z.id) ?? []).sort((a, b) => a.id - b.id);
    if (below.length === 0) leaves.push(z);
    else below.forEach(walk);
  };
  walk(zone);
  return leaves;
}

function send(reply: FastifyReply, format: keyof typeof FORMATS, name: string, body: string | Buffer) {
  return reply.type(FORMATS[format]).header('content-disposition', `inline; filename="${name}.${format}"`).header('cache-control', 'no-store').send(body);
}

/** The CJK font PNG and PDF need; without it, a 503 that says what to install has been sent and the answer is null. */
function fontsOr503(reply: FastifyReply): CjkFonts | null {
  try {
    return cjkFonts(reply.server.deps.config.CJK_FONT_PATH);
  } catch (err) {
    if (!(err instanceof FontUnavailableError)) throw err;
    reply.log.error({ font: err.path }, 'CJK font missing: printed cards unavailable');
    reply.code(503).send({ error: 'unavailable', field: 'format', message: err.message });
    return null;
  }
}
