/**
 * The text message liaisons get when a case about immediate danger opens:
 * sent at once to the zone's liaison and to every liaison above it (community,
 * street, district), so no one waits for the deadline watch. The resident's
 * number is masked, and so are numbers and addresses in the text; the full
 * case is in the admin API.
 */
import { maskedSender } from '../core/contact-address.js';
import { cutText } from '../core/clean-text.js';
import { maskText } from '../core/mask.js';
import type { Identity } from '../core/message.js';
import type { Queryable } from '../store/db.js';
import { channelSql, kindSql } from '../core/message.js';

const EXCERPT_CHARS = 40;

export interface AlertFacts {
  text: string;
  categoryZh: string;
  zoneName: string;
  sender: Identity[];
}

export function renderUrgentAlert(f: AlertFacts): string {
  const flat = maskText(f.text).replace(/\s+/g, ' ').trim();
  const cut = cutText(flat, EXCERPT_CHARS);
  const excerpt = cut === flat ? flat : `${cut}…`;
  const from = maskedSender(f.sender);
  // {caseNo} is filled in once the case is numbered (src/intake/process.ts).
  return `【紧急民情】案件{caseNo}：${excerpt}（${f.categoryZh}，${f.zoneName}，来信人${from}）请立即处置。`;
}

export interface AlertRequest {
  caseId: number;
  zoneId: number;
  liaisonId: number | null;
  /** A complaint about officials: only the case's own liaison (of the supervisory body) is alerted. */
  confidential: boolean;
  body: string;
}

/**
 * A text to the case's liaison and to every liaison up the zone tree, each
 * once per case (the dedupe key), on the liaison's phone.
 */
const QUEUE_ALERTS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(case_id int, zone_id int, liaison_id int, confidential bool, body text)
  ),
  recipients AS (
    SELECT DISTINCT ON (i.case_id, l.id) i.case_id, l.id AS liaison_id, l.phone, i.body
    FROM input i
    CROSS JOIN LATERAL (
      WITH RECURSIVE up AS (
        SELECT id, parent_id, liaison_id FROM zone WHERE id = i.zone_id
        UNION ALL
        SELECT z.id, z.parent_id, z.liaison_id FROM zone z JOIN up ON z.id = up.parent_id
      )
      SELECT liaison_id FROM up WHERE NOT i.confidential UNION SELECT i.liaison_id
    ) chain
    JOIN liaison l ON l.id = chain.liaison_id AND l.active AND l.phone IS NOT NULL
  ),
  numbered AS MATERIALIZED (
    SELECT r.*, nextval(pg_get_serial_sequence('message', 'id'))::int AS id FROM recipients r
  ),
  box AS (
    INSERT INTO outbox (message_id, case_id, kind, dedupe_key, channel, to_address)
    SELECT id, case_id, ${kindSql('urgent_alert')}, 'urgent_alert:' || case_id || ':' || liaison_id, ${channelSql('sms')}, phone FROM numbered
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING message_id
  )
  INSERT INTO message (id, direction, channel, case_id, body, status, meta)
  SELECT n.id, 'out', 'sms', n.case_id, n.body, 'pending', jsonb_build_object('liaisonId', n.liaison_id, 'to', n.phone)
  FROM numbered n JOIN box ON box.message_id = n.id`;

/** Returns how many texts were queued. */
export async function queueUrgentAlerts(db: Queryable, alerts: readonly AlertRequest[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const rows = alerts.map((a) => ({ case_id: a.caseId, zone_id: a.zoneId, liaison_id: a.liaisonId, confidential: a.confidential, body: a.body }));
  const { rowCount } = await db.query(QUEUE_ALERTS, [JSON.stringify(rows)]);
  return rowCount ?? 0;
}
