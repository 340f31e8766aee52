/**
 * How every console write to one case runs: in one transaction with the case
 * row locked; refused (403, audited) when the caller's scope (src/cases/scope.ts)
 * does not hold the case; answered from before when its `Idempotency-Key` was
 * seen (a double click, a retried request); refused with 412 when `If-Match`
 * names a version of the case other than the current one. Nothing is applied
 * in any of these cases. The act carries the key, so the sends it queues
 * derive their dedupe keys from it.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../../core/errors.js';
import { audit } from '../../store/audit.js';
import { inTransaction } from '../../store/db.js';
import type { Staff } from '../../store/staff.js';
import { priorResponse, recordResponse } from '../../store/staff-requests.js';
import { caseVersion, versionMatches } from '../../cases/case-version.js';
import { OUT_OF_SCOPE, scopeOf } from '../../cases/scope.js';
import { lockCase, type Act, type CaseRow } from '../../liaisons/case-work.js';

export const CONFLICT_MESSAGE = '该案件已被他人更新，请刷新后再试 / the case changed meanwhile';

export interface CaseAction {
  db: pg.PoolClient;
  kase: CaseRow;
  act: Act;
  staff: Staff;
}

/**
 * What a write answers: 200 unless `status` says otherwise. Only a success is kept for a replay: after a
 * refusal (e.g. the 409 of an undeliverable answer) the same key may try again with other input.
 */
export interface ActionResult<T> {
  status?: number;
  body: T;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

/** The Idempotency-Key header, checked; undefined when absent. */
function idempotencyKey(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) throw new InputError('Idempotency-Key', 'use 8 to 200 visible ASCII characters, e.g. a UUID');
  return raw;
}

/** Throws the 403 for a case outside the caller's scope, after auditing the refusal. */
export async function refuseOutOfScope(db: pg.Pool, staff: Staff, caseNo: string, action: string): Promise<never> {
  await audit(db, { actor: `user:${staff.id}`, action: 'case.refused', subjectType: 'case', subjectId: caseNo, detail: { action, role: staff.role } });
  throw new InputError('caseNo', OUT_OF_SCOPE, 403, 'forbidden');
}

interface RunOptions {
  /** False when the work writes its own audit entry (the status change does); otherwise `case.<action>` is recorded with `detail`. */
  audited?: boolean;
  detail?: Record<string, unknown>;
}

/**
 * `work` on the locked case, in its own transaction: `refused` when the case is outside the
 * caller's scope (nothing done; the caller audits and answers), else the result and the case's new version.
 */
export async function workOnCase<T>(
  pool: pg.Pool,
  staff: Staff,
  caseNo: string,
  action: string,
  work: (a: CaseAction) => Promise<ActionResult<T>>,
  options: RunOptions & { key?: string | undefined; ifMatch?: string | undefined } = {},
): Promise<{ refused: true } | { result: ActionResult<T>; version: string | null }> {
  const stored = options.key ? `user:${staff.id}:${options.key}` : undefined;
  return inTransaction(pool, async (db) => {
    const kase = await lockCase(db, caseNo, scopeOf(staff));
    if (!kase) throw new InputError('caseNo', `no case ${caseNo}`, 404, 'not_found');
    if (!kase.allowed) return { refused: true as const };
    // Read after the lock: a twin request holding it has committed its answer by now.
    const prior = stored ? await priorResponse(db, stored) : null;
    if (prior && prior.route !== `${action} ${caseNo}`)
      throw new InputError('Idempotency-Key', `this key was used for another request (${prior.route})`, 422, 'key_reused');
    if (prior) return { result: { status: prior.status, body: prior.response as T }, version: await caseVersion(db, kase.id) };
    if (options.ifMatch !== undefined && !versionMatches(options.ifMatch, (await caseVersion(db, kase.id))!)) {
      throw new InputError('If-Match', CONFLICT_MESSAGE, 412, 'conflict');
    }
    const actor = `user:${staff.id}`;
    const result = await work({ db, kase, staff, act: { actor, name: staff.name, key: `console:${stored ?? randomUUID()}` } });
    if ((result.status ?? 200) < 300) {
      if (options.audited !== false) await audit(db, { actor, action: `case.${action}`, subjectType: 'case', subjectId: caseNo, detail: options.detail ?? {} });
      if (stored) await recordResponse(db, stored, `${action} ${caseNo}`, { status: result.status ?? 200, response: result.body });
    }
    return { result, version: await caseVersion(db, kase.id) };
  });
}

/** `workOnCase` for one request: its Idempotency-Key and If-Match headers, the refusal as a 403, the ETag of the new version. */
export async function runCaseAction<T>(
  pool: pg.Pool,
  req: FastifyRequest,
  reply: FastifyReply,
  caseNo: string,
  action: string,
  work: (a: CaseAction) => Promise<ActionResult<T>>,
  options: RunOptions = {},
): Promise<T> {
  const staff = req.staff!;
  const ifMatch = req.headers['if-match'];
  const outcome = await workOnCase(pool, staff, caseNo, action, work, { ...options, key: idempotencyKey(req), ifMatch });
  if ('refused' in outcome) return refuseOutOfScope(pool, staff, caseNo, action);
  if (outcome.version) reply.header('ETag', outcome.version);
  reply.code(outcome.result.status ?? 200);
  return outcome.result.body;
}
