/**
 * The one HTTP client of the console: openapi-fetch typed by schema.d.ts (the
 * gateway's own OpenAPI document), same-origin cookies, the session's CSRF
 * token on every change, and one place that notices an ended session (401).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

let csrfToken: string | null = null;
let onSessionEnded: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on any 401 outside signing in: the app goes back to the sign-in page. */
export function whenSessionEnds(callback: () => void): void {
  onSessionEnded = callback;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SIGN_IN_PATHS = ['/api/v1/auth/login', '/api/v1/auth/session'];

/** The CSRF token on every request that changes something. */
export async function applySession(request: Request): Promise<Request> {
  if (csrfToken && !READS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
  return request;
}

/** A 401 anywhere but signing in means the session ended. */
export function noticeSessionEnd(request: Request, response: Response): void {
  if (response.status === 401 && !SIGN_IN_PATHS.includes(new URL(request.url).pathname)) onSessionEnded?.();
}

const session: Middleware = {
  onRequest: ({ request }) => applySession(request),
  onResponse({ request, response }) {
    noticeSessionEnd(request, response);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' });
api.use(session);

/** The gateway's error body (src/http/plugins/errors.ts). */
export interface ApiError {
  error: string;
  message: string;
  field?: string;
  /** 409 opted_out / undeliverable: why, and the other ways to reach the resident. */
  reason?: string;
  alternatives?: string[];
}

/** A failed call: the status and the gateway's error body. */
export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
    readonly retryAfter: string | null = null,
  ) {
    super(body.message);
  }
}

/** The data of a call, or a CallError. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error && typeof error === 'object' ? error : { error: 'http_' + response.status, message: response.statusText }) as ApiError;
  throw new CallError(response.status, body, response.headers.get('retry-after'));
}
