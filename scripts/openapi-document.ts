/**
 * The gateway's own OpenAPI document, built from the real route tree without
 * PostgreSQL, Redis or channels: registering routes reads only the
 * configuration; every service the app is handed refuses to be used, so a
 * route that touched one while registering would fail loudly here.
 */
import type { Logger } from 'pino';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/core/log.js';
import { buildApp } from '../src/http/app.js';
import type { AppDeps } from '../src/http/context.js';

/** A stand-in for a service: any property is another stand-in; calling one throws, naming the path. */
function unavailable(path: string): never {
  const target = function () {};
  return new Proxy(target, {
    get: (_t, key) => {
      if (key === 'then') return undefined; // not a promise
      if (typeof key === 'symbol') return undefined;
      return unavailable(`${path}.${key}`);
    },
    apply: () => {
      throw new Error(`${path}() is not available while building the OpenAPI document`);
    },
  }) as never;
}

export async function buildOpenApiDocument(log: Logger = createLogger('silent')): Promise<Record<string, unknown>> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const secret = 'openapi-document-secret-not-used-0123456789';
  const deps: AppDeps = {
    config,
    secret,
    db: unavailable('db'),
    redis: unavailable('redis'),
    queue: unavailable('queue'),
    catalog: unavailable('catalog'),
    classifier: unavailable('classifier'),
    attachments: unavailable('attachments'),
    acceptor: unavailable('acceptor'),
    channels: {
      config,
      secret,
      log,
      pool: unavailable('channels.pool'),
      acceptor: unavailable('channels.acceptor'),
      catalog: unavailable('channels.catalog'),
      attachments: unavailable('channels.attachments'),
      chat: unavailable('channels.chat'),
    },
  };
  const app = await buildApp(deps, log);
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** The console's API types (console/src/api/schema.d.ts) as openapi-typescript writes them from the document. */
export async function renderConsoleApiTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `${CONSOLE_TYPES_HEADER}${astToString(ast)}`;
}

export const CONSOLE_TYPES_HEADER = "// Generated from the gateway's OpenAPI document by `npm run console:types`: do not edit.\n\n";
export const CONSOLE_TYPES_FILE = 'console/src/api/schema.d.ts';
