import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusBadge } from '../../components/TicketBadges';
import { DualDate } from '../../format/DualDate';

const PAGE_SIZE = 30;

/** Help-request tickets, newest first; each opens its application in the wizard. */
export function HelpRequestList() {
  const { t } = useTranslation();
  const session = useSession();
  const canTakeIntake = session.status === 'signed-in' && session.user.role !== 'committee';
  const list = useInfiniteQuery({
    queryKey: ['help-requests', 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/tickets', { params: { query: { type: ['help_request'], sort: 'newest', limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          canTakeIntake ? (
            <Button component={Link} to="/help-requests/new" data-testid="new-help-request">
              {t('helpRequests.new')}
            </Button>
          ) : null
        }
      >
        {t('helpRequests.title')}
      </PageTitle>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" data-testid="help-requests-empty">
          {t('helpRequests.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('helpRequests.number')}</Table.Th>
                <Table.Th>{t('helpRequests.applicantColumn')}</Table.Th>
                <Table.Th>{t('helpRequests.ticketStatus')}</Table.Th>
                <Table.Th>{t('helpRequests.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((ticket) => (
                <Table.Tr key={ticket.id} data-testid="help-request-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/help-requests/ticket/${ticket.id}`}>
                      <bdi>{ticket.number}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{ticket.contact?.name ?? '—'}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>
                    <DualDate value={ticket.createdAt} style="short" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage ? (
        <Group justify="center">
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('helpRequests.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
