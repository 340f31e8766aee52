/** The staff console as the gateway serves it: the SPA fallback, caching, its own CSP, and the page when it is not built. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import { CONSOLE_DIR, consoleRoutes } from '../../src/http/console.js';
import { ensureConsoleBuilt } from '../../scripts/console-build.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ role: 'http' });
});
afterAll(async () => {
  await sys?.teardown();
});

describe('the console at /console (built by the test run, test/global-setup.ts)', () => {
  it('redirects /console to /console/ and answers index.html there, never cached, under a CSP of its own', async () => {
    const bare = await sys.app!.inject({ url: '/console' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/console/');

    const page = await sys.app!.inject({ url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root"></div>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('answers index.html for the app own paths (a reload of a case page), but a 404 for a missing asset', async () => {
    const deep = await sys.app!.inject({ url: '/console/cases/2026120100001?tab=timeline' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root"></div>');
    expect((await sys.app!.inject({ url: '/console/assets/missing-0000.js' })).statusCode).toBe(404);
    expect((await sys.app!.inject({ method: 'POST', url: '/console/cases/1' })).statusCode).toBe(404);
  });

  it('serves the hashed assets with a year of caching', async () => {
    const [asset] = (await readdir(join(CONSOLE_DIR, 'assets'))).filter((f) => f.endsWith('.js'));
    const res = await sys.app!.inject({ url: `/console/assets/${asset}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the strict policy everywhere else: no inline styles outside /console and /docs', async () => {
    const csp = String((await sys.app!.inject({ url: '/healthz' })).headers['content-security-policy']);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('building it (npm start, the test run, npm run console:build)', () => {
  it('skips the build when nothing under console/ nor the lock file changed since the last one', async () => {
    // The test run's global setup built it (or found it built) from these very sources.
    expect(await ensureConsoleBuilt()).toBe('unchanged');
  });
});

describe('the console when it is not built', () => {
  it('answers 503 with a page naming the command', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'console-missing-'));
    const app = Fastify();
    await app.register(consoleRoutes(join(empty, 'console')), { prefix: '/console' });
    try {
      for (const url of ['/console/', '/console/cases/2026120100001']) {
        const res = await app.inject({ url });
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain('npm run console:build');
      }
    } finally {
      await app.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
