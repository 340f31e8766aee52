/**
 * Return visits (回访答复): some time after a case is answered or closed, the
 * resident is asked on their reply channel how satisfied they are, and
 * answers with a number (1 满意, 2 基本满意, 3 不满意) on SMS, WeChat, Telegram
 * or email. "Not satisfied" reopens the case and tells its liaison and the
 * level above; silence after two reminders is recorded as "no response",
 * never as satisfied.
 */
import type { ChannelName } from '../core/message.js';
import type pg from 'pg';
import { queueSend } from '../outbox/queue.js';
import type { Catalog } from '../catalog/catalog.js';
import { nearestWithLiaison } from '../catalog/zone-resolver.js';
import { parentOf } from '../catalog/zone-tree.js';
import type { OfficeHours } from '../catalog/calendar.js';
import { calendarOf } from '../catalog/calendar-of.js';
import { queueNotice } from '../outbox/liaison-notice.js';
import { inTransaction, type Queryable } from '../store/db.js';
import { formatLocal } from '../core/time.js';
import type { SupervisionPolicy } from './deadlines.js';
import { watchReopened } from './reopen.js';
import { eventSql } from '../core/case-event.js';

export type SurveyAnswer = 'satisfied' | 'basically_satisfied' | 'not_satisfied';

const ANSWERS: Record<string, SurveyAnswer> = {
  '1': 'satisfied',
  满意: 'satisfied',
  非常满意: 'satisfied',
  satisfied: 'satisfied',
  '2': 'basically_satisfied',
  基本满意: 'basically_satisfied',
  还行: 'basically_satisfied',
  '3': 'not_satisfied',
  不满意: 'not_satisfied',
  'not satisfied': 'not_satisfied',
};

/** Where a mail client starts quoting the message replied to. */
const QUOTE = /^(>|-{2,}\s*original message|-{2,}\s*原始邮件|发件人[:：]|from:|on .+ wrote:|在.+写道[:：]?)/i;

/** A reply that is a survey answer, or null for anything else (which is an ordinary message). */
export function parseSurveyAnswer(text: string): SurveyAnswer | null {
  return shortReply(text, (s) => ANSWERS[s] ?? null);
}

/**
 * A one-word reply read with `lookup` (given it normalized: NFKC, trimmed, lower case, no closing
 * punctuation): the whole text, or in a mail reply the one line above the quoted message.
 */
export function shortReply<T>(text: string, lookup: (normalized: string) => T | null): T | null {
  const normalize = (s: string) =>
    s
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .replace(/[。.!！\s]+$/u, '');
  const whole = lookup(normalize(text));
  if (whole) return whole;
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const quoteAt = lines.findIndex((l) => QUOTE.test(l));
  if (quoteAt <= 0) return null;
  const above = lines.slice(0, quoteAt).filter(Boolean);
  return above.length === 1 ? lookup(normalize(above[0]!)) : null;
}

/** When a case answered or closed now gets its return visit: `afterHours` of office time later. */
export async function returnVisitAt(catalog: Catalog, office: OfficeHours, afterHours: number): Promise<Date> {
  return calendarOf(await catalog.get(), office).addWorkingMinutes(new Date(), afterHours * 60);
}

export function surveyText(caseNo: string, reminder: number): string {
  return `${reminder ? '【回访提醒】' : '【回访】'}您反映的问题（编号${caseNo}）已答复办结。请回复数字评价：1 满意，2 基本满意，3 不满意。`;
}

const LABELS: Record<SurveyAnswer, string> = { satisfied: '满意', basically_satisfied: '基本满意', not_satisfied: '不满意' };

/** Asks (or reminds) the resident: the survey row and the send commit together; false when the case has nowhere to ask. */
export async function askSurvey(
  db: Queryable,
  c: { id: number; case_no: string; origin_channel: ChannelName; reply_channel: ChannelName; reply_address: string | null },
  reminder: number,
): Promise<boolean> {
  if (!c.reply_address) return false; // a web-form resident without contact details: nobody to ask
  // A resident who phoned the hotline is called back and answers with a key; everyone else on their reply channel.
  const channel = c.origin_channel === 'voice' && c.reply_address.startsWith('+') ? 'voice' : c.reply_channel;
  await db.query('INSERT INTO survey (case_id, channel, address) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO UPDATE SET reminders = $4', [
    c.id,
    channel,
    c.reply_address,
    reminder,
  ]);
  await queueSend(db, {
    channel,
    to: c.reply_address,
    body: surveyText(c.case_no, reminder),
    kind: 'survey',
    caseId: c.id,
    dedupeKey: `survey:${c.id}:${reminder}`,
  });
  return true;
}

/**
 * A resident's answer: recorded on the survey, the message linked to the case, a thank-you sent; "not
 * satisfied" reopens the case with a new deadline and timers (src/supervision/reopen.ts) and notifies its
 * liaison and the liaison of the zone above. Returns false when the survey was answered already (the
 * message is then an ordinary one).
 */
export async function recordSurveyAnswer(
  pool: pg.Pool,
  catalog: Catalog,
  watch: { office: OfficeHours; policy: SupervisionPolicy },
  a: { surveyId: number; caseId: number; messageId: number; contactId: number; answer: SurveyAnswer },
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ case_no: string; channel: ChannelName; address: string | null; zone_id: number; liaison_id: number | null }>(
      `WITH answered AS (
         UPDATE survey SET answer = $2, answered_at = now() WHERE id = $1 AND answer IS NULL RETURNING case_id, channel, address
       )
       SELECT c.case_no, a.channel, a.address, c.zone_id, c.liaison_id FROM answered a JOIN "case" c ON c.id = a.case_id`,
      [a.surveyId, a.answer],
    );
    const kase = rows[0];
    if (!kase) return false;
    await client.query(`UPDATE message SET case_id = $2, contact_id = $3, status = 'processed', processed_at = now() WHERE id = $1 AND case_id IS NULL`, [
      a.messageId,
      a.caseId,
      a.contactId,
    ]);
    await client.query(`UPDATE case_timer SET cancelled_at = now() WHERE case_id = $1 AND kind LIKE 'survey%' AND fired_at IS NULL AND cancelled_at IS NULL`, [
      a.caseId,
    ]);
    await client.query(`INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('surveyed')}, 'resident', $2)`, [
      a.caseId,
      { answer: a.answer },
    ]);
    // On a call-back the call itself says thanks; a second call would not.
    if (kase.channel !== 'voice')
      await queueSend(client, {
        channel: kase.channel,
        to: kase.address,
        kind: 'survey_thanks',
        caseId: a.caseId,
        dedupeKey: `survey_thanks:${a.surveyId}`,
        body: a.answer === 'not_satisfied' ? `感谢您的评价。案件${kase.case_no}已重新办理，我们会尽快再次答复您。` : `感谢您的评价（${LABELS[a.answer]}）。`,
      });
    if (a.answer === 'not_satisfied') {
      await client.query(`UPDATE "case" SET status = 'reopened', closed_at = NULL, updated_at = now() WHERE id = $1`, [a.caseId]);
      await client.query(
        `INSERT INTO case_event (case_id, type, actor, detail) VALUES ($1, ${eventSql('reopened')}, 'resident', '{"reason": "not satisfied"}')`,
        [a.caseId],
      );
      const snapshot = await catalog.get();
      const deadline = (await watchReopened(client, [a.caseId], { catalog: snapshot, ...watch }, 'system:return_visit')).get(a.caseId);
      const by = deadline ? `新的办理期限：${formatLocal(deadline, watch.office.timeZone)}。` : '';
      const zone = snapshot.zonesById.get(kase.zone_id);
      const above = zone && parentOf(zone, snapshot);
      const liaisons = new Set([kase.liaison_id, above ? nearestWithLiaison(above, snapshot)?.liaisonId : null].filter((l): l is number => !!l));
      for (const liaisonId of liaisons) {
        await queueNotice(
          client,
          a.caseId,
          liaisonId,
          `【回访不满意】案件${kase.case_no}的居民对答复不满意，案件已重新办理，请尽快跟进。${by}`,
          `survey_unsatisfied:${a.surveyId}:${liaisonId}`,
        );
      }
    }
    return true;
  });
}
