/** A case's story in order: recorded events and the messages in and out. */
import { z } from 'zod';
import type { CaseEventRecord, CaseMessageRecord } from '../../cases/cases-repository.js';

export const TimelineEntry = z.object({
  at: z.string(),
  type: z.enum(['event', 'message']),
  event: z.string().optional(),
  actor: z.string().optional(),
  note: z.string().nullable().optional(),
  detail: z.unknown().optional(),
  direction: z.enum(['in', 'out']).optional(),
  channel: z.string().optional(),
  kind: z.string().optional(),
  body: z.string().optional(),
  attachments: z.unknown().optional(),
  /** Outbound only: where the send stands (pending, sending, sent, delivered, failed, unknown, sandboxed). */
  delivery: z.object({ status: z.string(), attempts: z.number(), providerId: z.string().nullable(), lastError: z.string().nullable() }).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export function buildTimeline(events: readonly CaseEventRecord[], messages: readonly CaseMessageRecord[]): TimelineEntry[] {
  const entries: (TimelineEntry & { t: number })[] = [
    ...events.map((e) => ({
      t: e.at.getTime(),
      at: e.at.toISOString(),
      type: 'event' as const,
      event: e.type,
      actor: e.actor,
      note: e.note,
      detail: e.detail,
    })),
    ...messages.map((m) => ({
      t: m.createdAt.getTime(),
      at: m.createdAt.toISOString(),
      type: 'message' as const,
      direction: m.direction,
      channel: m.channel,
      body: m.body,
      attachments: m.attachments,
      ...(m.outbox
        ? {
            kind: m.outbox.kind,
            delivery: { status: m.outbox.status, attempts: m.outbox.attempts, providerId: m.outbox.providerId, lastError: m.outbox.lastError },
          }
        : {}),
    })),
  ];
  return entries.sort((a, b) => a.t - b.t).map(({ t: _t, ...entry }) => entry);
}
