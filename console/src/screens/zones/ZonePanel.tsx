/** One zone: what it is, its details form, where it sits (add a child, move, retire) and its boundary. */
import { Descriptions, Tag, Typography } from 'antd';
import type { Liaison, Zone } from '../../api/types';
import { labelOf, useI18n } from '../../i18n';
import { pathOf } from './zone-tree';
import { ZoneForm } from './ZoneForm';
import { ZoneStructure } from './ZoneStructure';
import { BoundaryCard } from './BoundaryCard';

export function ZonePanel({ zone, zones, liaisons, onChanged }: { zone: Zone; zones: Map<string, Zone>; liaisons: Liaison[]; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <div className="zone-panel" data-testid="zone-panel">
      <Typography.Title level={2} className="zones-section-title">
        {zone.name} <Tag>{labelOf(t, 'zones_level', zone.level)}</Tag>
        {!zone.active && <Tag color="default">{t('zones_retired')}</Tag>}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'code', label: t('zones_code'), children: <code>{zone.code}</code> },
          { key: 'path', label: t('zones_path'), children: pathOf(zone, zones) },
        ]}
      />
      <ZoneForm zone={zone} liaisons={liaisons} onChanged={onChanged} />
      <ZoneStructure zone={zone} zones={zones} onChanged={onChanged} />
      <BoundaryCard zone={zone} onChanged={onChanged} />
    </div>
  );
}
