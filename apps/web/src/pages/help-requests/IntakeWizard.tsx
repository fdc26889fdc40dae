import { Alert, Anchor, Badge, Group, Stack, Stepper, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isolate } from './isolate';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useDraft } from '../../drafts/use-draft';
import { ApplicantStep } from './ApplicantStep';
import { DeclarationStep } from './DeclarationStep';
import { DocumentsStep } from './DocumentsStep';
import { HandoffStep } from './HandoffStep';
import { helpRequestKeys, helpRequests, type HelpRequestView, type ServiceTypeView } from './help-request-api';
import { ChecklistStep, VerificationStep } from './ReviewSteps';
import { ServiceStep } from './ServiceStep';
import { isEditable, parseStep, resumeStep, stepIndex, WIZARD_STEPS, type WizardStep } from './wizard-steps';

/** A new application's first two steps before it exists on the server (kept in this tab's session, IDs excepted). */
export interface NewIntakeDraft {
  serviceType: string;
  description: string;
  answers: Record<string, string>;
  name: string;
  phone: string;
  channel: 'visit' | 'phone' | 'letter';
}

const EMPTY_DRAFT: NewIntakeDraft = { serviceType: '', description: '', answers: {}, name: '', phone: '', channel: 'visit' };

/**
 * The intake wizard: service → applicant and household → documents → checklist → verification → declaration →
 * hand-off. Every step saves through the api, and the URL names the request and the step, so a reload resumes it.
 */
export function IntakeWizard({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ticketId = params.get('ticket');
  const [draft, setDraft, draftControls] = useDraft<NewIntakeDraft>(`help-request-intake${ticketId ? `:${ticketId}` : ''}`, EMPTY_DRAFT);

  const request = useQuery({ queryKey: helpRequestKeys.one(id ?? ''), queryFn: () => helpRequests.get(id!), enabled: !!id });
  const catalogue = useQuery({ queryKey: helpRequestKeys.serviceTypes, queryFn: helpRequests.serviceTypes, staleTime: 5 * 60_000 });
  const view = request.data ?? null;
  const step: WizardStep = parseStep(params.get('step')) ?? (view ? resumeStep(view) : 'service');

  const goTo = useCallback(
    (next: WizardStep) => {
      setParams(
        (current) => {
          const p = new URLSearchParams(current);
          p.set('step', next);
          return p;
        },
        { replace: false },
      );
      window.scrollTo({ top: 0 });
    },
    [setParams],
  );
  const saved = useCallback(
    (next: HelpRequestView, then?: WizardStep) => {
      queryClient.setQueryData(helpRequestKeys.one(next.id), next);
      void queryClient.invalidateQueries({ queryKey: ['help-requests', 'list'] });
      if (!id) {
        draftControls.discard();
        navigate(`/help-requests/${next.id}?step=${then ?? 'documents'}`);
      } else if (then) goTo(then);
    },
    [queryClient, id, navigate, goTo, draftControls],
  );

  if (id && request.isPending) return <Loading />;
  if (id && request.error) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  if (catalogue.isPending) return <Loading />;
  if (catalogue.error) return <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />;

  const serviceCode = view?.serviceType.code ?? draft.serviceType;
  const serviceType = catalogue.data.items.find((s) => s.code === serviceCode);
  // Before the request exists, only its first two steps can be filled in.
  const reachable = (s: WizardStep) => !!view || stepIndex(s) <= stepIndex('applicant');
  const active = reachable(step) ? step : 'service';
  const common = { serviceType, goTo, onSaved: saved };

  return (
    <Stack gap="md" data-testid="intake-wizard" data-active-step={active}>
      <PageTitle>{view ? t('helpRequests.titleOf', { number: isolate(view.ticketNumber) }) : t('helpRequests.new')}</PageTitle>
      {view ? (
        <Group gap="sm">
          <Badge variant="light" data-testid="help-request-status">
            {t(`helpRequests.status.${view.status}`)}
          </Badge>
          <Anchor component={Link} to={`/tickets/${view.ticketId}`} size="sm">
            <bdi>{t('helpRequests.ticketLink', { number: view.ticketNumber })}</bdi>
          </Anchor>
          <Text size="sm">
            <bdi>{view.applicant.name}</bdi>
          </Text>
        </Group>
      ) : null}
      {view && !isEditable(view) && active !== 'handoff' ? <Alert color="blue">{t('helpRequests.readOnly')}</Alert> : null}
      <Stepper
        active={stepIndex(active)}
        onStepClick={(i) => {
          const next = WIZARD_STEPS[i];
          if (next && reachable(next)) goTo(next);
        }}
        size="sm"
        wrap
        aria-label={t('helpRequests.steps.label')}
      >
        {WIZARD_STEPS.map((s, i) => (
          // Numbers, not check marks: a step before the current one is not necessarily done (the checklist says what is).
          <Stepper.Step key={s} label={t(`helpRequests.steps.${s}`)} allowStepSelect={reachable(s)} completedIcon={i + 1} data-step={s} />
        ))}
      </Stepper>
      {active === 'service' ? (
        <ServiceStep {...common} view={view} catalogue={catalogue.data.items} draft={draft} setDraft={setDraft} />
      ) : active === 'applicant' ? (
        <ApplicantStep {...common} view={view} draft={draft} setDraft={setDraft} ticketId={ticketId} />
      ) : view && active === 'documents' ? (
        <DocumentsStep {...common} view={view} />
      ) : view && active === 'checklist' ? (
        <ChecklistStep {...common} view={view} />
      ) : view && active === 'verification' ? (
        <VerificationStep {...common} view={view} />
      ) : view && active === 'declaration' ? (
        <DeclarationStep {...common} view={view} />
      ) : view ? (
        <HandoffStep {...common} view={view} />
      ) : null}
    </Stack>
  );
}

export interface StepProps {
  serviceType: ServiceTypeView | undefined;
  goTo: (step: WizardStep) => void;
  onSaved: (view: HelpRequestView, then?: WizardStep) => void;
}
