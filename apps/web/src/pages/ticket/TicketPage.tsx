import { Anchor, Group, Stack, Text } from '@mantine/core';
import { replaceEqualDeep, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import type { MessageView, TicketDetailView, TicketView } from '../../api/views';
import { useSession } from '../../auth/use-session';
import { ChannelLabel } from '../../components/ChannelIcon';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { EscalationBadge, PriorityBadge, SlaBadge, StatusBadge } from '../../components/TicketBadges';
import { withDigits } from '../../format/digits';
import { DualDate } from '../../format/DualDate';
import { useFormat, usePreferences } from '../../format/preferences';
import { useNow } from '../../hooks/use-now';
import { useStaff } from '../../hooks/use-staff';
import { hasCollision, initialPresence, presenceReducer } from '../../realtime/presence';
import { useRealtime, useRealtimeEvent } from '../../realtime/RealtimeProvider';
import { keepNewerDeliveries, mergeTimeline, upsertMessage } from '../../tickets/timeline';
import { ContactPanel } from './ContactPanel';
import { ReplyBox } from './ReplyBox';
import { TicketActions } from './TicketActions';
import { SidePanel, Timeline } from './Timeline';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One ticket: the timeline across channels, the reply box, actions, details, contact and presence. */
export function TicketPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = (params['*'] ?? '').split('/')[0] ?? '';
  if (!UUID.test(id)) {
    return (
      <Stack>
        <PageTitle>{t('errors.notFound')}</PageTitle>
        <BackLink />
      </Stack>
    );
  }
  return <TicketScreen key={id} id={id} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/queue" size="sm">
      {t('ticket.back')}
    </Anchor>
  );
}

function TicketScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { digits } = usePreferences();
  const session = useSession();
  const self = session.status === 'signed-in' ? session.user : null;
  const selfId = self?.id ?? '';
  const staff = useStaff();
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const now = useNow(15_000);
  const [notice, setNotice] = useState<string | null>(null);
  const detailKey = ['ticket', id];
  const historyKey = ['ticket', id, 'history'];

  const detail = useQuery({
    queryKey: detailKey,
    queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })),
    // A refetch may have left the server before a live delivery event that has already arrived.
    structuralSharing: (known, fetched) => {
      const next = fetched as TicketDetailView;
      return replaceEqualDeep(known, { ...next, messages: keepNewerDeliveries((known as TicketDetailView | undefined)?.messages, next.messages) });
    },
  });
  const history = useQuery({ queryKey: historyKey, queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}/history', { params: { path: { id } } })) });

  // Presence: watch while open; the reducer keeps who else views / types and whether a collision warning is due.
  const [presence, dispatch] = useReducer(presenceReducer, initialPresence(id, selfId));
  useEffect(() => realtime?.watch(id), [realtime, id]);
  useRealtimeEvent('presence', (payload) => dispatch({ type: 'presence', payload }));

  const setMessages = (change: (messages: MessageView[]) => MessageView[]) =>
    queryClient.setQueryData<TicketDetailView>(detailKey, (d) => (d ? { ...d, messages: change(d.messages) } : d));
  const onMessage = ({ ticketId, message }: { ticketId: string; message: MessageView }) => {
    if (ticketId !== id) return;
    setMessages((list) => upsertMessage(list, message));
    dispatch({ type: 'message', ticketId, message });
  };
  useRealtimeEvent('message.created', onMessage);
  useRealtimeEvent('message.updated', ({ ticketId, message }) => ticketId === id && setMessages((list) => upsertMessage(list, message)));
  const onTicket = ({ ticket }: { ticket: TicketView }) => {
    if (ticket.id !== id) return;
    const before = queryClient.getQueryData<TicketDetailView>(detailKey);
    queryClient.setQueryData<TicketDetailView>(detailKey, (d) => (d ? { ...d, ...ticket } : d));
    // The allowed next statuses depend on the status; the history has a new entry.
    if (before && before.status !== ticket.status) void queryClient.invalidateQueries({ queryKey: detailKey, exact: true });
    void queryClient.invalidateQueries({ queryKey: historyKey });
  };
  useRealtimeEvent('ticket.updated', onTicket);
  useRealtimeEvent('ticket.assigned', onTicket);
  useRealtimeEvent('resync', () => void queryClient.invalidateQueries({ queryKey: ['ticket', id] }));

  const items = useMemo(() => mergeTimeline(detail.data?.messages ?? [], history.data?.items ?? []), [detail.data?.messages, history.data?.items]);

  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return (
      <Stack>
        <BackLink />
        {detail.error instanceof ApiError && detail.error.status === 404 ? (
          <PageTitle>{t('ticket.notFound')}</PageTitle>
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Stack>
    );
  }
  const ticket = detail.data;
  const canWork = self?.role !== 'committee';
  const number = withDigits(ticket.number, digits);
  const collision = hasCollision(presence) ? { typed: presence.typedSince.map((u) => u.name), replied: presence.repliedSince.length > 0 } : null;

  return (
    <Stack gap="md">
      <BackLink />
      {/* The number is isolated left-to-right (U+2066 … U+2069) so "1448-000123" is not reordered in Arabic. */}
      <PageTitle>{`${t('ticket.title', { number: `\u2066${number}\u2069` })} — ${ticket.subject}`}</PageTitle>
      <Group gap="xs" wrap="wrap" mt={-8}>
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        <EscalationBadge level={ticket.escalationLevel} />
        <ChannelLabel channel={ticket.channel} />
        <SlaBadge ticket={ticket} now={now} target="first_response" />
        <SlaBadge ticket={ticket} now={now} target="resolution" />
      </Group>
      <PresenceLine viewers={presence.viewers.map((v) => v.name)} typing={presence.typing.map((v) => v.name)} />
      {notice ? (
        <Text size="sm" c="teal" role="status">
          {notice}
        </Text>
      ) : null}

      <div className="ticket-layout">
        <Stack gap="md" miw={0}>
          <Timeline items={items} contactName={ticket.contactDetail.name} ticketChannel={ticket.channel} selfId={selfId} staff={staff} />
          {history.isError ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
          {/* The research committee reads tickets here; it decides help requests on its own screens. */}
          {canWork ? (
            <ReplyBox
              ticket={ticket}
              selfId={selfId}
              selfName={self?.name ?? ''}
              staff={staff}
              now={now}
              collision={collision}
              onAcknowledgeCollision={() => dispatch({ type: 'acknowledge' })}
              onTyping={() => realtime?.typing(id)}
              onSent={(message) => {
                setMessages((list) => upsertMessage(list, message));
                void queryClient.invalidateQueries({ queryKey: historyKey });
              }}
            />
          ) : null}
        </Stack>
        <Stack gap="md" miw={0}>
          {canWork ? (
            <TicketActions
              ticket={ticket}
              selfId={selfId}
              staff={staff}
              onChanged={(updated, message) => {
                queryClient.setQueryData<TicketDetailView>(detailKey, (d) => (d ? { ...d, ...updated } : d));
                void queryClient.invalidateQueries({ queryKey: ['ticket', id] });
                setNotice(message);
              }}
            />
          ) : null}
          <SidePanel title={t('ticket.details.title')}>
            <dl className="details-list">
              <dt>{t('ticket.details.opened')}</dt>
              <dd>
                <DualDate value={ticket.createdAt} style="short" withTime />
              </dd>
              <dt>{t('ticket.details.type')}</dt>
              <dd>{t(`ticketType.${ticket.type}` as 'ticketType.inquiry', { defaultValue: ticket.type })}</dd>
              <dt>{t('ticket.details.assignee')}</dt>
              <dd data-testid="ticket-assignee">{ticket.assignee ? <bdi>{ticket.assignee.name}</bdi> : t('queue.unassigned')}</dd>
              <dt>{t('ticket.details.team')}</dt>
              <dd>{ticket.team ? <bdi>{ticket.team.name}</bdi> : t('ticket.details.none')}</dd>
              <dt>{t('ticket.details.category')}</dt>
              <dd>{ticket.category ? <bdi>{ticket.category.name}</bdi> : t('ticket.details.none')}</dd>
              <dt>{t('ticket.details.escalation')}</dt>
              <dd>{format.number(ticket.escalationLevel)}</dd>
              <dt>{t('ticket.details.firstResponseDue')}</dt>
              <dd>
                <DualDate value={ticket.firstResponseDueAt} style="short" withTime />
              </dd>
              <dt>{t('ticket.details.resolutionDue')}</dt>
              <dd>
                <DualDate value={ticket.resolutionDueAt} style="short" withTime />
              </dd>
              <dt>{t('ticket.details.tags')}</dt>
              <dd>{ticket.tags.length ? ticket.tags.join('، ') : t('ticket.details.none')}</dd>
            </dl>
          </SidePanel>
          <ContactPanel contact={ticket.contactDetail} ticketId={ticket.id} />
        </Stack>
      </div>
    </Stack>
  );
}

function PresenceLine({ viewers, typing }: { viewers: string[]; typing: string[] }) {
  const { t } = useTranslation();
  if (viewers.length === 0 && typing.length === 0) return <div aria-live="polite" data-testid="presence" />;
  return (
    <Group gap="md" aria-live="polite" data-testid="presence">
      {viewers.length ? (
        <Text size="sm" c="blue.8">
          👁 {t('ticket.presence.viewing', { names: viewers.join('، ') })}
        </Text>
      ) : null}
      {typing.length ? (
        <Text size="sm" c="orange.8" fs="italic">
          ✎ {t('ticket.presence.typing', { names: typing.join('، ') })}
        </Text>
      ) : null}
    </Group>
  );
}
