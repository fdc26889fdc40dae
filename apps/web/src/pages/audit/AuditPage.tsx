import { Code, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { AuditEntryView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { LoadMoreFooter } from '../../components/LoadMoreFooter';
import { PageTitle } from '../../components/PageTitle';
import { DualDate } from '../../format/DualDate';
import { useFormat } from '../../format/preferences';
import { auditActionKey, shortId } from './audit-labels';

const PAGE_SIZE = 50;

/** The audit log, newest first (admin), loaded page by page with the api's cursor. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/audit', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // Names for the "by" column; ids stay visible for accounts beyond the first page.
  const staff = useQuery({
    queryKey: ['users', 'list', 'names'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })),
    staleTime: 5 * 60_000,
  });
  const names = new Map((staff.data?.items ?? []).map((u) => [u.id, u.name]));
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <PageTitle>{t('audit.title')}</PageTitle>
      {entries.isPending ? (
        <Loading />
      ) : entries.isError && rows.length === 0 ? (
        <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped className="data-table" aria-label={t('audit.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.when')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                  <Table.Th scope="col">{t('audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} actorName={entry.actorId ? (names.get(entry.actorId) ?? null) : null} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMoreFooter
            list={entries}
            shown={t('audit.shown', { n: format.number(rows.length) })}
            end={t('audit.end')}
            loadMore={t('audit.loadMore')}
          />
        </>
      )}
    </Stack>
  );
}

function AuditRow({ entry, actorName }: { entry: AuditEntryView; actorName: string | null }) {
  const { t } = useTranslation();
  const key = auditActionKey(entry.action);
  const label = key ? t(key as 'audit.title', { defaultValue: entry.action }) : entry.action;
  return (
    <Table.Tr>
      <Table.Td miw={180}>
        <DualDate value={entry.createdAt} style="short" withTime />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{label}</Text>
        {label !== entry.action ? (
          <Code fz="xs" dir="ltr">
            {entry.action}
          </Code>
        ) : null}
      </Table.Td>
      <Table.Td className="wrap-anywhere">
        <Text size="sm" dir="ltr" span>
          {entry.entityType}
          {entry.entityId ? <span title={entry.entityId}>{` ${shortId(entry.entityId)}`}</span> : null}
        </Text>
      </Table.Td>
      <Table.Td className="wrap-anywhere" maw={220}>
        {entry.actorId ? (
          <span title={entry.actorId}>{actorName ? <bdi>{actorName}</bdi> : <bdi dir="ltr">{shortId(entry.actorId)}</bdi>}</span>
        ) : (
          t('audit.system')
        )}
      </Table.Td>
      <Table.Td>
        <bdi dir="ltr">{entry.ip ?? '—'}</bdi>
      </Table.Td>
      <Table.Td>
        {entry.before || entry.after ? (
          <details>
            <summary>{t('audit.details')}</summary>
            {entry.before ? (
              <>
                <Text size="xs" fw={600} mt={4}>
                  {t('audit.before')}
                </Text>
                <pre className="audit-json">{JSON.stringify(entry.before, null, 2)}</pre>
              </>
            ) : null}
            {entry.after ? (
              <>
                <Text size="xs" fw={600} mt={4}>
                  {t('audit.after')}
                </Text>
                <pre className="audit-json">{JSON.stringify(entry.after, null, 2)}</pre>
              </>
            ) : null}
          </details>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
