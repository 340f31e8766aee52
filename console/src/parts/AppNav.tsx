/**
 * The screens the signed-in role may use, as links: a horizontal menu that scrolls sideways on a phone. (antd's
 * folding into "…" keeps aria-hidden copies of the links that can still be focused: axe's aria-hidden-focus.)
 */
import { Menu } from 'antd';
import type { Role } from '../api/types';
import { useI18n } from '../i18n';
import { navFor, type NavItem } from '../nav';
import { BASE, navigate, screenPath, type Route } from '../router';

function pathOf(key: NavItem['key']): string {
  return key === 'cases' ? `${BASE}/` : screenPath(key);
}

function currentKey(route: Route): NavItem['key'] {
  return route.page === 'screen' ? route.screen : 'cases';
}

export function AppNav({ role, route }: { role: Role; route: Route }) {
  const { t } = useI18n();
  const items = navFor(role).map(({ key }) => ({
    key,
    label: (
      <a
        href={pathOf(key)}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // a new tab or window: the browser's own
          e.preventDefault();
          navigate(pathOf(key));
        }}
      >
        {t(`nav_${key}`)}
      </a>
    ),
  }));
  return (
    <nav aria-label={t('nav')} className="app-nav">
      <Menu mode="horizontal" disabledOverflow selectedKeys={[currentKey(route)]} items={items} />
    </nav>
  );
}
