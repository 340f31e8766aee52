/** Every call the screens make, in one file, typed by the generated schema (schema.d.ts). */
import { api, must } from './client';
import type { paths } from './schema';
import type { CaseDetail, CaseQuery, Category, Liaison, Session, Zone } from './types';

export const signIn = (login: string, password: string): Promise<Session> => must(api.POST('/api/v1/auth/login', { body: { login, password } }));
export const currentSession = (): Promise<Session> => must(api.GET('/api/v1/auth/session'));
export const signOut = async (): Promise<void> => void (await must(api.POST('/api/v1/auth/logout')));

export function listCases(query: CaseQuery) {
  const { urgent, ...rest } = query;
  return must(api.GET('/api/v1/cases', { params: { query: { ...rest, urgent: urgent ? 'true' : undefined } } }));
}

export const viewCounts = async () => (await must(api.GET('/api/v1/cases/views'))).counts;

export const caseUpdates = (after: string | null) => must(api.GET('/api/v1/cases/updates', { params: { query: after ? { after } : {} } }));

/** A case with the ETag of the version read, for the writes' If-Match. */
export async function caseDetail(caseNo: string): Promise<{ detail: CaseDetail; etag: string | null }> {
  const call = api.GET('/api/v1/cases/{caseNo}', { params: { path: { caseNo } } });
  const { response } = await call;
  return { detail: await must(call), etag: response.headers.get('etag') };
}

export const answerTemplates = async (caseNo: string) =>
  (await must(api.GET('/api/v1/cases/{caseNo}/answer-templates', { params: { path: { caseNo } } }))).items;

export type CaseAction = 'replies' | 'notes' | 'status' | 'resolve' | 'transfer' | 'escalate' | 'joint-meeting' | 'deadline' | 'category';
type ActionPath<A extends CaseAction> = `/api/v1/cases/{caseNo}/${A}`;
/** What each action takes, as the gateway documents it. */
export type ActionBody<A extends CaseAction> = paths[ActionPath<A>]['post']['requestBody']['content']['application/json'];

/** A write on one case: If-Match the version shown, and an idempotency key so a retried click acts once. */
export async function actOnCase<A extends CaseAction>(
  caseNo: string,
  action: A,
  body: ActionBody<A>,
  etag: string | null,
  idempotencyKey: string,
): Promise<unknown> {
  const header = { 'idempotency-key': idempotencyKey, ...(etag ? { 'if-match': etag } : {}) };
  // One path at a time for the compiler: the body's type was checked against this action's schema above.
  const path = `/api/v1/cases/{caseNo}/${action}` as ActionPath<'replies'>;
  return must(api.POST(path, { params: { path: { caseNo }, header }, body: body as ActionBody<'replies'> }));
}

export type BulkChange = Omit<paths['/api/v1/cases/bulk']['post']['requestBody']['content']['application/json'], 'caseNos'>;

export const bulkAction = async (caseNos: string[], change: BulkChange) =>
  (await must(api.POST('/api/v1/cases/bulk', { body: { caseNos, ...change } }))).results;

export const zones = async (): Promise<Zone[]> => (await must(api.GET('/api/v1/zones'))).items;
export const categories = async (): Promise<Category[]> => (await must(api.GET('/api/v1/categories'))).items;
export const liaisons = async (): Promise<Liaison[]> => (await must(api.GET('/api/v1/liaisons'))).items;

export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}`;
}
