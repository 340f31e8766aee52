/**
 * The staff console (console/, built by Vite into dist/console) at /console/:
 * files as they are, with a year's cache for the hashed ones under assets/;
 * index.html (never cached) for any other path below /console/, so the app's
 * own routes survive a reload; a 503 page naming the command when the build is
 * missing. The console gets its own CSP: antd styles elements inline.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { CONSOLE_CSP } from './plugins/security-headers.js';

/** The project's root: two levels above this file run from src/, three when compiled into dist/src/. */
const ROOT =
  ['../../', '../../../'].map((rel) => fileURLToPath(new URL(rel, import.meta.url))).find((dir) => existsSync(join(dir, 'package.json'))) ??
  fileURLToPath(new URL('../../', import.meta.url));
export const CONSOLE_DIR = join(ROOT, 'dist', 'console');

const MISSING_BUILD = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>工作台未构建 · Console not built</title></head>
<body><h1>工作台尚未构建 · The console is not built</h1>
<p>请在网关目录运行 <code>npm run console:build</code>，然后刷新本页。</p>
<p>Run <code>npm run console:build</code> in the gateway's folder, then reload this page.</p></body></html>
`;

/** Registered with the prefix /console (app.ts): a not-found handler of its own needs a prefix of its own. */
export const consoleRoutes = (dir: string = CONSOLE_DIR): FastifyPluginAsync =>
  async function consolePlugin(app) {
    app.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', CONSOLE_CSP);
    });

    const sendIndex = async (reply: FastifyReply) => {
      let html: Buffer;
      try {
        html = await readFile(join(dir, 'index.html'));
      } catch {
        return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(MISSING_BUILD);
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    };

    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      decorateReply: false,
      index: false,
      // Vite names the files under assets/ by their content: a new build has new names.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
      schemaHide: true,
    });
    // With the prefix this is both /console and /console/; the app's relative asset paths need the slash.
    app.get('/', { schema: { hide: true } }, async (req, reply) => (req.url.split('?')[0] === '/console' ? reply.redirect('/console/') : sendIndex(reply)));
    // The app's own paths (/console/cases/…) are index.html; a missing asset stays a 404.
    app.setNotFoundHandler(async (req, reply) => {
      const path = req.url.split('?')[0]!;
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(404).send({ error: 'not_found', message: `no route for ${req.method} ${path}` });
      if (path.startsWith('/console/assets/')) return reply.code(404).send({ error: 'not_found', message: `no file ${path}` });
      return sendIndex(reply);
    });
  };
