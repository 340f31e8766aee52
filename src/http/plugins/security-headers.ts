/**
 * Security headers on every answer (@fastify/helmet): a strict
 * Content-Security-Policy (scripts and styles only from files of this
 * origin, no framing, no plugins, forms post here only), nosniff,
 * X-Frame-Options DENY, no Referer, and HSTS when the request came over
 * TLS (directly, or through a proxy trusted by TRUST_PROXY).
 * /docs (Swagger UI) keeps its own, slightly wider policy: its bundle sets
 * inline styles; so does the staff console at /console (antd's CSS-in-JS).
 */
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // The form's photo preview shrinks pictures through blob: URLs; the pages' icon is a data: URL.
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI at /docs: its scripts are files, but it styles elements inline. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The staff console at /console: its scripts are files of this origin; antd writes its styles inline at run time. */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const HSTS = 'max-age=31536000; includeSubDomains';

export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Only over TLS: a plain-HTTP answer's HSTS is ignored by browsers, and a demo on localhost must not pin itself.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onSend', async (req, reply) => {
      if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    });
  },
  { name: 'security-headers' },
);
