import { Badge, type MantineColor, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/preferences';
import { countdownParts, currentSlaBadge, slaBadge, type SlaInput, type SlaState, type SlaTarget } from '../tickets/sla';

const STATUS_COLOR: Record<string, MantineColor> = {
  new: 'blue',
  open: 'teal',
  pending: 'yellow',
  with_committee: 'grape',
  resolved: 'green',
  closed: 'gray',
};

const PRIORITY_COLOR: Record<string, MantineColor> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

const SLA_COLOR: Record<SlaState, MantineColor> = {
  none: 'gray',
  met: 'green',
  missed: 'orange',
  on_time: 'green',
  warning: 'yellow',
  breached: 'red',
  paused: 'gray',
};

const DELIVERY_COLOR: Record<string, MantineColor> = {
  queued: 'gray',
  sending: 'blue',
  sent: 'teal',
  delivered: 'green',
  read: 'green',
  failed: 'red',
  undelivered: 'red',
  received: 'gray',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" tt="none" className="no-shrink" data-status={status}>
      {t(`status.${status}` as 'status.new', { defaultValue: status })}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLOR[priority] ?? 'gray'} variant={priority === 'urgent' ? 'filled' : 'light'} tt="none" className="no-shrink">
      {t(`priority.${priority}` as 'priority.low', { defaultValue: priority })}
    </Badge>
  );
}

export function DeliveryBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={DELIVERY_COLOR[status] ?? 'gray'} variant="dot" tt="none" size="sm" data-testid="delivery-status" data-delivery={status}>
      {t(`delivery.${status}` as 'delivery.sent', { defaultValue: status })}
    </Badge>
  );
}

export function EscalationBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (level <= 0) return null;
  return (
    <Badge color="red" variant="outline" tt="none" size="sm" className="no-shrink">
      {t('queue.escalation', { level: format.number(level) })}
    </Badge>
  );
}

/** "2 س 5 د" / "2h 5m": the largest two units of a countdown. */
export function useCountdown(): (ms: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (ms: number) => {
    const { days, hours, minutes } = countdownParts(ms);
    const parts = [
      days ? t('sla.days', { n: format.number(days) }) : null,
      hours ? t('sla.hours', { n: format.number(hours) }) : null,
      !days && (minutes || !hours) ? t('sla.minutes', { n: format.number(minutes) }) : null,
    ].filter(Boolean);
    return parts.join(' ');
  };
}

/** The SLA badge: state in words, countdown, due date in the tooltip. */
export function SlaBadge({ ticket, now, target }: { ticket: SlaInput; now: number; target?: SlaTarget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countdown = useCountdown();
  const badge = target ? slaBadge(ticket, target, now) : currentSlaBadge(ticket, now);
  if (badge.state === 'none') {
    return (
      <Badge color="gray" variant="transparent" tt="none" size="sm">
        {t('sla.none')}
      </Badge>
    );
  }
  const targetName = t(badge.target === 'first_response' ? 'sla.firstResponse' : 'sla.resolution');
  const stateName = t(`sla.${badge.state}`);
  const running = badge.state === 'on_time' || badge.state === 'warning' || badge.state === 'breached';
  const time =
    running && badge.remainingMs !== null
      ? badge.remainingMs >= 0
        ? t('sla.left', { time: countdown(badge.remainingMs) })
        : t('sla.late', { time: countdown(badge.remainingMs) })
      : null;
  const label = `${t('sla.badge', { target: targetName, state: stateName })}${time ? ` · ${time}` : ''}`;
  return (
    <Tooltip label={badge.dueAt ? t('sla.due', { date: format.dualDate(badge.dueAt, { style: 'short', withTime: true }) }) : label} withArrow>
      <Badge
        color={SLA_COLOR[badge.state]}
        variant={badge.state === 'breached' ? 'filled' : 'light'}
        tt="none"
        size="sm"
        className="sla-badge"
        data-sla={badge.state}
        tabIndex={0}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
