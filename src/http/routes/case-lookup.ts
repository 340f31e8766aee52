/**
 * Residents look up their own case: the case number plus the phone or email
 * they gave (or the code an anonymous submission received). The answer has
 * no personal data; a wrong pair is the same 404 as an unknown case.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { normalizeEmail, normalizePhone } from '../../core/contact-address.js';
import { accessCodeMatches } from '../../core/access-code.js';
import { CaseStatus, STATUS_LABELS } from '../../core/case-status.js';
import { zoneLabel } from '../../catalog/zone-tree.js';
import type { CatalogSnapshot } from '../../catalog/catalog.js';
import { contactHasAddress, findCaseForLookup, publicTimeline, type LookupCase } from '../../cases/resident-lookup.js';

const Lookup = z.object({
  caseNo: z.string(),
  status: CaseStatus,
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  category: z.object({ zh: z.string(), en: z.string() }).nullable(),
  zone: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), type: z.string(), text: z.string() })),
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

export const lookupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { pool } = app.deps.db;
  const limits = lookupLimits(app.deps.config);

  async function contactMatches(found: LookupCase, contact: string): Promise<boolean> {
    const trimmed = contact.trim();
    const anonymous = !found.meta.sender?.identities?.length;
    if (anonymous) return /^\d{8}$/.test(trimmed) && accessCodeMatches(app.deps.secret, found.channel, found.providerMessageId, trimmed);
    const address = normalizePhone(trimmed) ?? normalizeEmail(trimmed);
    if (found.meta.sender?.identities?.some((i) => i.address === address)) return true;
    return found.contactId !== null && contactHasAddress(pool, found.contactId, address);
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
      const { caseNo, contact } = req.query;
      await app.enforceLimits(
        reply,
        [
          [limits.client, req.ip],
          [limits.contact, contactKey(contact)],
          [limits.caseNo, caseNo],
        ],
        {
          whenRedisDown: 'refuse',
          message: 'too many lookups; try again later',
        },
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
          timeline: [{ at: found.receivedAt.toISOString(), type: 'event', text: 'received' }],
        };
      }
      const timeline = await publicTimeline(pool, found.caseId);
      return {
        caseNo,
        status: found.status!,
        statusLabel: STATUS_LABELS[found.status!],
        category: { zh: found.categoryZh!, en: found.categoryEn! },
        zone: zoneName(await app.deps.catalog.get(), found.zoneId!),
        deadlineAt: found.deadlineAt!.toISOString(),
        timeline: timeline.map((r) => ({ ...r, at: r.at.toISOString() })),
      };
    },
  );
};
