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
 * Everything a matching contact may see: the case and the message that opened it,
 * or, before the workers have opened it, the message that reserved its number.
 */
const FIND = `
  SELECT m.id AS message_id, m.channel, m.provider_message_id, m.meta, m.created_at, c.id AS case_id, c.status, c.deadline_at,
         c.contact_id, c.zone_id, cat.name_zh, cat.name_en
  FROM (SELECT $1::text AS case_no) wanted
  LEFT JOIN "case" c ON c.case_no = wanted.case_no
  JOIN LATERAL (
    SELECT * FROM message
    WHERE direction = 'in' AND (case_id = c.id OR reserved_case_no = wanted.case_no)
    ORDER BY id LIMIT 1
  ) m ON true
  LEFT JOIN category cat ON cat.code = c.category_code`;

const PUBLIC_TIMELINE = `
  SELECT at, 'event' AS type, type AS text FROM case_event WHERE case_id = $1 AND type <> 'note'
  UNION ALL
  SELECT m.created_at, 'reply', m.body FROM message m
  WHERE m.case_id = $1 AND m.direction = 'out'
    -- Texts to staff (urgent alerts, notices, notes on bounces) are not the resident's to read.
    AND NOT m.meta ? 'liaisonId'
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id AND o.kind IN ('urgent_alert', 'liaison_notice', 'liaison_note', 'liaison_answer'))
  ORDER BY 1`;

interface Found {
  message_id: number;
  channel: string;
  provider_message_id: string;
  meta: { sender?: { identities?: { kind: string; address: string }[] } };
  created_at: Date;
  case_id: number | null;
  status: z.infer<typeof CaseStatus> | null;
  deadline_at: Date | null;
  contact_id: number | null;
  zone_id: number | null;
  name_zh: string | null;
  name_en: string | null;
}

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

  async function contactMatches(found: Found, contact: string): Promise<boolean> {
    const trimmed = contact.trim();
    const anonymous = !found.meta.sender?.identities?.length;
    if (anonymous) return /^\d{8}$/.test(trimmed) && accessCodeMatches(app.deps.secret, found.channel, found.provider_message_id, trimmed);
    const address = normalizePhone(trimmed) ?? normalizeEmail(trimmed);
    if (found.meta.sender?.identities?.some((i) => i.address === address)) return true;
    if (found.contact_id === null) return false;
    const { rowCount } = await pool.query('SELECT 1 FROM channel_identity WHERE contact_id = $1 AND address = $2', [found.contact_id, address]);
    return rowCount === 1;
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
      await app.enforceLimits(reply, [[limits.client, req.ip], [limits.contact, contactKey(contact)], [limits.caseNo, caseNo]], {
        whenRedisDown: 'refuse',
        message: 'too many lookups; try again later',
      });
      const found = (await pool.query<Found>(FIND, [caseNo])).rows[0];
      if (!found || !(await contactMatches(found, contact))) throw new InputError('caseNo', 'no case with this number and contact', 404, 'not_found');

      if (found.case_id === null) {
        // Accepted but not yet through the workers: registered, nothing more to show.
        return {
          caseNo, status: 'registered' as const, statusLabel: STATUS_LABELS.registered, category: null, zone: null, deadlineAt: null,
          timeline: [{ at: found.created_at.toISOString(), type: 'event', text: 'received' }],
        };
      }
      const timeline = await pool.query<{ at: Date; type: string; text: string }>(PUBLIC_TIMELINE, [found.case_id]);
      return {
        caseNo,
        status: found.status!,
        statusLabel: STATUS_LABELS[found.status!],
        category: { zh: found.name_zh!, en: found.name_en! },
        zone: zoneName(await app.deps.catalog.get(), found.zone_id!),
        deadlineAt: found.deadline_at!.toISOString(),
        timeline: timeline.rows.map((r) => ({ at: r.at.toISOString(), type: r.type, text: r.text })),
      };
    },
  );
};
