/**
 * A gateway with the demo district and one staff member per role for the case desk tests:
 * cases are opened through the real intake (accept + process), staff call the API with bearer keys.
 */
import { randomUUID } from 'node:crypto';
import type { AttachmentMeta } from '../../src/core/message.js';
import { Acceptor } from '../../src/intake/accept.js';
import { InboundProcessor } from '../../src/intake/process.js';
import { createLogger } from '../../src/core/log.js';
import { seedDemoDistrict } from '../../src/seed/seed.js';
import { hashApiKey } from '../../src/http/plugins/auth.js';
import { adminHeaders, startTestSystem, type TestSystem } from '../helpers/system.js';
import { webMessageFrom } from '../helpers/messages.js';

export interface Desk {
  sys: TestSystem;
  headers: {
    admin: Record<string, string>;
    supervisor: Record<string, string>;
    dispatcher: Record<string, string>;
    /** 杨丽芬, liaison of 翠湖社区 (wh-hs-ch): the cases of its groups are hers. */
    liaison: Record<string, string>;
    /** 罗玉珍, liaison of a group in another street (wh-hg-hg-01). */
    otherLiaison: Record<string, string>;
  };
  /** Opens a case from a web-form message (answers by SMS to `phone`) in zone `zoneCode`; returns its number. */
  open(text: string, o?: { phone?: string; zoneCode?: string; attachments?: AttachmentMeta[] }): Promise<string>;
  teardown(): Promise<void>;
}

async function staff(sys: TestSystem, name: string, role: string, liaisonPhone?: string): Promise<Record<string, string>> {
  const key = `key-${randomUUID()}`;
  await sys.sql(
    `INSERT INTO app_user (name, role, api_key_hash, liaison_id)
     VALUES ($1, $2, $3, (SELECT id FROM liaison WHERE phone = $4 ORDER BY id LIMIT 1))`,
    [name, role, hashApiKey(key), liaisonPhone ?? null],
  );
  return { authorization: `Bearer ${key}` };
}

export async function startDesk(): Promise<Desk> {
  const sys = await startTestSystem({ role: 'http' });
  await seedDemoDistrict(sys.db.pool);
  const catalog = sys.app!.deps.catalog;
  catalog.invalidate();
  const acceptor = new Acceptor({ pool: sys.db.pool, queue: sys.queue, log: createLogger('silent'), timeZone: 'Asia/Shanghai' });
  const processor = new InboundProcessor({
    pool: sys.db.pool,
    catalog,
    classifier: sys.app!.deps.classifier,
    timeZone: 'Asia/Shanghai',
    triageZoneCode: 'district',
  });
  const headers = {
    admin: adminHeaders,
    supervisor: await staff(sys, '督查员', 'supervisor'),
    dispatcher: await staff(sys, '调度员小李', 'dispatcher'),
    liaison: await staff(sys, '杨丽芬', 'liaison', '+8613800000110'),
    otherLiaison: await staff(sys, '罗玉珍', 'liaison', '+8613800000211'),
  };
  return {
    sys,
    headers,
    async open(text, o = {}) {
      const message = { ...webMessageFrom(o.phone ?? '+8613912345678', text, o.zoneCode ?? 'wh-hs-ch-01'), attachments: o.attachments ?? [] };
      const { messageId } = await acceptor.accept(message, { reserveCaseNo: true });
      await processor.process([messageId]);
      const [row] = await sys.sql<{ case_no: string }>('SELECT c.case_no FROM "case" c JOIN message m ON m.case_id = c.id WHERE m.id = $1', [messageId]);
      return row!.case_no;
    },
    teardown: () => sys.teardown(),
  };
}

/** What a case has that a refused or invalid request must not add to. */
export async function footprint(sys: TestSystem, caseNo: string): Promise<{ events: number; outbox: number; updatedAt: string }> {
  const [row] = await sys.sql<{ events: number; outbox: number; updated_at: Date }>(
    `SELECT (SELECT count(*)::int FROM case_event e WHERE e.case_id = c.id) AS events,
            (SELECT count(*)::int FROM outbox o WHERE o.case_id = c.id) AS outbox, c.updated_at
     FROM "case" c WHERE c.case_no = $1`,
    [caseNo],
  );
  return { events: row!.events, outbox: row!.outbox, updatedAt: row!.updated_at.toISOString() };
}
