/**
 * The HTTP front as one Fastify plugin tree: infrastructure plugins first
 * (errors, body parsers, auth, OpenAPI), then operations, staff and channel routes.
 */
import Fastify, { type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import formbody from '@fastify/formbody';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppDeps } from './context.js';
import errors from './plugins/errors.js';
import shutdown from './plugins/shutdown.js';
import auth from './plugins/auth.js';
import openapi from './plugins/openapi.js';
import securityHeaders from './plugins/security-headers.js';
import inputGuard from './plugins/input-guard.js';
import limits from './plugins/limits.js';
import { operationsRoutes } from './routes/operations.js';
import { caseRoutes } from './routes/cases.js';
import { attachmentRoutes } from './routes/attachments.js';
import { answerTemplateRoutes } from './routes/answer-templates.js';
import { zoneRoutes } from './routes/zones.js';
import { routerRoutes } from './routes/router.js';
import { ruleRoutes } from './routes/rules.js';
import { ruleVersionRoutes } from './routes/rule-versions.js';
import { rulePreviewRoutes } from './routes/rule-preview.js';
import { liaisonRoutes } from './routes/liaisons.js';
import { supervisionRoutes } from './routes/supervision.js';
import { visitRoutes } from './routes/visits.js';
import { failedSendRoutes } from './routes/failed-sends.js';
import { failedIntakeRoutes } from './routes/failed-intake.js';
import { knowledgeRoutes } from './routes/knowledge.js';
import { queueRoutes } from './routes/queues.js';
import { auditRoutes } from './routes/audit.js';
import { routerModelRoutes } from './routes/router-models.js';
import { signInRoutes } from './routes/sign-in.js';
import { userRoutes } from './routes/users.js';
import { CHANNELS } from '../channels/registry.js';
import { consoleRoutes } from './console.js';

export const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The field of a file cut off at its route's size limit (routes that set throwFileSizeLimit: false). */
    fileTooLarge: string | null;
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>;

export async function buildApp(deps: AppDeps, log: Logger) {
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: BODY_LIMIT,
    // Only configured proxies may say who the client is (X-Forwarded-For): rate limits key on req.ip.
    trustProxy: trustProxyOf(deps.config.TRUST_PROXY),
    // Shutdown answers our own 503 (plugins/shutdown.ts); idle keep-alive sockets are closed with the listener.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);

  await app.register(errors);
  await app.register(shutdown);
  // Defences against abuse: headers on every answer, unstorable strings refused, rate limits in Redis.
  await app.register(securityHeaders);
  await app.register(inputGuard);
  await app.register(limits);
  // Only JSON and the two form encodings are accepted; anything else is a 415 naming the content type.
  app.removeContentTypeParser('text/plain');
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: BODY_LIMIT, files: 1, fields: 20, fieldSize: 64 * 1024 },
    // A route may take bigger files (config.multipartOptions: the web form's photos) and not throw past its limit,
    // so the fields after the file are still read and a form can come back filled in: the file is marked instead.
    onFile: async function (this: FastifyRequest, part: MultipartFile) {
      await part.toBuffer();
      if (part.file.truncated) this.fileTooLarge = part.fieldname;
    },
  });
  app.decorateRequest('fileTooLarge', null);
  await app.register(auth);
  await app.register(openapi);

  // Not encapsulated: it decorates the app with the metrics listener's port.
  await app.register(fp(operationsRoutes, { name: 'operations' }));
  await app.register(caseRoutes);
  await app.register(attachmentRoutes);
  await app.register(answerTemplateRoutes);
  await app.register(zoneRoutes);
  await app.register(routerRoutes);
  await app.register(ruleRoutes);
  await app.register(ruleVersionRoutes);
  await app.register(rulePreviewRoutes);
  await app.register(liaisonRoutes);
  await app.register(supervisionRoutes);
  await app.register(visitRoutes);
  await app.register(failedSendRoutes);
  await app.register(failedIntakeRoutes);
  await app.register(queueRoutes);
  await app.register(auditRoutes);
  await app.register(routerModelRoutes);
  await app.register(knowledgeRoutes);
  await app.register(signInRoutes);
  await app.register(userRoutes);
  for (const channel of CHANNELS) {
    if (channel.routes) await app.register(channel.routes, { context: deps.channels });
  }
  await app.register(consoleRoutes(), { prefix: '/console' });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect('/window'));
  return app;
}

/** TRUST_PROXY as Fastify takes it: a hop count trusts that many proxies nearest to us, whatever their address. */
function trustProxyOf(setting: false | number | string[]) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}
