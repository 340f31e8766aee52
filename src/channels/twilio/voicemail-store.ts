/**
 * A voicemail's transcription, when Twilio sends it after the recording: it
 * is appended to the voicemail's message (found by its RecordingSid), after
 * a `转写：` line that replaces any earlier one, so a replayed callback
 * changes nothing.
 */
import type { Queryable } from '../../store/db.js';
import { channelSql } from '../../core/message.js';

export async function recordTranscription(db: Queryable, recordingSid: string, text: string): Promise<void> {
  await db.query(
    `UPDATE message SET body = split_part(body, E'\\n转写：', 1) || E'\\n转写：' || $2
     WHERE channel = ${channelSql('voice')} AND provider_message_id = $1`,
    [recordingSid, text],
  );
}
