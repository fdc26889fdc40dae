import { ActionIcon, Badge, Button, Group, Indicator, Menu, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { type Availability, AVAILABILITIES, type MeView, type NotificationPage, type SessionUser } from '../api/views';
import { ErrorAlert } from '../components/ErrorAlert';
import { DualDate } from '../format/DualDate';
import { useFormat } from '../format/preferences';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';

const AVAILABILITY_COLOR: Record<Availability, string> = { available: 'green', away: 'yellow', offline: 'gray' };

/**
 * "My availability": the stored value (GET /api/v1/users/me) on load, changed with
 * PATCH /api/v1/users/me/availability. Re-read after a reconnect, since a supervisor or admin
 * may have changed it meanwhile.
 */
export function AvailabilitySwitch({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['users', 'me', user.id];
  const current = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/v1/users/me')),
    staleTime: 60_000,
  });
  useRealtimeEvent('resync', () => void queryClient.invalidateQueries({ queryKey: key }));
  const change = useMutation({
    mutationFn: (availability: Availability) => unwrap(api.PATCH('/api/v1/users/me/availability', { body: { availability } })),
    onSuccess: (saved) => {
      queryClient.setQueryData<MeView>(key, (me) => (me ? { ...me, availability: saved.availability } : me));
    },
  });
  const state = current.data?.availability;
  const stateName = state ? t(`availability.${state}`) : t('app.loading');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-sm"
          loading={change.isPending || current.isPending}
          aria-label={t('availability.change', { state: stateName })}
          leftSection={
            state ? (
              <span className="availability-dot" style={{ background: `var(--mantine-color-${AVAILABILITY_COLOR[state]}-6)` }} aria-hidden="true" />
            ) : null
          }
          color={change.isError || current.isError ? 'red' : undefined}
          data-testid="availability"
          data-availability={state}
        >
          <Text span size="sm" visibleFrom="sm">
            {stateName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('availability.label')}</Menu.Label>
        {current.isError ? <ErrorAlert error={current.error} onRetry={() => void current.refetch()} /> : null}
        {AVAILABILITIES.map((a) => (
          <Menu.Item
            key={a}
            onClick={() => change.mutate(a)}
            leftSection={
              <span className="availability-dot" style={{ background: `var(--mantine-color-${AVAILABILITY_COLOR[a]}-6)` }} aria-hidden="true" />
            }
            aria-current={a === state ? 'true' : undefined}
            fw={a === state ? 700 : undefined}
          >
            {t(`availability.${a}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Text size="xs" c="dimmed" px="sm" pb={4} maw={220}>
          {change.isError ? t('availability.failed') : t('availability.hint')}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}

function BellIcon() {
  return (
    <svg
      width={20}
      height={20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8 M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** The notifications bell: unread count, the latest notifications, live `notification.created`. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const key = ['notifications'];
  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })),
    staleTime: 60_000,
  });
  useRealtimeEvent('notification.created', ({ notification }) => {
    queryClient.setQueryData<NotificationPage>(key, (data) =>
      data && !data.items.some((n) => n.id === notification.id)
        ? { ...data, items: [notification, ...data.items].slice(0, 50), unreadCount: data.unreadCount + 1 }
        : data,
    );
  });
  useRealtimeEvent('resync', () => void queryClient.invalidateQueries({ queryKey: key }));
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => unwrap(api.POST('/api/v1/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const unread = list.data?.unreadCount ?? 0;
  const label = unread > 0 ? t('notifications.labelUnread', { n: format.number(unread) }) : t('notifications.label');

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Indicator label={format.number(unread)} size={18} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
            data-testid="notifications-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('notifications.title')} p="xs">
        <Group justify="space-between" mb="xs" px={4}>
          <Text fw={700}>{t('notifications.title')}</Text>
          {unread > 0 ? (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(undefined)} loading={markRead.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </Group>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('notifications.empty')}
          </Text>
        ) : null}
        <ScrollArea.Autosize mah={420}>
          <Stack gap={4}>
            {(list.data?.items ?? []).map((n) => (
              <UnstyledButton
                key={n.id}
                className="notification-item"
                data-unread={n.readAt ? undefined : 'true'}
                onClick={() => {
                  if (!n.readAt) markRead.mutate([n.id]);
                  if (n.ticketId) {
                    setOpened(false);
                    void navigate(`/tickets/${n.ticketId}`);
                  }
                }}
              >
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {!n.readAt ? (
                    <Badge size="xs" color="red" variant="filled" className="no-shrink">
                      {t('notifications.unread')}
                    </Badge>
                  ) : null}
                  <Stack gap={2} miw={0}>
                    <Text size="sm" fw={n.readAt ? 400 : 700} className="wrap-anywhere">
                      {n.title}
                    </Text>
                    {n.body ? (
                      <Text size="xs" c="dimmed" className="wrap-anywhere" lineClamp={3}>
                        {n.body}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      <DualDate value={n.createdAt} style="short" withTime />
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
