import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttachmentView, MessageView } from '../../api/views';
import { ChannelLabel } from '../../components/ChannelIcon';
import { DeliveryBadge } from '../../components/TicketBadges';
import { DualDate } from '../../format/DualDate';
import { useFormat } from '../../format/preferences';
import type { StaffDirectory } from '../../hooks/use-staff';
import { splitMentions } from '../../tickets/mentions';
import type { TicketEvent, TimelineItem } from '../../tickets/timeline';

interface TimelineProps {
  items: TimelineItem[];
  contactName: string;
  ticketChannel: string;
  selfId: string;
  staff: StaffDirectory;
}

/** Messages across channels and system events, oldest first, in one list. */
export function Timeline({ items, contactName, ticketChannel, selfId, staff }: TimelineProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        {t('ticket.timeline')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('ticket.timelineEmpty')}</Text>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {items.map((item) =>
            item.kind === 'message' ? (
              <MessageItem
                key={item.id}
                message={item.message}
                contactName={contactName}
                ticketChannel={ticketChannel}
                selfId={selfId}
                staff={staff}
              />
            ) : (
              <li key={item.id} className="timeline-event" data-testid="timeline-event" data-action={item.event.action}>
                <EventText event={item.event} staff={staff} /> · <DualDate value={item.at} style="short" withTime />
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}

function MessageItem({
  message,
  contactName,
  ticketChannel,
  selfId,
  staff,
}: {
  message: MessageView;
  contactName: string;
  ticketChannel: string;
  selfId: string;
  staff: StaffDirectory;
}) {
  const { t } = useTranslation();
  const direction = message.direction === 'inbound' || message.direction === 'outbound' || message.direction === 'note' ? message.direction : 'note';
  const author =
    message.author?.type === 'contact'
      ? contactName
      : message.author?.type === 'staff'
        ? message.author.id === selfId
          ? t('ticket.you')
          : (staff.nameOf(message.author.id) ?? t('ticket.staff'))
        : direction === 'inbound'
          ? contactName
          : t('ticket.system');
  return (
    <li
      className={`timeline-message timeline-message--${direction}`}
      data-testid="timeline-message"
      data-direction={direction}
      data-message-id={message.id}
    >
      <Group gap="xs" justify="space-between" wrap="wrap" mb={4}>
        <Group gap={6} wrap="wrap" miw={0}>
          <Text size="xs" fw={700} c={direction === 'note' ? 'yellow.9' : undefined}>
            {t(`ticket.direction.${direction}`)}
          </Text>
          <Text size="xs" fw={600} className="wrap-anywhere">
            <bdi>{author}</bdi>
          </Text>
          {message.channel !== ticketChannel || direction !== 'note' ? <ChannelLabel channel={message.channel} compact /> : null}
        </Group>
        <Group gap={6} wrap="nowrap">
          {direction === 'outbound' ? <DeliveryBadge status={message.deliveryStatus} /> : null}
          <Text size="xs" c="dimmed">
            <DualDate value={message.createdAt} style="short" withTime />
          </Text>
        </Group>
      </Group>
      <div className="timeline-body" dir="auto">
        {direction === 'note'
          ? splitMentions(message.body, staff.people).map((segment, i) =>
              segment.userId ? (
                <mark key={i} className="mention" data-user-id={segment.userId}>
                  {segment.text}
                </mark>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )
          : message.body}
      </div>
      {message.deliveryError ? (
        <Text size="xs" c="red" mt={4}>
          {t('ticket.deliveryError')} <bdi dir="ltr">{message.deliveryError}</bdi>
        </Text>
      ) : null}
      {message.attachments.length > 0 ? <Attachments items={message.attachments} /> : null}
    </li>
  );
}

export function Attachments({ items }: { items: AttachmentView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('ticket.mb', { n: format.number(Math.round((bytes / 1024 / 1024) * 10) / 10) })
      : t('ticket.kb', { n: format.number(Math.max(1, Math.round(bytes / 1024))) });
  return (
    <Stack gap={2} mt="xs" component="ul" className="attachment-list" aria-label={t('ticket.attachments')}>
      {items.map((a) => (
        <li key={a.id}>
          <Anchor href={a.url} download={a.filename} size="sm" className="wrap-anywhere">
            📎 <bdi>{a.filename}</bdi>
            <span className="visually-hidden">{t('ticket.download', { name: a.filename, size: size(a.size) })}</span>
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({size(a.size)})
          </Text>
        </li>
      ))}
    </Stack>
  );
}

export function EventText({ event, staff }: { event: TicketEvent; staff: StaffDirectory }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = (id: string | null | undefined) => staff.nameOf(id) ?? t('ticket.staff');
  const statusName = (s: string | undefined) => (s ? t(`status.${s}` as 'status.new', { defaultValue: s }) : '—');
  const targetName = (target: string | undefined) => t(target === 'first_response' ? 'sla.firstResponse' : 'sla.resolution');
  const d = event.data;
  let text: string;
  switch (event.kind) {
    case 'created':
      text = t('ticket.events.created');
      break;
    case 'routed':
      text = d.ruleName ? t('ticket.events.routedRule', { rule: d.ruleName }) : t('ticket.events.routed');
      break;
    case 'assigned':
      text = t('ticket.events.assigned', { name: name(d.assigneeId) });
      break;
    case 'unassigned':
      text = t('ticket.events.unassigned');
      break;
    case 'status':
      text = t('ticket.events.status', { from: statusName(d.from), to: statusName(d.to) });
      break;
    case 'escalated':
      text = t(d.automatic ? 'ticket.events.escalatedAuto' : 'ticket.events.escalated', { level: format.number(d.level ?? 0) });
      break;
    case 'referred':
      text = t('ticket.events.referred', { name: name(d.assigneeId) });
      break;
    case 'updated':
      text = t('ticket.events.updated', {
        fields: (d.fields ?? []).map((f) => t(`ticket.fields.${f}` as 'ticket.fields.tags', { defaultValue: f })).join('، '),
      });
      break;
    case 'sla_warning':
      text = t('ticket.events.sla_warning', { target: targetName(d.target) });
      break;
    case 'sla_breached':
      text = t('ticket.events.sla_breached', { target: targetName(d.target) });
      break;
    case 'sla_set':
    case 'sla_paused':
    case 'sla_resumed':
      text = t(`ticket.events.${event.kind}`);
      break;
    default:
      text = t('ticket.events.other', { action: event.action });
  }
  const by = event.actorId ? ` ${t('ticket.by', { name: name(event.actorId) })}` : '';
  const reason = d.reason ? ` — ${t('ticket.reason', { reason: d.reason })}` : '';
  return (
    <span>
      <bdi>{`${text}${by}${reason}`}</bdi>
    </span>
  );
}

export function SidePanel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
