/**
 * Strings PostgreSQL cannot store (a NUL, half of a surrogate pair) in a
 * query string, a path parameter or a staff API body are a 400 naming the
 * field, before any handler runs: otherwise they reach a query and come back
 * as a 500. Residents' messages (intake, webhooks) are cleaned instead
 * (cleanText), so one stray byte never costs a resident their message.
 */
import fp from 'fastify-plugin';
import { InputError } from '../../core/errors.js';

// eslint-disable-next-line no-control-regex -- the NUL is what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (key or value) in `value` that PostgreSQL could not store, or null. */
export function unstorableField(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || 'body' : null;
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return at;
    const found = unstorableField(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

const STAFF_BODIES = /^\/api\/v1\/(?!intake\/)/;

export default fp(
  async (app) => {
    app.addHook('preValidation', async (req) => {
      const field = unstorableField(req.query) ?? unstorableField(req.params) ?? (STAFF_BODIES.test(req.url) ? unstorableField(req.body) : null);
      if (field) throw new InputError(field, 'contains a NUL character or half of a surrogate pair');
    });
  },
  { name: 'input-guard' },
);
