/**
 * The console's navigation: every screen, who may use it, and its label. The
 * menu shows a role only its own screens, and a screen opened by its address
 * by another role says so instead of failing call by call (the API refuses
 * the calls anyway: this is for people, not for safety).
 */
import type { Role } from './api/types';
import type { Screen } from './router';

export interface NavItem {
  key: 'cases' | Screen;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['admin', 'supervisor', 'dispatcher', 'liaison'];
const ADMINS: readonly Role[] = ['admin'];
const OVERSIGHT: readonly Role[] = ['admin', 'supervisor'];

export const NAV: readonly NavItem[] = [
  { key: 'cases', roles: EVERYONE },
  { key: 'figures', roles: OVERSIGHT },
  { key: 'zones', roles: ADMINS },
  { key: 'liaisons', roles: ADMINS },
  { key: 'categories', roles: ADMINS },
  { key: 'rules', roles: ADMINS },
  { key: 'cards', roles: ADMINS },
  { key: 'calendar', roles: ADMINS },
  { key: 'operations', roles: ADMINS },
  { key: 'audit', roles: OVERSIGHT },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role));
}

export function mayUse(role: Role, key: NavItem['key']): boolean {
  return navFor(role).some((item) => item.key === key);
}
