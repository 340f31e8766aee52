/** The console's API types are the gateway's own OpenAPI document: a route changed without regenerating them fails here. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONSOLE_TYPES_FILE, renderConsoleApiTypes } from '../../scripts/openapi-document.js';

describe('console/src/api/schema.d.ts', () => {
  it('matches the OpenAPI document of the routes as they are', async () => {
    const committed = await readFile(new URL(`../../${CONSOLE_TYPES_FILE}`, import.meta.url), 'utf8');
    const fresh = await renderConsoleApiTypes();
    if (fresh !== committed) throw new Error(`${CONSOLE_TYPES_FILE} is stale: the API changed; run npm run console:types`);
    expect(fresh).toContain("'/api/v1/cases/{caseNo}'".replaceAll("'", '"'));
  }, 120_000);
});
