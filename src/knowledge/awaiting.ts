/**
 * A case answered from the knowledge base that waits for the resident's word
 * (1 or 2): `answered`, and nothing has happened to it since. An SQL condition
 * on `"case" c`, shared by the intake (which takes the reply) and the timer
 * that closes the case when no word comes (src/supervision/supervisor.ts).
 */
import { eventSql } from '../core/case-event.js';

export const AWAITING_CONFIRMATION = `
  c.status = 'answered'
  AND EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type = ${eventSql('answered_from_knowledge')})
  AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.type IN (${eventSql('knowledge_confirmed')}, ${eventSql('knowledge_declined')}, ${eventSql('reopened')}))`;
