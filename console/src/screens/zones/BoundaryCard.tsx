/** A zone's boundary: upload a GeoJSON file, see the shape drawn on its own (SVG, no map), remove it. */
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { changeZone } from '../../api/zones';
import type { Zone } from '../../api/types';
import { useI18n } from '../../i18n';
import { WriteProblem } from '../../parts/WriteProblem';
import { boundaryOf, boundaryPath } from './boundary';

const SIZE = 200;

export function BoundaryCard({ zone, onChanged }: { zone: Zone; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<unknown>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const save = async (boundary: Zone['boundary']) => {
    setProblem(null);
    try {
      await changeZone(zone.code, { boundary });
      message.success(boundary ? t('zones_boundarySaved') : t('zones_boundaryRemoved'));
      await onChanged();
    } catch (error) {
      setProblem(error);
    }
  };

  const upload = async (file: File) => {
    setFileProblem(null);
    const boundary = boundaryOf(await file.text());
    if (typeof boundary === 'string') setFileProblem(t(`zones_geojson_${boundary}`));
    else await save(boundary);
  };

  const polygons = zone.boundary ? (zone.boundary.type === 'Polygon' ? 1 : zone.boundary.coordinates.length) : 0;
  return (
    <Card size="small" title={t('zones_boundary')} className="zone-card">
      {zone.boundary ? (
        <figure className="zone-boundary">
          <svg
            viewBox={`0 0 ${SIZE} ${SIZE}`}
            width={SIZE}
            height={SIZE}
            role="img"
            aria-label={t('zones_boundaryShape', { name: zone.name })}
            data-testid="zone-boundary-shape"
          >
            <rect width={SIZE} height={SIZE} className="zone-boundary-bg" />
            <path d={boundaryPath(zone.boundary, SIZE)} fillRule="evenodd" className="zone-boundary-path" />
          </svg>
          <figcaption>
            <Typography.Text type="secondary">{t('zones_boundaryFacts', { type: zone.boundary.type, polygons })}</Typography.Text>
          </figcaption>
        </figure>
      ) : (
        <Typography.Paragraph type="secondary">{t('zones_noBoundary')}</Typography.Paragraph>
      )}
      <Space wrap>
        <Upload accept=".geojson,.json,application/geo+json,application/json" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button icon={<UploadOutlined />} data-testid="zone-boundary-upload">
            {t('zones_boundaryUpload')}
          </Button>
        </Upload>
        {zone.boundary && (
          <Popconfirm
            title={t('zones_boundaryRemoveConfirm')}
            okText={t('zones_boundaryRemove')}
            cancelText={t('zones_cancel')}
            onConfirm={() => void save(null)}
          >
            <Button danger>{t('zones_boundaryRemove')}</Button>
          </Popconfirm>
        )}
      </Space>
      <Typography.Paragraph type="secondary" className="zone-hint">
        {t('zones_boundaryHelp')}
      </Typography.Paragraph>
      {fileProblem && <Alert type="error" showIcon role="alert" title={fileProblem} />}
      <WriteProblem error={problem} onReload={() => void onChanged()} />
    </Card>
  );
}
