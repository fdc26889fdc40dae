import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/use-session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { DualDate } from '../../format/DualDate';
import { useFormat, usePreferences } from '../../format/preferences';
import { BOARD_STAGES, helpRequestKeys, helpRequests, type BoardStage, type HelpRequestView } from '../help-requests/help-request-api';
import { isolate } from '../help-requests/isolate';
import { DecisionForm } from './DecisionForm';

/** One case for the committee: the application, its documents, research, earlier decisions and the decision form. */
export function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const session = useSession();
  const isCommittee = session.status === 'signed-in' && session.user.role === 'committee';
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: helpRequestKeys.one(id), queryFn: () => helpRequests.get(id) });
  const catalogue = useQuery({ queryKey: helpRequestKeys.serviceTypes, queryFn: helpRequests.serviceTypes, staleTime: 5 * 60_000 });
  const updated = (next: HelpRequestView) => {
    queryClient.setQueryData(helpRequestKeys.one(id), next);
    void queryClient.invalidateQueries({ queryKey: helpRequestKeys.board });
  };

  if (request.isPending) return <Loading />;
  if (request.error) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  const view = request.data;
  const spec = catalogue.data?.items.find((s) => s.code === view.serviceType.code);
  const label = (l: { labelAr: string; labelEn: string }) => (language === 'ar' ? l.labelAr : l.labelEn);
  const studying = view.status === 'with_committee';

  return (
    <Stack gap="md" data-testid="committee-case">
      <Anchor component={Link} to="/committee" size="sm">
        {t('committee.back')}
      </Anchor>
      <PageTitle>{t('helpRequests.titleOf', { number: isolate(view.ticketNumber) })}</PageTitle>
      <Group gap="xs">
        <Badge data-testid="case-status">{t(`helpRequests.status.${view.status}`)}</Badge>
        {view.committee.stage ? (
          <Badge variant="light" data-testid="case-stage">
            {t(`committee.stages.${view.committee.stage}`)}
          </Badge>
        ) : null}
        {view.committee.overdue ? <Badge color="red">{t('committee.overdue')}</Badge> : null}
        <Text size="sm">{t('committee.round', { round: view.committee.round })}</Text>
        {view.committee.dueAt ? (
          <Text size="sm">
            {t('committee.due')}: <DualDate value={view.committee.dueAt} />
          </Text>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">
              {t('committee.application')}
            </Title>
            <Stack gap={4}>
              <Text size="sm">
                <bdi>{view.applicant.name}</bdi> — <bdi dir="ltr">{view.applicant.nationalId ?? '—'}</bdi>
              </Text>
              {view.applicant.beneficiaryFileNumber ? (
                <Text size="sm">{t('helpRequests.applicant.fileNumber', { number: view.applicant.beneficiaryFileNumber })}</Text>
              ) : null}
              <Text size="sm" fw={600}>
                {language === 'ar' ? view.serviceType.nameAr : view.serviceType.nameEn}
              </Text>
              <Text size="sm" fw={600} mt="xs">
                {t('committee.description')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {view.description}
              </Text>
              {spec && spec.fields.length ? (
                <>
                  <Text size="sm" fw={600} mt="xs">
                    {t('committee.answers')}
                  </Text>
                  {spec.fields.map((f) => (
                    <Text key={f.name} size="sm">
                      {label(f)}: <bdi>{answerText(view.fields[f.name], f.options, language, t)}</bdi>
                    </Text>
                  ))}
                </>
              ) : null}
            </Stack>
          </Paper>
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">
              {t('committee.household')}
            </Title>
            {view.household.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('helpRequests.applicant.noHousehold')}
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {view.household.map((m, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <bdi>{m.name}</bdi>
                      </Table.Td>
                      <Table.Td>
                        {t(`helpRequests.applicant.relations.${m.relation}` as 'helpRequests.applicant.relations.other', {
                          defaultValue: m.relation,
                        })}
                      </Table.Td>
                      <Table.Td>{m.birthDate ? <DualDate value={`${m.birthDate}T12:00:00+03:00`} style="short" /> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">
              {t('committee.documents')}
            </Title>
            {view.documents.length === 0 ? <Text size="sm">{t('committee.noDocuments')}</Text> : null}
            <Stack gap={4}>
              {view.documents.map((d) => (
                <Group key={d.id} gap="xs" data-testid="case-document">
                  <Text size="sm">{d.label ? (language === 'ar' ? d.label.ar : d.label.en) : d.documentType}</Text>
                  {d.attachment ? (
                    <Anchor href={d.attachment.url} target="_blank" size="sm">
                      <bdi>{d.attachment.filename}</bdi>
                    </Anchor>
                  ) : null}
                  {d.expiresOn ? (
                    <Text size="xs" c="dimmed">
                      {t('helpRequests.documents.expires')} <DualDate value={`${d.expiresOn}T12:00:00+03:00`} style="short" />
                    </Text>
                  ) : null}
                  {d.verification?.current && d.verification.result === 'matches' ? (
                    <Badge color="green">{t('helpRequests.verification.current')}</Badge>
                  ) : null}
                </Group>
              ))}
            </Stack>
          </Paper>
        </Stack>
        <Stack gap="md">
          {view.committee.research.length ? (
            <Paper withBorder p="sm">
              <Title order={2} size="h4" mb="xs">
                {t('committee.research')}
              </Title>
              {view.committee.research.map((r) => (
                <Text key={r.id} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <DualDate value={r.createdAt} style="short" /> — {r.notes}
                  {r.findings ? ` — ${r.findings}` : ''}
                </Text>
              ))}
            </Paper>
          ) : null}
          <Decisions view={view} />
          {isCommittee && studying ? <StageMover view={view} onUpdated={updated} /> : null}
          {studying ? (
            isCommittee ? (
              <DecisionForm view={view} onDecided={updated} />
            ) : (
              <Alert color="blue">{t('committee.decision.onlyCommittee')}</Alert>
            )
          ) : null}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function answerText(
  value: unknown,
  options: { value: string; labelAr: string; labelEn: string }[] | undefined,
  language: string,
  t: (k: 'helpRequests.service.yes' | 'helpRequests.service.no') => string,
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('helpRequests.service.yes') : t('helpRequests.service.no');
  const option = options?.find((o) => o.value === value);
  if (option) return language === 'ar' ? option.labelAr : option.labelEn;
  return String(value);
}

function Decisions({ view }: { view: HelpRequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (view.committee.decisions.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="decisions">
      <Title order={2} size="h4" mb="xs">
        {t('committee.decisions')}
      </Title>
      <Stack gap="xs">
        {view.committee.decisions.map((d) => (
          <Stack key={d.id} gap={2} data-testid="decision" data-outcome={d.outcome}>
            <Text size="sm" fw={600}>
              {t(`committee.decision.outcomes.${d.outcome}` as 'committee.decision.outcomes.approved', { defaultValue: d.outcome })} —{' '}
              <DualDate value={d.decidedAt} style="short" withTime />
            </Text>
            {d.amountSar ? <Text size="sm">{t('committee.decision.amountLabel', { amount: format.number(d.amountSar) })}</Text> : null}
            {d.items.length ? <Text size="sm">{d.items.join(' ، ')}</Text> : null}
            {d.reason ? <Text size="sm">{t('committee.decision.reasonLabel', { text: d.reason })}</Text> : null}
            {d.infoNeeded ? <Text size="sm">{t('committee.decision.infoLabel', { text: d.infoNeeded })}</Text> : null}
            {d.notes ? (
              <Text size="sm" c="dimmed">
                {d.notes}
              </Text>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function StageMover({ view, onUpdated }: { view: HelpRequestView; onUpdated: (v: HelpRequestView) => void }) {
  const { t } = useTranslation();
  const options = BOARD_STAGES.filter((s): s is Exclude<BoardStage, 'decided'> => s !== 'decided' && s !== view.committee.stage);
  const [stage, setStage] = useState(options[0] ?? 'under_study');
  const move = useMutation({ mutationFn: () => helpRequests.moveStage(view.id, stage), onSuccess: onUpdated });
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <NativeSelect
          label={t('committee.moveStage')}
          value={stage}
          onChange={(e) => setStage(e.currentTarget.value as typeof stage)}
          data={options.map((s) => ({ value: s, label: t(`committee.stages.${s}`) }))}
        />
        <Button variant="light" loading={move.isPending} onClick={() => move.mutate()}>
          {t('committee.move')}
        </Button>
      </Group>
      {move.error ? <ErrorAlert error={move.error} /> : null}
    </Paper>
  );
}
