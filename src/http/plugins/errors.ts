/**
 * One error format for the whole API: `{ error, field?, message }`.
 * 4xx name the field at fault; 5xx hide their details (they are logged).
 */
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import { UnavailableError } from '../../core/errors.js';
import { describeError, type ApiError, type ValidationError } from '../../core/api-error.js';

export default fp(
  async (app) => {
    app.setErrorHandler((err: ValidationError, req, reply) => {
      const { status, body } = describeError(err);
      if (err instanceof UnavailableError) {
        req.log.warn({ dependency: err.dependency }, 'dependency unavailable');
        reply.header('Retry-After', '5');
      } else if (status >= 500) {
        req.log.error({ err }, 'unhandled error');
      }
      return send(reply, status, body);
    });

    app.setNotFoundHandler((req, reply) => send(reply, 404, { error: 'not_found', message: `no route for ${req.method} ${req.url.split('?')[0]}` }));
  },
  { name: 'errors' },
);

function send(reply: FastifyReply, status: number, body: ApiError) {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
