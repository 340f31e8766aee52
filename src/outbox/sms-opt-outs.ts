/**
 * Numbers that sent STOP (退订): no SMS goes to them until they send START.
 * The SMS webhook records the keywords, the SMS sender refuses such a send,
 * and a liaison's answer looks for another way to the resident.
 */
import type { Queryable } from '../store/db.js';

export async function optOutOfSms(db: Queryable, address: string): Promise<void> {
  await db.query('INSERT INTO sms_opt_out (address) VALUES ($1) ON CONFLICT DO NOTHING', [address]);
}

export async function optBackIntoSms(db: Queryable, address: string): Promise<void> {
  await db.query('DELETE FROM sms_opt_out WHERE address = $1', [address]);
}

export async function optedOutOfSms(db: Queryable, address: string): Promise<boolean> {
  return ((await db.query('SELECT 1 FROM sms_opt_out WHERE address = $1', [address])).rowCount ?? 0) > 0;
}
