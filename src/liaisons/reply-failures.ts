/**
 * A liaison was told their answer was queued; when its send finally fails
 * (the relay gave up, a delivery report or a bounce said so), the liaison who
 * wrote it hears of it on their chat, once, with what they can do instead.
 *
 * Found by polling failed answer sends rather than by a hook in the relay, so
 * every way a send can fail later (relay, Twilio status callback, bounce) is
 * covered; a send whose failure the liaison was told of already (a bounce
 * notice, or this) carries a `liaison_notified` event naming its outbox id.
 */
import type pg from 'pg';
import { cutText } from '../core/clean-text.js';
import { inTransaction } from '../store/db.js';
import { channelName } from './reply-delivery.js';
import { queueNotice } from '../outbox/liaison-notice.js';
import { eventSql } from '../core/case-event.js';
import { kindSql } from '../core/message.js';

const FAILED_ANSWERS = `
  SELECT o.id, o.case_id, o.channel, o.kind, o.last_error, c.case_no, substring(e.actor from '^liaison:(\\d+)$')::int AS liaison_id
  FROM outbox o
  JOIN "case" c ON c.id = o.case_id
  JOIN LATERAL (
    SELECT actor FROM case_event
    WHERE case_id = o.case_id AND type IN (${eventSql('replied')}, ${eventSql('resolved')}) AND detail #>> '{delivery,send}' = o.dedupe_key
    LIMIT 1
  ) e ON true
  WHERE o.status = 'failed' AND o.kind IN (${kindSql('answer')}, ${kindSql('resolution')}) AND o.updated_at > now() - interval '7 days'
    AND NOT EXISTS (
      SELECT 1 FROM case_event n WHERE n.case_id = o.case_id AND n.type = ${eventSql('liaison_notified')} AND n.detail ->> 'outboxId' = o.id::text
    )
  ORDER BY o.id LIMIT 100`;

interface FailedAnswer {
  id: number;
  case_id: number;
  channel: string;
  kind: string;
  last_error: string | null;
  case_no: string;
  liaison_id: number | null;
}

export function failureNotice(f: Pick<FailedAnswer, 'case_no' | 'channel' | 'kind' | 'last_error'>): string {
  const what = f.kind === 'resolution' ? '办结结果' : '答复';
  const why = f.last_error ? `（${cutText(f.last_error, 80)}）` : '';
  return `【发送失败】您对案件${f.case_no}的${what}经${channelName(f.channel)}发送失败${why}，居民没有收到。${what}仍记在案件中，居民可在网上查询看到；请电话或上门联系居民，或向区民情办查询其他联系方式。`;
}

/** Tells liaisons of their answers whose sends failed since; returns how many were told. */
export async function noticeFailedAnswers(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<FailedAnswer>(FAILED_ANSWERS);
  let told = 0;
  for (const row of rows) {
    if (!row.liaison_id) continue;
    await inTransaction(pool, async (db) => {
      const chats = await queueNotice(db, row.case_id, row.liaison_id!, failureNotice(row), `answer_failed:${row.id}`);
      await db.query(`INSERT INTO case_event (case_id, type, detail) VALUES ($1, ${eventSql('liaison_notified')}, $2)`, [
        row.case_id,
        { reason: 'answer_failed', outboxId: row.id, via: chats > 0 ? ['chat'] : [] },
      ]);
      if (chats > 0) told++;
    });
  }
  return told;
}
