import { Anchor, Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { TICKET_STATUSES, type TeamLoad } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { SlaBadge } from '../../components/TicketBadges';
import { withDigits } from '../../format/digits';
import { useTeamsQuery } from '../../hooks/use-teams-query';
import { DualDate } from '../../format/DualDate';
import { useFormat, usePreferences } from '../../format/preferences';
import { useNow } from '../../hooks/use-now';
import { teamName } from '../users/teams';
import { StatusBars, TrendChart, VolumeChart } from './DashboardCharts';
import { openByTeam, periodDays, volumeRows } from './dashboard-data';

const PERIODS = [7, 14, 30] as const;
const OPEN_STATUSES = TICKET_STATUSES.filter((s) => s === 'new' || s === 'open' || s === 'pending' || s === 'with_committee');
const STATUS_COLORS: Record<string, string> = { new: '#1c7ed6', open: '#0ca678', pending: '#f59f00', with_committee: '#ae3ec9' };

/** For supervisors and admins: open work, SLA compliance, officer load, daily volume, satisfaction. */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { language, digits } = usePreferences();
  const now = useNow(60_000);
  const [days, setDays] = useState<(typeof PERIODS)[number]>(14);

  const stats = useQuery({
    queryKey: ['stats', 'overview', days],
    queryFn: () => unwrap(api.GET('/api/v1/stats/overview', { params: { query: { days } } })),
    refetchInterval: 60_000,
  });
  const teams = useTeamsQuery();
  const loads = useQueries({
    queries: (teams.data ?? []).map((team) => ({
      queryKey: ['teams', team.id, 'load'],
      queryFn: () => unwrap(api.GET('/api/v1/teams/{id}/load', { params: { path: { id: team.id } } })),
      refetchInterval: 60_000,
    })),
  });
  const fromDay = stats.data ? periodDays(stats.data.from, 1)[0] : undefined;
  const csat = useQuery({
    queryKey: ['surveys', 'results', 'day', fromDay],
    queryFn: () => unwrap(api.GET('/api/v1/surveys/results', { params: { query: { from: fromDay, groupBy: 'period', interval: 'day' } } })),
    enabled: !!fromDay,
  });
  const comments = useQuery({
    queryKey: ['surveys', 'comments', fromDay],
    queryFn: () => unwrap(api.GET('/api/v1/surveys/comments', { params: { query: { from: fromDay, limit: 10 } } })),
    enabled: !!fromDay,
  });

  const dayFormat = useMemo(() => {
    const locale = language === 'ar' ? 'ar-SA' : 'en-GB';
    const hijri = new Intl.DateTimeFormat(locale, {
      calendar: 'islamic-umalqura',
      numberingSystem: digits,
      day: 'numeric',
      month: 'short',
      timeZone: 'Asia/Riyadh',
    });
    const greg = new Intl.DateTimeFormat(locale, {
      calendar: 'gregory',
      numberingSystem: digits,
      day: 'numeric',
      month: 'numeric',
      timeZone: 'Asia/Riyadh',
    });
    return (day: string) => {
      const date = new Date(`${day}T12:00:00+03:00`);
      return Number.isNaN(date.getTime()) ? day : `${hijri.format(date)} · ${greg.format(date)}`;
    };
  }, [language, digits]);

  const days14 = stats.data ? periodDays(stats.data.from, stats.data.days) : [];
  const volume = stats.data ? volumeRows(stats.data.volumeByDay, days14) : { rows: [], channels: [] };
  const teamRows = stats.data ? openByTeam(stats.data.openByTeamAndStatus, language) : [];
  const percent = (n: number | null | undefined) =>
    n === null || n === undefined ? t('dashboard.noFigure') : t('dashboard.percent', { n: format.number(n) });
  const trend = (csat.data?.groups ?? []).map((g) => ({ day: g.key ?? '', value: g.csat })).filter((g) => g.day);

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <SegmentedControl
            aria-label={t('dashboard.period')}
            value={String(days)}
            onChange={(v) => setDays(Number(v) as (typeof PERIODS)[number])}
            data={PERIODS.map((p) => ({ value: String(p), label: t(`dashboard.periods.d${p}`, { n: format.number(p) }) }))}
          />
        }
      >
        {t('dashboard.title')}
      </PageTitle>

      {stats.isPending ? <Loading /> : null}
      {stats.isError ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}

      {stats.data ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
            {(['created', 'resolved', 'open', 'unassigned', 'breaching'] as const).map((k) => (
              <Paper key={k} withBorder p="sm" radius="md" data-testid={`total-${k}`}>
                <Text size="xs" c="dimmed">
                  {t(`dashboard.totals.${k}`)}
                </Text>
                <Text fz={28} fw={700} c={k === 'breaching' && stats.data.totals.breaching > 0 ? 'red' : undefined}>
                  {format.number(stats.data.totals[k])}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>

          <div className="dashboard-grid">
            <Panel title={t('dashboard.sla')}>
              <Table className="data-table" aria-label={t('dashboard.sla')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" />
                    <Table.Th scope="col">{t('dashboard.slaMet')}</Table.Th>
                    <Table.Th scope="col">{t('dashboard.slaBreached')}</Table.Th>
                    <Table.Th scope="col">{t('dashboard.slaRunning')}</Table.Th>
                    <Table.Th scope="col">{t('dashboard.compliance')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(['firstResponse', 'resolution'] as const).map((k) => {
                    const f = stats.data.sla[k];
                    return (
                      <Table.Tr key={k}>
                        <Table.Th scope="row">{t(`sla.${k}`)}</Table.Th>
                        <Table.Td>{format.number(f.met)}</Table.Td>
                        <Table.Td c={f.breached ? 'red' : undefined}>{format.number(f.breached)}</Table.Td>
                        <Table.Td>{format.number(f.running)}</Table.Td>
                        <Table.Td fw={700} data-testid={`compliance-${k}`}>
                          {percent(f.compliance)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Panel>

            <Panel title={t('dashboard.openByTeam')}>
              {teamRows.length === 0 ? (
                <Text c="dimmed">{t('dashboard.noData')}</Text>
              ) : (
                <>
                  <StatusBars
                    label={t('dashboard.openByTeam')}
                    rows={teamRows.map((r) => ({ name: r.name ?? t('dashboard.noTeam'), ...r.counts }))}
                    series={OPEN_STATUSES.map((s) => ({ key: s, name: t(`status.${s}`), color: STATUS_COLORS[s] ?? '#868e96' }))}
                    formatNumber={format.number}
                  />
                  <Table.ScrollContainer minWidth={420}>
                    <Table className="data-table" aria-label={t('dashboard.openByTeam')} data-testid="open-by-team">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('dashboard.team')}</Table.Th>
                          {OPEN_STATUSES.map((s) => (
                            <Table.Th scope="col" key={s}>
                              {t(`status.${s}`)}
                            </Table.Th>
                          ))}
                          <Table.Th scope="col">{t('dashboard.total')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {teamRows.map((r) => (
                          <Table.Tr key={r.teamId ?? 'none'}>
                            <Table.Th scope="row" className="wrap-anywhere">
                              <bdi>{r.name ?? t('dashboard.noTeam')}</bdi>
                            </Table.Th>
                            {OPEN_STATUSES.map((s) => (
                              <Table.Td key={s}>{format.number(r.counts[s] ?? 0)}</Table.Td>
                            ))}
                            <Table.Td fw={700}>{format.number(r.total)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </>
              )}
            </Panel>

            <Panel title={t('dashboard.volume')}>
              {volume.channels.length === 0 ? (
                <Text c="dimmed">{t('dashboard.noData')}</Text>
              ) : (
                <>
                  <VolumeChart
                    label={t('dashboard.volume')}
                    rows={volume.rows}
                    series={volume.channels.map((c) => ({ key: c, name: t(`channel.${c}` as 'channel.sms', { defaultValue: c }) }))}
                    formatDay={dayFormat}
                    formatNumber={format.number}
                  />
                  <details>
                    <summary>{t('dashboard.chartTable')}</summary>
                    <Table.ScrollContainer minWidth={360}>
                      <Table className="data-table" aria-label={t('dashboard.volume')}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">{t('dashboard.day')}</Table.Th>
                            {volume.channels.map((c) => (
                              <Table.Th scope="col" key={c}>
                                {t(`channel.${c}` as 'channel.sms', { defaultValue: c })}
                              </Table.Th>
                            ))}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {volume.rows.map((r) => (
                            <Table.Tr key={String(r.day)}>
                              <Table.Th scope="row">
                                <DualDate value={`${String(r.day)}T12:00:00+03:00`} style="short" />
                              </Table.Th>
                              {volume.channels.map((c) => (
                                <Table.Td key={c}>{format.number(Number(r[c] ?? 0))}</Table.Td>
                              ))}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </details>
                </>
              )}
            </Panel>

            <Panel title={t('dashboard.csat')}>
              {csat.isError ? <ErrorAlert error={csat.error} onRetry={() => void csat.refetch()} /> : null}
              {csat.isPending ? <Loading /> : null}
              {csat.data ? (
                <Stack gap="xs">
                  <Group gap="lg" wrap="wrap">
                    <Figure label={t('dashboard.sent')} value={format.number(csat.data.totals.sent)} />
                    <Figure label={t('dashboard.answered')} value={format.number(csat.data.totals.answered)} />
                    <Figure label={t('dashboard.responseRate')} value={percent(csat.data.totals.responseRate)} />
                    <Figure label={t('dashboard.csat')} value={percent(csat.data.totals.csat)} testId="csat-total" />
                    <Figure
                      label={t('dashboard.average')}
                      value={csat.data.totals.averageScore === null ? t('dashboard.noFigure') : format.number(csat.data.totals.averageScore)}
                    />
                  </Group>
                  {trend.length ? (
                    <TrendChart
                      rows={trend}
                      name={t('dashboard.csat')}
                      label={t('dashboard.csatTrend', { range: `${format.number(4)}–${format.number(5)}` })}
                      formatDay={dayFormat}
                      formatNumber={format.number}
                    />
                  ) : (
                    <Text c="dimmed">{t('dashboard.noData')}</Text>
                  )}
                </Stack>
              ) : null}
            </Panel>

            <Panel title={t('dashboard.comments')}>
              {comments.isError ? <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} /> : null}
              {comments.data && comments.data.items.length === 0 ? <Text c="dimmed">{t('dashboard.noComments')}</Text> : null}
              <Stack gap="xs" component="ul" className="plain-list">
                {(comments.data?.items ?? []).map((c) => (
                  <li key={c.responseId}>
                    <Paper withBorder p="xs" radius="sm">
                      <Group gap="xs" wrap="wrap" justify="space-between">
                        <Group gap="xs">
                          <Badge color={c.score >= 4 ? 'green' : c.score <= 2 ? 'red' : 'yellow'} variant="light" tt="none">
                            {t('dashboard.score', { n: format.number(c.score), max: format.number(5) })}
                          </Badge>
                          <Anchor component={Link} to={`/tickets/${c.ticketId}`} size="sm">
                            <bdi dir="ltr">{withDigits(c.ticketNumber, digits)}</bdi>
                          </Anchor>
                          {c.recoveryTicketId ? (
                            <Anchor component={Link} to={`/tickets/${c.recoveryTicketId}`} size="xs" c="orange">
                              {t('dashboard.recovery')}
                            </Anchor>
                          ) : null}
                        </Group>
                        <Text size="xs" c="dimmed">
                          <DualDate value={c.answeredAt} style="short" />
                        </Text>
                      </Group>
                      <Text size="sm" className="timeline-body" mt={4}>
                        {c.comment}
                      </Text>
                    </Paper>
                  </li>
                ))}
              </Stack>
            </Panel>
          </div>
        </>
      ) : null}

      <Title order={2} size="h3" mt="md">
        {t('dashboard.officers')}
      </Title>
      {teams.isError ? <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} /> : null}
      {teams.data && teams.data.length === 0 ? <Text c="dimmed">{t('dashboard.noTeams')}</Text> : null}
      <div className="dashboard-grid">
        {(teams.data ?? []).map((team, i) => {
          const load = loads[i];
          return (
            <Panel key={team.id} title={teamName(team, language)} testId="team-load">
              {load?.isPending ? <Loading /> : null}
              {load?.isError ? <ErrorAlert error={load.error} onRetry={() => void load.refetch()} /> : null}
              {load?.data ? <TeamLoadView load={load.data} now={now} /> : null}
            </Panel>
          );
        })}
      </div>
    </Stack>
  );
}

function TeamLoadView({ load, now }: { load: TeamLoad; now: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { digits } = usePreferences();
  const names = new Map(load.officers.map((o) => [o.id, o.name]));
  const color: Record<string, string> = { available: 'green', away: 'yellow', offline: 'gray' };
  return (
    <Stack gap="sm">
      <Text size="sm">{t('dashboard.unassignedInTeam', { n: format.number(load.unassigned) })}</Text>
      {load.officers.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.noOfficers')}
        </Text>
      ) : (
        <Table className="data-table" aria-label={t('dashboard.officers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.officer')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.availability')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.openTickets')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.breachingTickets')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {load.officers.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" className="wrap-anywhere" fw={500}>
                  <bdi>{o.name}</bdi>
                </Table.Th>
                <Table.Td>
                  <Badge color={color[o.availability] ?? 'gray'} variant="light" tt="none">
                    {t(`availability.${o.availability}` as 'availability.available', { defaultValue: o.availability })}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.number(o.openTickets)}</Table.Td>
                <Table.Td c={o.breachingTickets ? 'red' : undefined}>{format.number(o.breachingTickets)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fw={700} size="sm">
        {t('dashboard.breaching')}
      </Text>
      {load.breaching.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.noBreaching')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" className="plain-list">
          {load.breaching.slice(0, 20).map((b) => (
            <li key={b.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/tickets/${b.id}`} size="sm" className="wrap-anywhere">
                  <bdi dir="ltr">{withDigits(b.number, digits)}</bdi> — <bdi>{b.subject}</bdi>
                </Anchor>
                <SlaBadge
                  ticket={{
                    status: 'open',
                    createdAt: '',
                    firstResponseDueAt: b.firstResponseDueAt,
                    resolutionDueAt: b.resolutionDueAt,
                    firstRespondedAt: null,
                    resolvedAt: null,
                  }}
                  now={now}
                  target={b.resolutionDueAt && Date.parse(b.resolutionDueAt) < now ? 'resolution' : 'first_response'}
                />
                {b.assigneeId ? (
                  <Text size="xs" c="dimmed">
                    <bdi>{names.get(b.assigneeId) ?? ''}</bdi>
                  </Text>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}
