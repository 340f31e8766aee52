/** OpenAPI generated from the routes' zod schemas, browsable at /docs. */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { DOCS_CSP } from './security-headers.js';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Minqing gateway', description: '民情 intake gateway: channels, cases, zones', version: '0.1.0' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
  },
  { name: 'openapi' },
);
