/**
 * Runs the WeChat account: logs in (the QR code goes to the log and to
 * GET /api/v1/wechat/login), hands each message to the chat dispatcher, and
 * starts again after a drop, waiting longer each time.
 */
import { WechatyBuilder, type Message, type Wechaty } from 'wechaty';
import { qrcodeValueToImageUrl } from 'wechaty';
import type { ChannelListener, ChannelContext } from '../contract.js';
import { chatMessageOf } from './messages.js';
import { session } from './session.js';

const RETRY_MS = [1_000, 5_000, 30_000, 120_000];

export async function startWechat({ config, attachments, chat: dispatcher, log }: ChannelContext): Promise<ChannelListener> {
  const puppet = config.WECHATY_PUPPET;
  if (!puppet) return { stop: async () => {} };
  const rooms = new Set(
    config.WECHAT_ROOMS.split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  );
  const bot: Wechaty = WechatyBuilder.build({
    name: 'minqing',
    puppet: puppet as never, // a module name, checked by wechaty when it loads it
    ...(config.WECHATY_PUPPET_SERVICE_TOKEN ? { puppetOptions: { token: config.WECHATY_PUPPET_SERVICE_TOKEN } } : {}),
  });
  let stopping = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  const restart = (why: string) => {
    if (stopping || retry) return;
    const delay = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!;
    log.warn({ why, delayMs: delay }, 'wechat: restarting');
    const again = async () => {
      retry = null;
      try {
        await bot.stop();
        session.status = 'starting';
        await bot.start();
      } catch (err) {
        restart((err as Error).message);
      }
    };
    retry = setTimeout(() => void again(), delay);
    retry.unref();
  };

  bot.on('scan', (qrcode) => {
    session.status = 'scan';
    session.qrcodeUrl = qrcodeValueToImageUrl(qrcode);
    log.info({ qrcode: session.qrcodeUrl }, 'wechat: scan the QR code to log in');
  });
  bot.on('login', (user) => {
    failures = 0;
    Object.assign(session, { status: 'logged_in', qrcodeUrl: null, user: user.name() });
    log.info('wechat: logged in');
  });
  bot.on('logout', () => {
    Object.assign(session, { status: 'logged_out', user: null });
    restart('logged out');
  });
  bot.on('error', (err) => log.error({ err: err.message }, 'wechat error'));
  bot.on('message', async (msg: Message) => {
    const message = chatMessageOf(msg, { attachments, rooms });
    if (!message) return;
    try {
      await dispatcher.handle(message);
    } catch (err) {
      // WeChat does not deliver again: say so loudly, the message is only in the app now.
      log.error({ err: (err as Error).message, channel: 'wechat' }, 'wechat message not taken');
    }
  });

  session.bot = bot;
  session.status = 'starting';
  await bot.start();
  return {
    client: bot,
    async stop() {
      stopping = true;
      if (retry) clearTimeout(retry);
      await bot.stop();
      Object.assign(session, { bot: null, status: 'off', qrcodeUrl: null, user: null });
    },
  };
}
