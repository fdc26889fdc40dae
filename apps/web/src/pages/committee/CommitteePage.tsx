import { Anchor, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { DualDate } from '../../format/DualDate';
import { useFormat, usePreferences } from '../../format/preferences';
import { helpRequestKeys, helpRequests, type BoardItem } from '../help-requests/help-request-api';
import { boardColumns } from './board-columns';
import { CaseDetail } from './CaseDetail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/committee` the board; `/committee/<helpRequestId>` one case with its documents and the decision form. */
export function CommitteePage() {
  const id = (useParams()['*'] ?? '').split('/')[0] ?? '';
  return UUID.test(id) ? <CaseDetail key={id} id={id} /> : <CommitteeBoard />;
}

function CommitteeBoard() {
  const { t } = useTranslation();
  const format = useFormat();
  const board = useQuery({ queryKey: helpRequestKeys.board, queryFn: helpRequests.board, refetchInterval: 60_000 });
  return (
    <Stack gap="md">
      <PageTitle>{t('committee.title')}</PageTitle>
      {board.isPending ? (
        <Loading />
      ) : board.error ? (
        <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <SimpleGrid cols={5} spacing="sm" miw={1000}>
            {boardColumns(board.data.items).map((column) => (
              <Paper key={column.stage} withBorder p="xs" bg="var(--mantine-color-gray-0)" data-testid="board-column" data-stage={column.stage}>
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h5">
                    {t(`committee.stages.${column.stage}`)}
                  </Title>
                  <Badge variant="light">{format.number(board.data.stages[column.stage] ?? column.items.length)}</Badge>
                </Group>
                <Stack gap="xs">
                  {column.items.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('committee.emptyColumn')}
                    </Text>
                  ) : (
                    column.items.map((item) => <BoardCard key={item.helpRequestId} item={item} />)
                  )}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </ScrollArea>
      )}
    </Stack>
  );
}

function BoardCard({ item }: { item: BoardItem }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  return (
    <Paper withBorder p="xs" data-testid="board-card" data-help-request-id={item.helpRequestId} data-ticket-number={item.ticketNumber}>
      <Stack gap={4}>
        <Anchor component={Link} to={`/committee/${item.helpRequestId}`} fw={600} size="sm">
          <bdi>{item.ticketNumber}</bdi>
        </Anchor>
        <Text size="sm" className="wrap-anywhere">
          <bdi>{item.applicant.name}</bdi>
        </Text>
        <Text size="xs" c="dimmed">
          {language === 'ar' ? item.serviceType.nameAr : item.serviceType.nameEn}
        </Text>
        <Group gap={4}>
          {item.overdue ? <Badge color="red">{t('committee.overdue')}</Badge> : null}
          {item.awaitingInfo ? <Badge color="yellow">{t('committee.awaitingInfo')}</Badge> : null}
          {item.daysLeft !== null && !item.overdue && item.stage !== 'decided' ? (
            <Badge variant="light">{t('committee.daysLeft', { days: format.number(item.daysLeft) })}</Badge>
          ) : null}
        </Group>
        {item.dueAt && item.stage !== 'decided' ? (
          <Text size="xs">
            {t('committee.due')}: <DualDate value={item.dueAt} style="short" />
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
