/** The deadline as time left: amber within 24 hours, red when overdue, grey once the case is closed. */
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';
import { deadlineState, formatDateTime, formatDuration } from '../format';

const COLOURS = { overdue: 'error', soon: 'warning', ok: 'default', closed: 'default' } as const;

export function DeadlineBadge({ deadlineAt, closed, now = Date.now() }: { deadlineAt: string; closed: boolean; now?: number }) {
  const { t, lang } = useI18n();
  const state = deadlineState(deadlineAt, closed, now);
  const left = new Date(deadlineAt).getTime() - now;
  const text =
    state === 'closed'
      ? formatDateTime(deadlineAt, lang)
      : left < 0
        ? t('overdueBy', { time: formatDuration(t, left) })
        : t('timeLeft', { time: formatDuration(t, left) });
  return (
    <Tooltip title={`${t('deadline')}: ${formatDateTime(deadlineAt, lang)}`}>
      <Tag
        color={COLOURS[state]}
        className={`deadline deadline-${state}`}
        data-deadline={state}
        icon={state === 'overdue' ? <ExclamationCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
