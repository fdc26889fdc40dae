import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { Page, TicketView } from '../../api/views';
import { useSession } from '../../auth/use-session';
import { ChannelLabel } from '../../components/ChannelIcon';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { PageTitle } from '../../components/PageTitle';
import { EscalationBadge, PriorityBadge, SlaBadge, StatusBadge } from '../../components/TicketBadges';
import { withDigits } from '../../format/digits';
import { DualDate } from '../../format/DualDate';
import { useFormat, usePreferences } from '../../format/preferences';
import { localStorageOrUndefined } from '../../format/preferences-storage';
import { useNow } from '../../hooks/use-now';
import { useStaff } from '../../hooks/use-staff';
import { useRealtimeEvent, useRealtimeStatus } from '../../realtime/RealtimeProvider';
import { BulkBar } from './BulkBar';
import { QueueFilterBar } from './QueueFilterBar';
import {
  activeFilterCount,
  insertsAtTop,
  matchesQuery,
  patchPages,
  prependTicket,
  QUEUE_VIEWS,
  queueQuery,
  type QueueSettings,
  type QueueView,
  readSettings,
  writeSettings,
} from './queue-view';

const PAGE_SIZE = 25;

/**
 * The shared queue: views (mine, unassigned, my team, all, overdue, with the committee), filters
 * remembered per user, sort, keyset "load more", live updates over socket.io and, for supervisors
 * and admins, bulk assignment and priority.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : '';
  const staff = useStaff();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const live = useRealtimeStatus();
  const [settings, setSettings] = useState<QueueSettings>(() => readSettings(localStorageOrUndefined(), userId));
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());
  const [highlight, setHighlight] = useState<Set<string>>(() => new Set());
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => writeSettings(localStorageOrUndefined(), userId, settings), [settings, userId]);

  const query = useMemo(() => queueQuery(settings.view, settings.filters, staff.myTeamIds), [settings, staff.myTeamIds]);
  const key = useMemo(() => ['tickets', 'queue', query] as const, [query]);
  const noTeam = settings.view === 'team' && !staff.loading && staff.myTeamIds.length === 0;

  const tickets = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/tickets', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !noTeam && !(settings.view === 'team' && staff.loading),
  });

  // A new view starts without pending "new" rows and without a selection.
  useEffect(() => {
    setFresh(new Set());
    setSelected(new Set());
  }, [key]);

  const applyLive = useCallback(
    (ticket: TicketView) => {
      const belongs = matchesQuery(ticket, query, userId, Date.now());
      let present = false;
      let inserted = false;
      queryClient.setQueryData<InfiniteData<Page<TicketView>>>(key, (data) => {
        if (!data) return data;
        const patched = patchPages(data.pages, ticket, belongs !== false);
        present = patched.present;
        if (present) return { ...data, pages: patched.pages };
        // Sorted by recency and surely in the view: it goes straight to the top.
        if (belongs === true && insertsAtTop(query.sort)) {
          inserted = true;
          return { ...data, pages: prependTicket(data.pages, ticket) };
        }
        return data;
      });
      if (inserted) setHighlight((current) => new Set(current).add(ticket.id));
      else if (!present && belongs !== false) setFresh((current) => new Set(current).add(ticket.id));
    },
    [query, userId, queryClient, key],
  );
  useRealtimeEvent('ticket.created', ({ ticket }) => applyLive(ticket));
  useRealtimeEvent('ticket.updated', ({ ticket }) => applyLive(ticket));
  useRealtimeEvent('ticket.assigned', ({ ticket }) => applyLive(ticket));
  useRealtimeEvent('resync', () => void queryClient.invalidateQueries({ queryKey: ['tickets', 'queue'] }));

  const showFresh = () => {
    setHighlight(fresh);
    setFresh(new Set());
    void queryClient.resetQueries({ queryKey: key });
  };

  const rows = tickets.data?.pages.flatMap((p) => p.items) ?? [];
  const setView = (view: QueueView) => setSettings((s) => ({ ...s, view }));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const filtered = activeFilterCount(settings.filters) > 0;

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <Group gap="xs">
            <Text size="xs" c={live === 'live' ? 'teal' : 'dimmed'} role="status" aria-live="polite" data-testid="live-status" data-live={live}>
              {live === 'offline' ? t('queue.reconnecting') : live === 'live' ? `● ${t('queue.live')}` : ''}
            </Text>
          </Group>
        }
      >
        {t('queue.title')}
      </PageTitle>

      <SegmentedControl
        aria-label={t('queue.viewsLabel')}
        value={settings.view}
        onChange={(v) => setView(v as QueueView)}
        data={QUEUE_VIEWS.map((v) => ({ value: v, label: t(`queue.views.${v}`) }))}
        fullWidth
        className="queue-views"
      />

      <QueueFilterBar settings={settings} onChange={setSettings} staff={staff} />

      {notice ? (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      ) : null}

      {fresh.size > 0 ? (
        <Paper withBorder p="xs" radius="md" bg="yellow.0">
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="queue-new-count">
              {t('queue.newTickets', { count: fresh.size, n: format.number(fresh.size) })}
            </Text>
            <Button size="compact-sm" onClick={showFresh}>
              {t('queue.showNew')}
            </Button>
          </Group>
        </Paper>
      ) : null}

      {staff.isLead && selected.size > 0 ? (
        <BulkBar
          ids={[...selected]}
          staff={staff}
          onDone={(n) => {
            setNotice(t('queue.bulk.done', { count: n, n: format.number(n) }));
            setSelected(new Set());
            void queryClient.invalidateQueries({ queryKey: ['tickets', 'queue'] });
          }}
          onClear={() => setSelected(new Set())}
        />
      ) : null}

      {noTeam ? (
        <Alert color="gray" variant="light">
          {t('queue.noTeam')}
        </Alert>
      ) : tickets.isPending ? (
        <Loading />
      ) : tickets.isError && rows.length === 0 ? (
        <ErrorAlert error={tickets.error} onRetry={() => void tickets.refetch()} />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center" c="dimmed" data-testid="queue-empty">
            {filtered ? t('queue.emptyFiltered') : t('queue.empty')}
          </Text>
        </Paper>
      ) : (
        <>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover className="data-table queue-table" aria-label={t('queue.title')} data-testid="queue-table">
              <Table.Thead>
                <Table.Tr>
                  {staff.isLead ? (
                    <Table.Th scope="col" w={40}>
                      <Checkbox
                        aria-label={t('queue.selectAll')}
                        checked={allSelected}
                        indeterminate={!allSelected && rows.some((r) => selected.has(r.id))}
                        onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                      />
                    </Table.Th>
                  ) : null}
                  <Table.Th scope="col">{t('queue.columns.number')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.subject')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.channel')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.priority')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.assignee')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.sla')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.activity')}</Table.Th>
                  <Table.Th scope="col">{t('queue.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((ticket) => (
                  <QueueRow
                    key={ticket.id}
                    ticket={ticket}
                    now={now}
                    userId={userId}
                    lead={staff.isLead}
                    committee={session.status === 'signed-in' && session.user.role === 'committee'}
                    selected={selected.has(ticket.id)}
                    onSelect={(on) => toggle(ticket.id, on)}
                    isNew={highlight.has(ticket.id)}
                    onChanged={(updated, message) => {
                      applyLive(updated);
                      setNotice(message);
                    }}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMoreFooter
            list={tickets}
            shown={t('queue.shown', { n: format.number(rows.length) })}
            end={t('queue.end')}
            loadMore={t('queue.loadMore')}
          />
        </>
      )}
    </Stack>
  );
}

interface RowProps {
  ticket: TicketView;
  now: number;
  userId: string;
  lead: boolean;
  committee: boolean;
  selected: boolean;
  isNew: boolean;
  onSelect: (on: boolean) => void;
  onChanged: (ticket: TicketView, message: string) => void;
}

function QueueRow({ ticket, now, userId, lead, committee, selected, isNew, onSelect, onChanged }: RowProps) {
  const { t } = useTranslation();
  const { digits } = usePreferences();
  const number = withDigits(ticket.number, digits);
  const assign = useMutation({
    mutationFn: (assigneeId: string | null) =>
      unwrap(api.POST('/api/v1/tickets/{id}/assign', { params: { path: { id: ticket.id } }, body: { assigneeId } })),
    onSuccess: (updated, assigneeId) => onChanged(updated, t(assigneeId ? 'queue.claimed' : 'queue.released', { number })),
  });
  const mine = ticket.assignee?.id === userId;
  // Closed tickets stay closed; the committee does not take tickets.
  const closed = ticket.status === 'closed' || committee;
  return (
    <Table.Tr className={isNew ? 'queue-row--new' : undefined} data-ticket-id={ticket.id} data-testid="queue-row">
      {lead ? (
        <Table.Td>
          <Checkbox aria-label={t('queue.selectRow', { number })} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
        </Table.Td>
      ) : null}
      <Table.Td>
        <Link to={`/tickets/${ticket.id}`} className="ticket-link">
          <bdi dir="ltr">{number}</bdi>
        </Link>
      </Table.Td>
      <Table.Td className="queue-subject wrap-anywhere">
        <Text size="sm" fw={600} lineClamp={2}>
          <bdi>{ticket.subject}</bdi>
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          <bdi>{ticket.contact?.name ?? '—'}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        <ChannelLabel channel={ticket.channel} />
      </Table.Td>
      <Table.Td className="nowrap">
        <StatusBadge status={ticket.status} />
      </Table.Td>
      <Table.Td className="nowrap">
        <Group gap={4} wrap="nowrap">
          <PriorityBadge priority={ticket.priority} />
          <EscalationBadge level={ticket.escalationLevel} />
        </Group>
      </Table.Td>
      <Table.Td maw={200} miw={110} style={{ overflowWrap: 'break-word' }}>
        {ticket.assignee ? (
          <Text size="sm">
            <bdi>{ticket.assignee.name}</bdi>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('queue.unassigned')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <SlaBadge ticket={ticket} now={now} />
      </Table.Td>
      <Table.Td miw={150}>
        <Text size="xs">
          <DualDate value={ticket.lastActivityAt} style="short" withTime />
        </Text>
      </Table.Td>
      <Table.Td>
        {!closed && !ticket.assignee ? (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => assign.mutate(userId)}
            loading={assign.isPending}
            aria-label={t('queue.claimTicket', { number })}
          >
            {t('queue.claim')}
          </Button>
        ) : !closed && mine && !lead ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => assign.mutate(null)}
            loading={assign.isPending}
            aria-label={t('queue.releaseTicket', { number })}
          >
            {t('queue.release')}
          </Button>
        ) : null}
        {assign.isError ? <ErrorAlert error={assign.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
