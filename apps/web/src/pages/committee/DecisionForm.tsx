import { Alert, Button, Paper, SegmentedControl, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { helpRequests, type HelpRequestView } from '../help-requests/help-request-api';
import { fieldErrors } from '../help-requests/field-errors';
import { DECISION_OUTCOMES, decisionBody, emptyDecision, type DecisionFormValues } from './decision-form';

/** The committee's decision with its reasons: approve (amount / items / duration), reject (reason), or ask for more information. */
export function DecisionForm({ view, onDecided }: { view: HelpRequestView; onDecided: (next: HelpRequestView) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DecisionFormValues>(emptyDecision);
  const set = (patch: Partial<DecisionFormValues>) => setForm((f) => ({ ...f, ...patch }));
  const decide = useMutation({ mutationFn: () => helpRequests.decide(view.id, decisionBody(form)), onSuccess: onDecided });
  const errors = fieldErrors(decide.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate();
  };
  // The api's message for a decision without what it needs ("reason is required …") names the field first.
  const errorFor = (field: string) => errors[field];

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('committee.decision.title')}
        </Title>
        <SegmentedControl
          value={form.outcome}
          onChange={(v) => set({ outcome: DECISION_OUTCOMES.find((o) => o === v) ?? 'approved' })}
          data={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`committee.decision.outcomes.${o}`) }))}
          aria-label={t('committee.decision.outcome')}
          fullWidth
        />
        {form.outcome === 'approved' ? (
          <>
            <SimpleGrid cols={2}>
              <TextInput
                label={t('committee.decision.amount')}
                inputMode="decimal"
                value={form.amountSar}
                error={errorFor('amountSar')}
                onChange={(e) => set({ amountSar: e.currentTarget.value })}
              />
              <TextInput
                label={t('committee.decision.duration')}
                inputMode="numeric"
                value={form.durationMonths}
                error={errorFor('durationMonths')}
                onChange={(e) => set({ durationMonths: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Textarea
              label={t('committee.decision.items')}
              autosize
              minRows={2}
              value={form.items}
              error={errorFor('items')}
              onChange={(e) => set({ items: e.currentTarget.value })}
            />
          </>
        ) : form.outcome === 'rejected' ? (
          <Textarea
            label={t('committee.decision.reason')}
            required
            autosize
            minRows={2}
            value={form.reason}
            error={errorFor('reason')}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            data-testid="decision-reason"
          />
        ) : (
          <Textarea
            label={t('committee.decision.infoNeeded')}
            required
            autosize
            minRows={2}
            value={form.infoNeeded}
            error={errorFor('infoNeeded')}
            onChange={(e) => set({ infoNeeded: e.currentTarget.value })}
          />
        )}
        <Textarea
          label={t('committee.decision.notes')}
          autosize
          minRows={1}
          value={form.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
        />
        {decide.error && Object.keys(errors).length === 0 ? <ErrorAlert error={decide.error} /> : null}
        {decide.isSuccess ? <Alert color="green">{t('committee.decision.recorded')}</Alert> : null}
        <div>
          <Button type="submit" loading={decide.isPending}>
            {t('committee.decision.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
