/**
 * Never answer a machine: auto-replies (Auto-Submitted, X-Autoreply),
 * bounces (null return path), list and bulk mail (Precedence, List-Id).
 * Such mail is stored but opens no receipt. And a loop guard: however a loop
 * starts, automatic mail to one address stops at a fixed number per hour.
 */
import type pg from 'pg';
import type { HeaderValue } from 'mailparser';
import { SendError } from '../../core/errors.js';
import type { OutboxKind } from '../../core/message.js';
import { PERSONAL_KINDS } from './threading.js';
import { headerText } from './header-text.js';

/** Why this mail must get no automatic answer, or null. `returnPath` '' is the null sender. */
export function automaticReason(headers: Map<string, HeaderValue>, returnPath: string | undefined): string | null {
  if (returnPath === '') return 'null return path (bounce)';
  const autoSubmitted = headerText(headers.get('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return `auto-submitted: ${autoSubmitted.split(/[;\s]/)[0]}`;
  const precedence = headerText(headers.get('precedence')).trim().toLowerCase();
  if (/^(bulk|list|junk|auto_reply)$/.test(precedence)) return `precedence: ${precedence}`;
  // mailparser gathers List-Id, List-Unsubscribe and the other List-* headers under `list`.
  if (headers.has('list') || headers.has('list-id')) return 'list mail';
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return 'auto-reply';
  // Outlook's way of asking for no automatic answers.
  if (/\b(all|oof|autoreply)\b/i.test(headerText(headers.get('x-auto-response-suppress')))) return 'x-auto-response-suppress';
  const contentType = headers.get('content-type');
  if (contentType && /^multipart\/report$/i.test(headerText(contentType).split(';')[0]!.trim())) return 'delivery report';
  return null;
}

/**
 * Automatic mail to the address in the last hour: sent, or being sent now by
 * any relay (sends run side by side, so the ones in flight count too; of
 * those, only the older rows, so that one of several in flight goes first).
 */
const RECENT_AUTOMATIC = `
  SELECT count(*)::int AS n FROM outbox
  WHERE channel = 'email' AND to_address = $1 AND kind <> ALL($2) AND id <> $3
    AND ((status IN ('sent', 'delivered') AND sent_at > now() - interval '1 hour') OR (status = 'sending' AND id < $3))`;

/** Throws a permanent SendError when automatic mail to `to` has reached `maxPerHour`. */
export async function checkLoopGuard(pool: pg.Pool, to: string, kind: OutboxKind, outboxId: number, maxPerHour: number): Promise<void> {
  if (PERSONAL_KINDS.has(kind)) return;
  const { rows } = await pool.query<{ n: number }>(RECENT_AUTOMATIC, [to, [...PERSONAL_KINDS], outboxId]);
  if (rows[0]!.n >= maxPerHour) {
    throw new SendError(`loop guard: ${rows[0]!.n} automatic mails to this address in the last hour (limit ${maxPerHour})`, false);
  }
}
