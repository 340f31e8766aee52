import type { ChannelModule, ChannelRoutes } from '../contract.js';
import { cardAdminRoutes } from './admin-routes.js';
import { cardFormRoutes } from './form-routes.js';

const routes: ChannelRoutes = async (app, options) => {
  await app.register(cardFormRoutes, options);
  await app.register(cardAdminRoutes, options);
};

/**
 * The contact card (民情联系卡): a printed card per household whose QR code opens
 * the information window's form bound to the card's zone (and liaison). Like the
 * window it has no sender: answers go by the reply channel the resident chose.
 */
export const contactCard: ChannelModule = {
  name: 'card',
  routes,
};
