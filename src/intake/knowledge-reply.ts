/**
 * The resident's word on an answer from the knowledge base. A case answered
 * that way opens `answered`, with no liaison notice and no deadline timers,
 * and waits: "1" closes it (`knowledge_confirmed`); "2" (转人工, 人工) hands it
 * to its zone as a new case would be: status `reopened`, a new deadline and its
 * timers (src/supervision/reopen.ts), the liaison's notice, and a receipt
 * telling the resident who handles it by when. Anything else the resident
 * writes to the case hands it over the same way (src/intake/process.ts).
 *
 * A return visit's 1/2/3 goes first (the intake asks this module only about
 * replies no survey took); a case is awaiting confirmation as long as it is
 * `answered` from the knowledge base and nothing has happened to it since; when
 * no word comes within KNOWLEDGE_CONFIRM_HOURS, the case closes as answered
 * (a `knowledge_expiry` timer, src/supervision/supervisor.ts).
 */
import type pg from 'pg';
import type { Catalog, CatalogSnapshot } from '../catalog/catalog.js';
import { zoneLabel } from '../catalog/zone-tree.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { queueSend } from '../outbox/queue.js';
import { renderReceipt } from './receipt.js';
import { queueNotice, renderNotice } from '../outbox/liaison-notice.js';
import { maskedSender } from '../core/contact-address.js';
import type { OfficeHours } from '../catalog/calendar.js';
import type { SupervisionPolicy } from '../supervision/deadlines.js';
import { watchReopened } from '../supervision/reopen.js';
import { shortReply } from '../supervision/return-visit.js';
import type { ChannelName, InboundMessage } from '../core/message.js';
import { eventSql } from '../core/case-event.js';
import { AWAITING_CONFIRMATION } from '../knowledge/awaiting.js';

export type KnowledgeReply = 'confirmed' | 'handover';

const REPLIES: Record<string, KnowledgeReply> = {
  '1': 'confirmed',
  已解答: 'confirmed',
  '2': 'handover',
  转人工: 'handover',
  人工: 'handover',
  人工服务: 'handover',
  转人工办理: 'handover',
  person: 'handover',
  human: 'handover',
};

/** "1" or "2" (and their words; in a mail reply, above the quoted message), or null for anything else. */
export function parseKnowledgeReply(text: string): KnowledgeReply | null {
  return shortReply(text, (s) => REPLIES[s] ?? null);
}

export interface HandoverDeps {
  catalog: Catalog;
  watch: { office: OfficeHours; policy: SupervisionPolicy };
  timeZone: string;
}

export interface KnowledgeReplyInput {
  messageId: number;
  contactId: number;
  text: string;
  language: InboundMessage['language'];
}

/**
 * Takes the replies that answer a pending confirmation (each contact's latest such case); returns the
 * ids of the messages taken. The others are ordinary messages.
 */
export async function takeKnowledgeReplies(pool: pg.Pool, replies: readonly KnowledgeReplyInput[], deps: HandoverDeps): Promise<Set<number>> {
  const taken = new Set<number>();
  if (replies.length === 0) return taken;
  const { rows } = await pool.query<{ contact_id: number; case_id: number }>(
    `SELECT DISTINCT ON (c.contact_id) c.contact_id, c.id AS case_id FROM "case" c
     WHERE c.contact_id = ANY($1) AND ${AWAITING_CONFIRMATION} ORDER BY c.contact_id, c.id DESC`,
    [[...new Set(replies.map((r) => r.contactId))]],
  );
  const caseOf = new Map(rows.map((r) => [r.contact_id, r.case_id]));
  for (const reply of replies) {
    const caseId = caseOf.get(reply.contactId);
    const answer = parseKnowledgeReply(reply.text);
    if (caseId === undefined || !answer) continue;
    const done = await inTransaction(pool, async (db) => {
      // Locked and checked again: a second reply in the same batch, or a rerun, finds it settled.
      const { rowCount } = await db.query(`SELECT 1 FROM "case" c WHERE c.id = $1 AND ${AWAITING_CONFIRMATION} FOR UPDATE`, [caseId]);
      if (!rowCount) return false;
      await db.query(`UPDATE message SET case_id = $2, contact_id = $3, status = 'processed', processed_at = now() WHERE id = $1 AND case_id IS NULL`, [
        reply.messageId,
        caseId,
        reply.contactId,
      ]);
      if (answer === 'confirmed') await confirm(db, caseId, reply);
      else await handOver(db, [{ caseId, language: reply.language }], deps, { messageId: reply.messageId, reason: 'the resident asked for a person' });
      return true;
    });
    if (done) {
      taken.add(reply.messageId);
      caseOf.delete(reply.contactId);
    }
  }
  return taken;
}

async function confirm(db: Queryable, caseId: number, reply: KnowledgeReplyInput): Promise<void> {
  const { rows } = await db.query<{ case_no: string; reply_channel: ChannelName; reply_address: string | null }>(
    `UPDATE "case" SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1 RETURNING case_no, reply_channel, reply_address`,
    [caseId],
  );
  const kase = rows[0]!;
  await db.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('knowledge_confirmed')}, 'resident', $2)`, [
    caseId,
    { messageId: reply.messageId },
  ]);
  await queueSend(db, {
    channel: kase.reply_channel,
    to: kase.reply_address,
    kind: 'knowledge_confirmed',
    caseId,
    dedupeKey: `knowledge_confirmed:${caseId}`,
    body: reply.language === 'en' ? `Thank you. Case ${kase.case_no} is closed.` : `感谢您的确认，案件${kase.case_no}已办结。`,
  });
}

/**
 * Cases among `caseIds` still awaiting the resident's confirmation, locked: the resident wrote to them
 * with something else, which hands them over.
 */
export async function awaitingConfirmation(db: Queryable, caseIds: readonly number[]): Promise<number[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await db.query<{ id: number }>(`SELECT c.id FROM "case" c WHERE c.id = ANY($1) AND ${AWAITING_CONFIRMATION} ORDER BY c.id FOR UPDATE`, [
    caseIds,
  ]);
  return rows.map((r) => r.id);
}

/**
 * Hands cases answered from the knowledge base to their zone, in the caller's transaction: reopened,
 * watched from now like a new case, their liaison noticed, the resident told who handles it by when.
 */
export async function handOver(
  db: Queryable,
  cases: readonly { caseId: number; language: InboundMessage['language'] }[],
  deps: HandoverDeps,
  why: { messageId?: number; reason: string },
): Promise<void> {
  if (cases.length === 0) return;
  const ids = cases.map((c) => c.caseId);
  await db.query(`UPDATE "case" SET status = 'reopened', closed_at = NULL, updated_at = now() WHERE id = ANY($1)`, [ids]);
  await db.query(
    `INSERT INTO case_event (case_id, type, actor, detail)
     SELECT id, t.type, 'resident', t.detail FROM unnest($1::int[]) AS id
     CROSS JOIN (VALUES (${eventSql('knowledge_declined')}, $2::jsonb), (${eventSql('reopened')}, $3::jsonb)) AS t(type, detail)`,
    [ids, why.messageId ? { messageId: why.messageId } : {}, { reason: why.reason }],
  );
  const snapshot = await deps.catalog.get();
  const deadlines = await watchReopened(db, ids, { catalog: snapshot, ...deps.watch }, 'system:knowledge_handover');
  for (const { caseId, language } of cases) {
    const deadline = deadlines.get(caseId);
    if (deadline) await tellZoneAndResident(db, snapshot, caseId, deadline, language, deps.timeZone);
  }
}

const CASE_FACTS = `
  SELECT c.case_no, c.category_code, c.zone_id, c.liaison_id, c.urgent, c.reply_channel, c.reply_address,
         (SELECT m.body FROM message m WHERE m.case_id = c.id AND m.direction = 'in' ORDER BY m.id LIMIT 1) AS text,
         (SELECT m.meta -> 'sender' -> 'identities' FROM message m WHERE m.case_id = c.id AND m.direction = 'in' ORDER BY m.id LIMIT 1) AS identities
  FROM "case" c WHERE c.id = $1`;

async function tellZoneAndResident(db: Queryable, snapshot: CatalogSnapshot, caseId: number, deadline: Date, language: 'zh' | 'en', timeZone: string) {
  const { rows } = await db.query<{
    case_no: string;
    category_code: string;
    zone_id: number;
    liaison_id: number | null;
    urgent: boolean;
    reply_channel: ChannelName;
    reply_address: string | null;
    text: string | null;
    identities: InboundMessage['sender']['identities'] | null;
  }>(CASE_FACTS, [caseId]);
  const kase = rows[0]!;
  const category = snapshot.categoriesByCode.get(kase.category_code);
  const zone = snapshot.zonesById.get(kase.zone_id);
  const zoneName = zone ? zoneLabel(zone, snapshot) : '';
  if (kase.liaison_id !== null) {
    const notice = renderNotice({
      reason: 'new',
      caseNo: kase.case_no,
      categoryZh: category?.nameZh ?? kase.category_code,
      zoneName,
      deadline,
      timeZone,
      text: kase.text ?? '',
      from: maskedSender(kase.identities ?? []),
      urgent: kase.urgent,
      note: '知识库答复未解决居民的问题，已转人工办理',
    });
    await queueNotice(db, caseId, kase.liaison_id, notice, `liaison_notice:${caseId}:knowledge_handover`);
  }
  await queueSend(db, {
    channel: kase.reply_channel,
    to: kase.reply_address,
    kind: 'knowledge_handover',
    caseId,
    dedupeKey: `knowledge_handover:${caseId}`,
    body: renderReceipt({
      caseNo: kase.case_no,
      categoryZh: category?.nameZh ?? kase.category_code,
      categoryEn: category?.nameEn ?? kase.category_code,
      zoneName,
      deadline,
      language,
      timeZone,
    }),
  });
}
