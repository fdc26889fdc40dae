import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePreferences } from '../../format/preferences';
import { missingItems } from './field-errors';
import { helpRequests, type ChecklistItem, type HelpRequestView } from './help-request-api';
import type { StepProps } from './IntakeWizard';
import { MissingList } from './MissingList';
import { isEditable } from './wizard-steps';

/** Step 7: hand the request to the research committee. The api's 422 lists what still stops it. */
export function HandoffStep({ view, serviceType, goTo, onSaved }: StepProps & { view: HelpRequestView }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const handoff = useMutation({ mutationFn: () => helpRequests.handoff(view.ticketId), onSuccess: (next) => onSaved(next) });
  const refused = missingItems<ChecklistItem>(handoff.error);

  if (!isEditable(view)) {
    return (
      <Stack gap="sm" data-testid="handoff-done">
        <Alert color="green" title={t('helpRequests.handoff.done')}>
          <Stack gap={4}>
            {view.committee.expectedDecisionDate ? (
              <Text size="sm">
                {t('helpRequests.handoff.expected', { date: view.committee.expectedDecisionDate[language === 'ar' ? 'ar' : 'en'] })}
              </Text>
            ) : null}
            <Text size="sm">{t('helpRequests.handoff.notice', { days: view.committee.days })}</Text>
            {view.committee.stage ? (
              <Text size="sm">{t('helpRequests.handoff.stage', { stage: t(`committee.stages.${view.committee.stage}`) })}</Text>
            ) : null}
          </Stack>
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {refused ? (
        <MissingList items={refused} title={t('helpRequests.handoff.blocked')} serviceType={serviceType} onGoTo={goTo} color="red" />
      ) : view.readyForHandoff ? (
        <Alert color="green">{t('helpRequests.handoff.ready')}</Alert>
      ) : (
        <MissingList items={view.blockers} title={t('helpRequests.handoff.blocked')} serviceType={serviceType} onGoTo={goTo} />
      )}
      {handoff.error && !refused ? <ErrorAlert error={handoff.error} /> : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('declaration')}>
          {t('helpRequests.back')}
        </Button>
        <Button loading={handoff.isPending} onClick={() => handoff.mutate()} data-testid="handoff">
          {t('helpRequests.handoff.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
