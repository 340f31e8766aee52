/** The saved views with their counts: a side menu on a wide screen, a drop-down on a phone. */
import { Badge, Menu, Select } from 'antd';
import { VIEWS, type View } from '../api/types';
import { useI18n } from '../i18n';

export function ViewMenu({
  view,
  counts,
  onChange,
  compact,
}: {
  view: View;
  counts: Partial<Record<View, number>>;
  onChange: (view: View) => void;
  compact: boolean;
}) {
  const { t } = useI18n();
  if (compact) {
    return (
      <Select
        className="view-select"
        aria-label={t('views')}
        value={view}
        onChange={onChange}
        options={VIEWS.map((v) => ({ value: v, label: counts[v] === undefined ? t(`view_${v}`) : `${t(`view_${v}`)} (${counts[v]})` }))}
      />
    );
  }
  return (
    <nav aria-label={t('views')}>
      <Menu
        mode="inline"
        selectedKeys={[view]}
        onClick={({ key }) => onChange(key as View)}
        items={VIEWS.map((v) => ({
          key: v,
          label: (
            <span className="view-item" data-view={v}>
              <span>{t(`view_${v}`)}</span>
              {counts[v] !== undefined && (
                <Badge count={counts[v]} showZero overflowCount={9999} color={v === 'overdue' && counts[v] ? '#cf1322' : '#595959'} />
              )}
            </span>
          ),
        }))}
      />
    </nav>
  );
}
