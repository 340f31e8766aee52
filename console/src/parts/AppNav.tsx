/**
 * The screens the signed-in role may use, as links: a row on a wide screen, a menu button on a phone.
 * (antd's own folding of a horizontal menu keeps hidden copies of the links, focusable: axe's aria-hidden-focus.)
 */
import { Button, Dropdown, Grid, Menu } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
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
  const wide = Grid.useBreakpoint().md ?? true;
  const selectedKeys = [currentKey(route)];
  return (
    <nav aria-label={t('nav')} className="app-nav">
      {wide ? (
        <Menu mode="horizontal" disabledOverflow selectedKeys={selectedKeys} items={items} />
      ) : (
        <Dropdown menu={{ items, selectedKeys }} trigger={['click']}>
          <Button type="text" icon={<MenuOutlined aria-hidden />}>
            {t(`nav_${currentKey(route)}`)}
          </Button>
        </Dropdown>
      )}
    </nav>
  );
}
