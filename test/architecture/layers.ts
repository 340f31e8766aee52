/**
 * The allowed import directions between the folders of src/, lowest layer
 * first. A file may import from its own folder and from any folder of a lower
 * layer; never from a higher layer, nor from another folder of its own layer.
 * Checked by layers.test.ts on every `npm test`.
 *
 *   core ← store ← domain modules ← chat ← channels, workers ← http, seed ← runtime ← main
 */
export const LAYERS: readonly (readonly string[])[] = [
  // The message model, errors, time, logging, metrics; the configuration.
  ['core', 'config.ts'],
  // PostgreSQL and Redis: pools, transactions, migrations, the audit log, staff keys.
  ['store'],
  // Domain modules, each above the ones it builds on.
  ['catalog', 'outbox'], // the office's reference data; every message that leaves
  ['router'], // classification, urgency, routing rules, officials
  ['knowledge'], // answers on the spot
  ['supervision'], // deadlines, timers, escalation, return visits, figures
  ['cases'], // cases for staff and residents: lists, the timeline, status changes
  ['liaisons'], // the liaison's desk and commands, bound chats
  ['intake'], // accepting messages and opening cases, each step from the modules above
  // Shared by the chat channels: residents' commands and the liaisons' desk in a chat app.
  ['chat'],
  ['channels', 'workers'],
  ['http', 'seed'],
  ['runtime'],
  ['main.ts'],
];
