import type { ZoneInfo } from '../../src/catalog/catalog.js';

/** A zone as the catalog holds it, with nothing configured but what a test names. */
export const zoneInfo = (id: number, code: string, level: ZoneInfo['level'], parentId: number | null, more: Partial<ZoneInfo> = {}): ZoneInfo => ({
  id,
  code,
  name: code,
  level,
  parentId,
  liaisonId: null,
  aliases: [],
  phoneNumbers: [],
  boundary: null,
  emailAddresses: [],
  active: true,
  supervisory: false,
  ...more,
});
