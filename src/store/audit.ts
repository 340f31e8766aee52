/** Every staff read or change of residents' data and configuration leaves a row. */
import type { Queryable } from './db.js';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(pool: Queryable, e: AuditEntry): Promise<void> {
  await pool.query('INSERT INTO audit_event (actor, action, subject_type, subject_id, detail) VALUES ($1, $2, $3, $4, $5)', [
    e.actor,
    e.action,
    e.subjectType,
    e.subjectId ?? null,
    JSON.stringify(e.detail ?? {}),
  ]);
}
