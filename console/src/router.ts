/** The console's few pages as paths under /console/ (history API; the gateway answers index.html for each). */
import { useEffect, useState } from 'react';

export const BASE = '/console';

export type Route = { page: 'login'; next: string } | { page: 'inbox' } | { page: 'case'; caseNo: string };

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  if (path === '/login') return { page: 'login', next: new URLSearchParams(location.search).get('next') ?? `${BASE}/` };
  const match = /^\/cases\/(\d{10,16})\/?$/.exec(path);
  if (match) return { page: 'case', caseNo: match[1]! };
  return { page: 'inbox' };
}

const listeners = new Set<() => void>();

/** Goes to a path of this app (a full path, e.g. `/console/cases/…`) without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export function casePath(caseNo: string): string {
  return `${BASE}/cases/${caseNo}`;
}

/** Where the user is now, to come back to after signing in. */
export function currentPath(): string {
  return `${location.pathname}${location.search}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
