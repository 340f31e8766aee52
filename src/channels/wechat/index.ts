import type { ChannelModule } from '../contract.js';
import { startWechat } from './listener.js';
import { wechatRoutes } from './routes.js';
import { WechatSender } from './sender.js';

/** Residents and liaisons on WeChat, through wechaty and the puppet WECHATY_PUPPET names. */
export const wechat: ChannelModule = {
  name: 'wechat',
  routes: wechatRoutes,
  createSender: ({ config }) => new WechatSender(Boolean(config.WECHATY_PUPPET)),
  listen: startWechat,
};
