/**
 * Every call the screens make, in one file: typed by the generated schema where
 * the gateway already documents the route; the console's own contract types
 * (types.ts) for the routes still being built on other branches.
 */
import { api, applySession, must, noticeSessionEnd, CallError, type ApiError } from './client';
import type { AnswerTemplate, BulkOutcome, CaseDetail, CaseList, CaseQuery, CaseRow, CaseStatus, Category, Liaison, Session, View, Zone } from './types';

/**
 * A call to a route the generated schema does not know yet (it lands with the
 * accounts and case desk branches): plain fetch with the same cookies, CSRF
 * token and 401 handling as `api`. Replaced by typed calls once schema.d.ts has them.
 */
async function untyped<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ data: T; response: Response }> {
  const headers = new Headers(options.headers);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const request = await applySession(
    new Request(new URL(path, location.origin), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const response = await fetch(request);
  noticeSessionEnd(request, response);
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const body = (parsed && typeof parsed === 'object' ? parsed : { error: `http_${response.status}`, message: response.statusText }) as ApiError;
    throw new CallError(response.status, body, response.headers.get('retry-after'));
  }
  return { data: parsed as T, response };
}

export const signIn = (login: string, password: string): Promise<Session> => must(api.POST('/api/v1/auth/login', { body: { login, password } }));
export const currentSession = (): Promise<Session> => must(api.GET('/api/v1/auth/session'));
export const signOut = async (): Promise<void> => void (await must(api.POST('/api/v1/auth/logout')));

export async function listCases(query: CaseQuery): Promise<{ items: CaseRow[]; total: number | null }> {
  const params: Record<string, string> = { view: query.view, sort: query.sort, limit: String(query.limit), offset: String(query.offset) };
  for (const key of ['status', 'zone', 'category', 'channel', 'tag', 'from', 'to', 'q'] as const) {
    const value = query[key];
    if (value) params[key] = value;
  }
  if (query.urgent) params.urgent = 'true';
  const { data } = await untyped<CaseList & { total?: number }>('GET', `/api/v1/cases?${new URLSearchParams(params).toString()}`);
  return { items: data.items, total: data.total ?? null };
}

export const viewCounts = async () =>
  (await untyped<Partial<Record<View, number>> | { views: Partial<Record<View, number>> }>('GET', '/api/v1/cases/views')).data;

export const caseUpdates = async (after: string | null) =>
  (
    await untyped<{ cursor: string; changed: number; newCaseNos: string[] }>(
      'GET',
      `/api/v1/cases/updates${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    )
  ).data;

/** A case with the ETag of the version read, for the writes' If-Match. */
export async function caseDetail(caseNo: string): Promise<{ detail: CaseDetail; etag: string | null }> {
  const { data, response } = await untyped<CaseDetail>('GET', `/api/v1/cases/${caseNo}`);
  return { detail: data, etag: response.headers.get('etag') };
}

export const answerTemplates = async (caseNo: string) => {
  const { data } = await untyped<{ items: AnswerTemplate[] } | AnswerTemplate[]>('GET', `/api/v1/cases/${caseNo}/answer-templates`);
  return Array.isArray(data) ? data : data.items;
};

export type CaseAction = 'replies' | 'notes' | 'status' | 'resolve' | 'transfer' | 'escalate' | 'joint-meeting' | 'deadline' | 'category';

/** A write on one case: If-Match the version shown, and an idempotency key so a retried click acts once. */
export async function actOnCase(
  caseNo: string,
  action: CaseAction,
  body: Record<string, unknown>,
  etag: string | null,
  idempotencyKey: string,
): Promise<unknown> {
  const headers: Record<string, string> = { 'Idempotency-Key': idempotencyKey };
  if (etag) headers['If-Match'] = etag;
  return (await untyped<unknown>('POST', `/api/v1/cases/${caseNo}/${action}`, { body, headers })).data;
}

export async function bulkAction(
  caseNos: string[],
  change: { action: 'assign'; zone: string } | { action: 'status'; status: CaseStatus; note: string } | { action: 'tag'; tag: string },
) {
  const { data } = await untyped<{ results?: BulkOutcome[]; items?: BulkOutcome[] } | BulkOutcome[]>('POST', '/api/v1/cases/bulk', {
    body: { caseNos, ...change },
  });
  return Array.isArray(data) ? data : (data.results ?? data.items ?? []);
}

export const zones = async (): Promise<Zone[]> => (await must(api.GET('/api/v1/zones'))).items;
export const categories = async (): Promise<Category[]> => (await must(api.GET('/api/v1/categories'))).items;
export const liaisons = async (): Promise<Liaison[]> => (await must(api.GET('/api/v1/liaisons'))).items;

export function attachmentUrl(id: number): string {
  return `/api/v1/attachments/${id}`;
}
