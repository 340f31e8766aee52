/**
 * Which cases a staff member may see and work: the one place the rule lives.
 * Admins, supervisors and dispatchers: every case. A liaison (in chat, or a
 * console user with the liaison role): the cases of their own zones and the
 * zones below them, and any case assigned to them; a confidential case (about
 * officials, 信访工作条例 Art. 30) only when it is assigned to them, never to the
 * liaisons of the zones above. The list, the detail, the actions, attachments,
 * the chat desk and the polling all build their SQL from here.
 */

/** `all`: every case; `liaison`: that liaison's scope; `none`: a liaison user linked to no liaison sees nothing. */
export type CaseScope = { kind: 'all' } | { kind: 'liaison'; liaisonId: number } | { kind: 'none' };

export function scopeOf(staff: { role: string; liaisonId: number | null }): CaseScope {
  if (staff.role !== 'liaison') return { kind: 'all' };
  return staff.liaisonId === null ? { kind: 'none' } : { kind: 'liaison', liaisonId: staff.liaisonId };
}

/** SQL truth of "case `c` is in the scope of the liaison whose id is the parameter `param`". */
export const liaisonScopeSql = (c: string, param: string): string => `
  (${c}.liaison_id = ${param} OR (NOT ${c}.confidential AND ${c}.zone_id IN (
    WITH RECURSIVE mine AS (
      SELECT id FROM zone WHERE liaison_id = ${param}
      UNION SELECT z.id FROM zone z JOIN mine ON z.parent_id = mine.id
    ) SELECT id FROM mine)))`;

/** The scope as a condition on case `c`, its parameter appended to `values`. */
export function scopeCondition(scope: CaseScope, c: string, values: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind === 'none') return 'false';
  values.push(scope.liaisonId);
  return liaisonScopeSql(c, `$${values.length}::int`);
}

/** What a liaison who asks for a case outside their scope is told (the refusal is audited). */
export const OUT_OF_SCOPE = '案件不在您的责任区 / not in your zones';
