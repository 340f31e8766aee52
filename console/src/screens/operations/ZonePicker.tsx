/** A searchable select over the zone tree (district → street → community → group), by name or code. */
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Zone } from '../../api/types';

interface Node {
  value: string;
  title: string;
  /** Shown once picked: many groups share a name (第一居民小组), their path does not. */
  path: string;
  children: Node[];
}

function treeOf(zones: Zone[]): Node[] {
  const nodes = new Map<string, Node>(zones.filter((z) => z.active).map((z) => [z.code, { value: z.code, title: z.name, path: z.name, children: [] }]));
  const roots: Node[] = [];
  for (const zone of zones) {
    const node = nodes.get(zone.code);
    if (!node) continue;
    const parent = zone.parentCode ? nodes.get(zone.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // The district's name is left out of the path: every zone is in it.
  const withPaths = (node: Node, prefix: string): void => {
    node.path = prefix ? `${prefix}/${node.title}` : node.title;
    for (const child of node.children) withPaths(child, node.path);
  };
  for (const root of roots) root.children.forEach((child) => withPaths(child, ''));
  return roots;
}

export function ZonePicker({ zones, value, onChange, label }: { zones: Zone[]; value: string | undefined; onChange: (code: string) => void; label: string }) {
  const tree = useMemo(() => treeOf(zones), [zones]);
  return (
    <TreeSelect
      className="ops-zone-select"
      aria-label={label}
      placeholder={label}
      showSearch
      treeNodeFilterProp="title"
      treeNodeLabelProp="path"
      style={{ width: 'min(420px, 80vw)' }}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={tree.map((n) => n.value)}
      value={value}
      onChange={(code: string) => onChange(code)}
      treeData={tree}
      data-testid="zone-picker"
    />
  );
}
