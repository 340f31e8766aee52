/**
 * OpenAPI generated from the routes' zod schemas, browsable at /docs. Routes name the
 * bearer scheme; every one of them also takes the console's session cookie (plugins/auth.ts),
 * which the document adds as the other way in.
 */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { DOCS_CSP } from './security-headers.js';
import { SESSION_COOKIE } from './auth.js';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Minqing gateway', description: '民情 intake gateway: channels, cases, zones', version: '0.1.0' },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer' },
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: SESSION_COOKIE,
              description: 'set by POST /api/v1/auth/login; a request that changes something also sends X-CSRF-Token',
            },
          },
        },
      },
      transform: (input) => {
        const out = jsonSchemaTransform(input);
        const security = (out.schema as { security?: Record<string, string[]>[] }).security;
        if (security?.some((s) => 'bearer' in s)) (out.schema as { security: unknown[] }).security = [...security, { session: [] }];
        return out;
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
  },
  { name: 'openapi' },
);
