/**
 * The WeChat account this process runs (wechaty, with the puppet chosen by
 * WECHATY_PUPPET): its login state and QR code for the admin page, and the
 * bot the sender speaks through. One login per account means one process
 * runs it: the process with the HTTP front (role `http` or `all`), whose
 * outbox relay sends WeChat messages when it runs the worker too (`all`).
 */
import type { Wechaty } from 'wechaty';

export interface WechatSession {
  bot: Wechaty | null;
  status: 'off' | 'starting' | 'scan' | 'logged_in' | 'logged_out';
  /** A link to the login QR code while a scan is awaited. */
  qrcodeUrl: string | null;
  /** The account's display name once logged in. */
  user: string | null;
}

export const session: WechatSession = { bot: null, status: 'off', qrcodeUrl: null, user: null };
