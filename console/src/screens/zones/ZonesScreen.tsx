/** The zone pyramid as a tree with search; the chosen zone's panel edits it (its code is the screen's sub-path). */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Empty, Input, Spin, Tag, Tree, Typography } from 'antd';
import { listLiaisons, listZones } from '../../api/zones';
import type { Liaison, Zone } from '../../api/types';
import { useI18n } from '../../i18n';
import { navigate, screenPath } from '../../router';
import type { ScreenProps } from '../screen';
import { allKeys, ancestorsOf, byCode, zoneTree, type ZoneNode } from './zone-tree';
import { ZonePanel } from './ZonePanel';
import './zones.css';

export default function ZonesScreen({ sub }: ScreenProps) {
  const { t } = useI18n();
  const [zones, setZones] = useState<Zone[] | null>(null);
  const [liaisons, setLiaisons] = useState<Liaison[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const reload = useCallback(async () => {
    try {
      const [z, l] = await Promise.all([listZones(), listLiaisons()]);
      setZones(z);
      setLiaisons(l);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const tree = useMemo(() => zoneTree(zones ?? [], search), [zones, search]);
  const zoneMap = useMemo(() => byCode(zones ?? []), [zones]);
  const selected = zoneMap.get(sub);
  // The district and streets open at first, and the way down to the chosen zone; everything while searching.
  const shownKeys = search.trim()
    ? allKeys(tree)
    : (expanded ?? [...(zones ?? []).filter((z) => z.level === 'district' || z.level === 'street').map((z) => z.code), ...ancestorsOf(selected, zoneMap)]);

  const toTreeData = (nodes: ZoneNode[]): object[] =>
    nodes.map((n) => ({
      key: n.key,
      title: (
        <span className={n.zone.active ? undefined : 'zone-retired'}>
          {n.zone.name}
          {!n.zone.active && <Tag className="zone-tag">{t('zones_retired')}</Tag>}
        </span>
      ),
      children: toTreeData(n.children),
    }));

  return (
    <main className="screen zones-screen">
      <Typography.Title level={1}>{t('nav_zones')}</Typography.Title>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <div className="zones-layout">
        <section className="zones-tree" aria-labelledby="zones-tree-title">
          <Typography.Title level={2} id="zones-tree-title" className="zones-section-title">
            {t('zones_tree')}
          </Typography.Title>
          <Input.Search
            allowClear
            placeholder={t('zones_search')}
            aria-label={t('zones_search')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="zone-search"
          />
          {zones === null ? (
            <Spin />
          ) : tree.length === 0 ? (
            <Empty description={t('zones_noMatch')} />
          ) : (
            <Tree
              className="zone-tree"
              treeData={toTreeData(tree) as never}
              expandedKeys={shownKeys}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selected ? [selected.code] : []}
              onSelect={(keys) => keys[0] && navigate(screenPath('zones', String(keys[0])))}
              aria-label={t('zones_tree')}
            />
          )}
        </section>
        <section className="zones-detail" aria-label={t('zones_detail')}>
          {selected ? (
            <ZonePanel key={selected.code} zone={selected} zones={zoneMap} liaisons={liaisons} onChanged={reload} />
          ) : (
            <Empty description={t('zones_pick')} />
          )}
        </section>
      </div>
    </main>
  );
}
