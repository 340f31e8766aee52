/** The WeChat account's login state for admins: the QR code to scan while it waits for one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { session } from './session.js';

export const wechatRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/wechat/login',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        summary: "The WeChat account's login state, and the QR code to scan when it waits for one",
        tags: ['channels'],
        security: [{ bearer: [] }],
        response: { 200: z.object({ status: z.string(), qrcodeUrl: z.string().nullable(), user: z.string().nullable() }) },
      },
    },
    async () => ({ status: session.status, qrcodeUrl: session.qrcodeUrl, user: session.user }),
  );
};
