/**
 * `npm run console:types`: writes the console's API types from the gateway's own
 * OpenAPI document (scripts/openapi-document.ts), so the console and the API
 * cannot drift; test/http/console-api-types.test.ts fails when the file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { CONSOLE_TYPES_FILE, renderConsoleApiTypes } from './openapi-document.js';

await writeFile(new URL(`../${CONSOLE_TYPES_FILE}`, import.meta.url), await renderConsoleApiTypes());
console.log(`wrote ${CONSOLE_TYPES_FILE}`);
