/**
 * Residents look up their own case: the case number plus the phone or email
 * they gave (or the code an anonymous submission received). The answer has
 * no personal data; a wrong pair is the same 404 as an unknown case.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError, UnavailableError } from '../../core/errors.js';
import { normalizeEmail, normalizePhone } from '../../core/contact-address.js';
import { maskText } from '../../core/mask.js';
import { accessCodeMatches } from '../../core/access-code.js';
import { CaseStatus, STATUS_LABELS } from '../../core/case-status.js';
import { zoneLabel } from '../../catalog/zone-tree.js';
import type { CatalogSnapshot } from '../../catalog/catalog.js';
import { contactHasAddress, findCaseForLookup, publicTimeline, type LookupCase, type PublicEvent } from '../../cases/resident-lookup.js';
import { eventWords } from '../../channels/web-form/lookup-page.js';
import { renderLookupPage, siteOf, T, type Lang } from '../../channels/web-form/page.js';
import { LangQuery } from '../../channels/web-form/routes.js';

const Lookup = z.object({
  caseNo: z.string(),
  status: CaseStatus,
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  category: z.object({ zh: z.string(), en: z.string() }).nullable(),
  zone: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  /** What the resident wrote. */
  message: z.string().nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      type: z.string(),
      text: z.string(),
      /** An event in plain words; null for a reply, or an event residents are not shown. */
      label: z.object({ zh: z.string(), en: z.string() }).nullable(),
    }),
  ),
});

/**
 * Lookups are limited per client address (a minute), and per contact and per case number
 * (LOOKUP_RATE_WINDOW_SECONDS): enough for a resident, too few to sweep a day's case numbers
 * for one phone number or guess one case's code from many addresses. Counted in Redis, so the
 * limits hold across processes; without Redis lookups are refused (503) rather than unlimited.
 */
function lookupLimits(config: { LOOKUP_RATE_PER_CLIENT: number; LOOKUP_RATE_PER_CONTACT: number; LOOKUP_RATE_WINDOW_SECONDS: number }) {
  const windowMs = config.LOOKUP_RATE_WINDOW_SECONDS * 1000;
  return {
    client: { name: 'lookup:client', field: 'client', max: config.LOOKUP_RATE_PER_CLIENT, windowMs: 60_000 },
    contact: { name: 'lookup:contact', field: 'contact', max: config.LOOKUP_RATE_PER_CONTACT, windowMs },
    caseNo: { name: 'lookup:case', field: 'caseNo', max: config.LOOKUP_RATE_PER_CONTACT, windowMs },
  };
}

/** A contact as a limit key: normalized, and hashed so no phone number or email sits in Redis. */
function contactKey(contact: string): string {
  const trimmed = contact.trim();
  const address = normalizePhone(trimmed) ?? normalizeEmail(trimmed);
  return createHash('sha256').update(address).digest('hex').slice(0, 32);
}

function zoneName(catalog: CatalogSnapshot, zoneId: number): string | null {
  const zone = catalog.zonesById.get(zoneId);
  return zone ? zoneLabel(zone, catalog) : null;
}

/** A lookup's answer, with times as Dates (the JSON API turns them into strings, the page into office times). */
type Found = Omit<z.infer<typeof Lookup>, 'deadlineAt' | 'timeline'> & { deadlineAt: Date | null; timeline: (PublicEvent & { at: Date })[] };

const LookupForm = z.object({
  lang: z.enum(['zh', 'en']).catch('zh'),
  caseNo: z.string().max(100).catch(''),
  contact: z.string().max(300).catch(''),
});

export const lookupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool, config } = { ...app.deps.db, config: app.deps.config };
  const limits = lookupLimits(app.deps.config);

  async function contactMatches(found: LookupCase, contact: string): Promise<boolean> {
    const trimmed = contact.trim();
    const anonymous = !found.meta.sender?.identities?.length;
    if (anonymous) return /^\d{8}$/.test(trimmed) && accessCodeMatches(app.deps.secret, found.channel, found.providerMessageId, trimmed);
    const address = normalizePhone(trimmed) ?? normalizeEmail(trimmed);
    if (found.meta.sender?.identities?.some((i) => i.address === address)) return true;
    return found.contactId !== null && contactHasAddress(pool, found.contactId, address);
  }

  /** The case for its number and the asker's contact (limited as above); a 404 InputError for any mismatch. */
  async function lookUp(req: FastifyRequest, reply: FastifyReply, caseNo: string, contact: string): Promise<Found> {
    await app.enforceLimits(
      reply,
      [
        [limits.client, req.ip],
        [limits.contact, contactKey(contact)],
        [limits.caseNo, caseNo],
      ],
      { whenRedisDown: 'refuse', message: 'too many lookups; try again later' },
    );
    const found = await findCaseForLookup(pool, caseNo);
    if (!found || !(await contactMatches(found, contact))) throw new InputError('caseNo', 'no case with this number and contact', 404, 'not_found');
    if (found.caseId === null) {
      // Accepted but not yet through the workers: registered, nothing more to show.
      return {
        caseNo,
        status: 'registered' as const,
        statusLabel: STATUS_LABELS.registered,
        category: null,
        zone: null,
        deadlineAt: null,
        // The resident's own words, with the numbers in them masked: a case number and one contact open this page.
        message: found.text === null ? null : maskText(found.text),
        timeline: [{ at: found.receivedAt, type: 'event', text: 'received', toStatus: null }],
      };
    }
    return {
      caseNo,
      status: found.status!,
      statusLabel: STATUS_LABELS[found.status!],
      category: { zh: found.categoryZh!, en: found.categoryEn! },
      zone: zoneName(await app.deps.catalog.get(), found.zoneId!),
      deadlineAt: found.deadlineAt,
      // The resident's own words, with the numbers in them masked: a case number and one contact open this page.
      message: found.text === null ? null : maskText(found.text),
      timeline: await publicTimeline(pool, found.caseId),
    };
  }

  app.get(
    '/api/v1/cases/lookup',
    {
      schema: {
        summary: "A resident's own case: status and public timeline",
        tags: ['cases'],
        querystring: z.object({ caseNo: z.string().regex(/^\d{10,16}$/), contact: z.string().min(3).max(254) }),
        response: { 200: Lookup },
      },
    },
    async (req, reply) => {
      const found = await lookUp(req, reply, req.query.caseNo, req.query.contact);
      return {
        ...found,
        deadlineAt: found.deadlineAt?.toISOString() ?? null,
        timeline: found.timeline.map((e) => ({ at: e.at.toISOString(), type: e.type, text: e.text, label: e.type === 'event' ? eventLabel(e) : null })),
      };
    },
  );

  // The residents' lookup page: a plain form and the case rendered here, so it needs no script. Posted, so the
  // contact (a phone number or an anonymous code) is never in an address.
  const page = (reply: FastifyReply, status: number, lang: Lang, rest: Omit<Parameters<typeof renderLookupPage>[0], 'lang' | 'site'> = {}) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderLookupPage({ lang, site: siteOf(config, lang), ...rest }));

  app.get(
    '/window/lookup',
    { schema: { hide: true, querystring: z.object({ lang: LangQuery.shape.lang, caseNo: z.string().max(100).optional() }) } },
    async (req, reply) => {
      const caseNo = req.query.caseNo && /^\d{10,16}$/.test(req.query.caseNo) ? req.query.caseNo : undefined;
      return page(reply, 200, req.query.lang, caseNo ? { caseNo } : {});
    },
  );

  app.post('/window/lookup', { schema: { hide: true, body: LookupForm } }, async (req, reply) => {
    const { lang } = req.body;
    const t = T[lang];
    const caseNo = req.body.caseNo.replace(/\s+/g, '');
    const contact = req.body.contact.trim();
    if (!/^\d{10,16}$/.test(caseNo)) return page(reply, 400, lang, { caseNo, error: { field: 'caseNo', message: t.caseNoInvalid } });
    if (contact.length < 3) return page(reply, 400, lang, { caseNo, error: { field: 'contact', message: t.contactInvalid } });
    try {
      const found = await lookUp(req, reply, caseNo, contact);
      return page(reply, 200, lang, { caseNo, result: { ...found, text: found.message } });
    } catch (err) {
      const status = err instanceof InputError ? err.statusCode : err instanceof UnavailableError ? 503 : 500;
      if (status === 404) return page(reply, 404, lang, { caseNo, error: { field: 'form', message: t.notFound } });
      if (status === 429 || status === 503) return page(reply, status, lang, { caseNo, error: { field: 'form', message: t.busy } });
      throw err;
    }
  });
};

/** A public event in plain words, both languages; null for one residents do not see. */
function eventLabel(e: PublicEvent): { zh: string; en: string } | null {
  const zh = eventWords('zh', e.text, e.toStatus);
  const en = eventWords('en', e.text, e.toStatus);
  return zh && en ? { zh, en } : null;
}
