import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { STAFF_ROLES, type StaffRole, type UserView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { DualDate } from '../../format/DualDate';
import { useFormat, usePreferences } from '../../format/preferences';
import { teamName } from './teams';
import { useTeams } from './use-teams';
import { CreateUserDialog, EditUserDialog } from './UserDialogs';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff accounts (admin). Filters and the open dialog live in the URL (`?role=&status=&dialog=new|edit&id=`),
 * so reloading, going back, or returning after a forced sign-in shows the same thing.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  // The dialog closes by leaving the URL, which unmounts it at once: give focus back to what opened it ourselves.
  const opener = useRef<HTMLElement | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const role = STAFF_ROLES.find((r) => r === params.get('role'));
  const status = params.get('status') === 'active' || params.get('status') === 'inactive' ? params.get('status') : null;
  const dialog = params.get('dialog');
  const editId = params.get('id');

  const users = useInfiniteQuery({
    queryKey: ['users', 'list', { role, status }],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: { query: { role, active: status === null ? undefined : status === 'active', limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const setParam = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };
  const openDialog = (changes: Record<string, string | null>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setParam(changes);
  };
  const closeDialog = () => {
    setParam({ dialog: null, id: null });
    const target = opener.current?.isConnected ? opener.current : createButton.current;
    opener.current = null;
    requestAnimationFrame(() => target?.focus());
  };
  const done = (key: 'users.created' | 'users.updated') => (user: UserView) => {
    setNotice(t(key, { name: user.name }));
    closeDialog();
  };

  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <Button
            ref={createButton}
            onClick={() => {
              setNotice(null);
              openDialog({ dialog: 'new', id: null });
            }}
          >
            {t('users.create')}
          </Button>
        }
      >
        {t('users.title')}
      </PageTitle>

      <div aria-live="polite">
        {notice ? (
          <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('users.cancel')}>
            {notice}
          </Alert>
        ) : null}
      </div>

      <Group gap="md" align="end" wrap="wrap">
        <NativeSelect
          label={t('users.filterRole')}
          value={role ?? ''}
          onChange={(e) => setParam({ role: e.currentTarget.value })}
          data={[{ value: '', label: t('users.allRoles') }, ...STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          miw={200}
        />
        <NativeSelect
          label={t('users.filterStatus')}
          value={status ?? ''}
          onChange={(e) => setParam({ status: e.currentTarget.value })}
          data={[
            { value: '', label: t('users.allStatuses') },
            { value: 'active', label: t('users.active') },
            { value: 'inactive', label: t('users.inactive') },
          ]}
          miw={200}
        />
      </Group>

      {users.isPending ? (
        <Loading />
      ) : users.isError && rows.length === 0 ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <>
          <UsersTable users={rows} onEdit={(id) => openDialog({ dialog: 'edit', id })} />
          {users.hasNextPage ? (
            <Group justify="center">
              <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            </Group>
          ) : null}
          {users.isFetchNextPageError ? <ErrorAlert error={users.error} onRetry={() => void users.fetchNextPage()} /> : null}
        </>
      )}

      {dialog === 'new' ? <CreateUserDialog onClose={closeDialog} onDone={done('users.created')} /> : null}
      {dialog === 'edit' && editId && UUID.test(editId) ? (
        <EditUserDialog key={editId} id={editId} onClose={closeDialog} onDone={done('users.updated')} />
      ) : null}
    </Stack>
  );
}

function UsersTable({ users, onEdit }: { users: UserView[]; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  const { teams } = useTeams();
  const teamsById = new Map((teams ?? []).map((team) => [team.id, team]));
  const teamsOf = (user: UserView) => {
    const named = user.teamIds.map((id) => teamsById.get(id)).filter((team) => team !== undefined);
    if (named.length === user.teamIds.length && named.length > 0)
      return named.map((team) => teamName(team, language)).join(language === 'ar' ? '، ' : ', ');
    return t('users.teamCount', { count: user.teamIds.length, n: format.number(user.teamIds.length) });
  };
  const roleLabel = (role: StaffRole) => t(`roles.${role}`);

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover className="data-table" aria-label={t('users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.name')}</Table.Th>
            <Table.Th scope="col">{t('users.email')}</Table.Th>
            <Table.Th scope="col">{t('users.role')}</Table.Th>
            <Table.Th scope="col">{t('users.teams')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">{t('users.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('users.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-user-email={user.email}>
              <Table.Th scope="row" fw={600} className="wrap-anywhere" maw={260}>
                <bdi>{user.name}</bdi>
              </Table.Th>
              <Table.Td className="wrap-anywhere" maw={260}>
                <bdi dir="ltr">{user.email}</bdi>
              </Table.Td>
              <Table.Td>{roleLabel(user.role)}</Table.Td>
              <Table.Td className="wrap-anywhere" maw={220}>
                {teamsOf(user)}
              </Table.Td>
              <Table.Td>
                <Badge color={user.active ? 'teal' : 'gray'} variant="light" tt="none" className="no-shrink">
                  {user.active ? t('users.active') : t('users.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DualDate value={user.createdAt} style="short" />
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" onClick={() => onEdit(user.id)} aria-label={t('users.editUser', { name: user.name })}>
                  {t('users.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
