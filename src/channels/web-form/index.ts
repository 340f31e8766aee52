import type { ChannelModule } from '../contract.js';
import { webFormRoutes } from './routes.js';

/**
 * The information window. It has no sender of its own: answers to web
 * residents are read through the case lookup, so their sends are `sandboxed`.
 */
export const webForm: ChannelModule = {
  name: 'web',
  routes: webFormRoutes,
};
