/**
 * The one normalized inbound message. Every channel adapter turns its
 * provider's payload into this; nothing downstream sees provider shapes.
 */
import { z } from 'zod';

/**
 * The channels, by the name on messages, cases and outbox rows; src/channels/registry.ts
 * maps each to the folder that implements it.
 */
export const CHANNEL_NAMES = ['web', 'card', 'sms', 'voice', 'telegram', 'wechat', 'email'] as const;
export const ChannelName = z.enum(CHANNEL_NAMES);
export type ChannelName = z.infer<typeof ChannelName>;

/** The channel as an SQL string literal, for statements that write or match it. */
export const channelSql = (channel: ChannelName): string => `'${channel}'`;

/** What an outbound message is for (outbox.kind): how senders treat it, and who may read it in the lookup. */
export const OUTBOX_KINDS = [
  // To the resident, automatic.
  'receipt',
  'help',
  'chat_answer',
  'survey',
  'survey_thanks',
  'knowledge_confirmed',
  'knowledge_handover',
  // To the resident, written by a liaison.
  'answer',
  'resolution',
  // To staff.
  'liaison_notice',
  'liaison_note',
  'liaison_answer',
  'urgent_alert',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** The kind as an SQL string literal, for statements that write or match it. */
export const kindSql = (kind: OutboxKind): string => `'${kind}'`;

/** An address a resident can be reached at. `phone` and `email` are shared across channels. */
export const Identity = z.object({
  kind: z.string().min(1),
  address: z.string().min(1),
});
export type Identity = z.infer<typeof Identity>;

/** A file we stored (size, sha256), or one still at the provider (url: Twilio MMS media). */
export const AttachmentMeta = z.object({
  id: z.string(),
  contentType: z.string(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
  originalName: z.string().optional(),
  url: z.string().optional(),
  /** Why the file was not kept (type not allowed, too large): listed, never stored. */
  rejected: z.string().optional(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const InboundMessage = z.object({
  channel: ChannelName,
  /** The provider's id for this message: the idempotency key with `channel`. */
  providerMessageId: z.string().min(1),
  text: z.string(),
  sender: z.object({ name: z.string().optional(), identities: z.array(Identity) }),
  attachments: z.array(AttachmentMeta).default([]),
  /**
   * Routing signals from the channel itself: a form's zone picker, the zone's own number that was called,
   * the zone's own mailbox that was written to, a shared location, or the contact card whose QR opened
   * the form (the strongest: the card names its zone, and maybe its liaison).
   */
  hints: z
    .object({
      zoneCode: z.string().optional(),
      calledNumber: z.string().optional(),
      mailbox: z.string().optional(),
      /** A location the resident shared (WGS-84): routed by the zone boundary that holds it. */
      location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
      card: z.object({ id: z.number().int(), zoneCode: z.string(), liaisonId: z.number().int().optional() }).optional(),
    })
    .default({}),
  /**
   * Where the message says it belongs (email): the ids of the messages it answers, and a case
   * number quoted in its subject, which counts only for a case of the same sender. `messageId` is
   * the message's own id as sent (its providerMessageId is scoped to the sender); `ownKeys` are
   * the providerMessageIds the sender's own earlier messages among `references` would have.
   */
  thread: z
    .object({
      references: z.array(z.string()).default([]),
      ownKeys: z.array(z.string()).optional(),
      messageId: z.string().optional(),
      caseNo: z.string().optional(),
      subject: z.string().optional(),
    })
    .optional(),
  /** Sent by a machine (an auto-reply, list mail): it is never answered automatically. */
  automatic: z.string().optional(),
  /** A hash of what was submitted (forms): a replayed idempotency key must carry the same submission. */
  fingerprint: z.string().optional(),
  /** The message's HTML, sanitized (no scripts, handlers or remote content); `text` is its plain form. */
  html: z.string().optional(),
  /** Where answers should go; no address means the web lookup only. */
  replyTo: z.object({ channel: ChannelName, address: z.string().optional() }),
  language: z.enum(['zh', 'en']).default('zh'),
  /** `new-case`: every message opens a case (forms). `open-case`: join the sender's open case (chat, SMS). */
  threading: z.enum(['new-case', 'open-case']),
  receivedAt: z.string(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

/** What a channel's sender is asked to deliver (one outbox row). */
export interface OutboundMessage {
  outboxId: number;
  channel: ChannelName;
  to: string | null;
  body: string;
  kind: OutboxKind;
  caseNo: string | null;
}

export type SendOutcome = { status: 'sent' | 'delivered'; providerId?: string };

/** What the relay hands a sender besides the message. */
export interface SendOptions {
  /** Aborted when the send's time is up (OUTBOX_SEND_TIMEOUT_MS): stop waiting for the provider. */
  signal?: AbortSignal;
}

/** The sending half of a channel adapter. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** False when credentials are missing: sends are recorded as `sandboxed` instead. */
  readonly configured: boolean;
  /**
   * A second attempt of the same row is recognised as the same message (email: the same Message-ID),
   * so a send whose outcome is unknown (a timeout) may be tried again. Without it such a send is
   * recorded as `unknown` and left to staff.
   */
  readonly idempotent?: boolean;
  send(message: OutboundMessage, options?: SendOptions): Promise<SendOutcome>;
}
