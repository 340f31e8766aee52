/** The console's few pages as paths under /console/ (history API; the gateway answers index.html for each). */
import { useEffect, useState } from 'react';

export const BASE = '/console';

/** The screens beside the case desk, each at /console/<screen>[/<sub>] (see nav.ts for who may use which). */
export const SCREENS = ['zones', 'liaisons', 'categories', 'calendar', 'rules', 'cards', 'figures', 'operations', 'audit'] as const;
export type Screen = (typeof SCREENS)[number];

export type Route =
  | { page: 'login'; next: string }
  | { page: 'inbox' }
  | { page: 'case'; caseNo: string }
  /** `sub` is the rest of the path, for the screen's own use (e.g. a zone's code), '' when none. */
  | { page: 'screen'; screen: Screen; sub: string };

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  if (path === '/login') return { page: 'login', next: new URLSearchParams(location.search).get('next') ?? `${BASE}/` };
  const match = /^\/cases\/(\d{10,16})\/?$/.exec(path);
  if (match) return { page: 'case', caseNo: match[1]! };
  const screen = /^\/([a-z]+)(?:\/(.*))?$/.exec(path);
  if (screen && (SCREENS as readonly string[]).includes(screen[1]!)) {
    return { page: 'screen', screen: screen[1] as Screen, sub: decodeURIComponent(screen[2] ?? '').replace(/\/$/, '') };
  }
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

export function screenPath(screen: Screen, sub = ''): string {
  return `${BASE}/${screen}${sub ? `/${encodeURIComponent(sub)}` : ''}`;
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
