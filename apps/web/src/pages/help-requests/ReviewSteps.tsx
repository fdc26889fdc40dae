import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DualDate } from '../../format/DualDate';
import { usePreferences } from '../../format/preferences';
import { helpRequests, type HelpRequestDocumentView, type HelpRequestView } from './help-request-api';
import type { StepProps } from './IntakeWizard';
import { MissingList } from './MissingList';
import { isEditable, itemsOfStep } from './wizard-steps';

/** Step 4: the checklist on the submission day: what is missing and what is invalid, each linked to its step. */
export function ChecklistStep({ view, serviceType, goTo }: StepProps & { view: HelpRequestView }) {
  const { t } = useTranslation();
  const { checklist } = view;
  return (
    <Stack gap="md" data-testid="checklist">
      <Text size="sm">
        {t('helpRequests.checklist.asOf')}: <DualDate value={`${checklist.asOf}T12:00:00+03:00`} />
      </Text>
      {checklist.complete ? (
        <Alert color="green" data-testid="checklist-complete">
          {t('helpRequests.checklist.complete')}
        </Alert>
      ) : null}
      <MissingList items={checklist.missing} title={t('helpRequests.checklist.missing')} serviceType={serviceType} onGoTo={goTo} />
      <MissingList items={checklist.invalid} title={t('helpRequests.checklist.invalid')} serviceType={serviceType} onGoTo={goTo} color="red" />
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('documents')}>
          {t('helpRequests.back')}
        </Button>
        <Button onClick={() => goTo('verification')}>{t('helpRequests.next')}</Button>
      </Group>
    </Stack>
  );
}

/** Step 5: the officer compares each document with the original and the data, and records the finding. */
export function VerificationStep({ view, serviceType, goTo, onSaved }: StepProps & { view: HelpRequestView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm">{t('helpRequests.verification.intro')}</Text>
      <MissingList
        items={itemsOfStep(view.blockers, 'verification').filter((b) => b.code === 'document_mismatch')}
        title={t('helpRequests.checklist.invalid')}
        serviceType={serviceType}
        color="red"
      />
      {view.documents.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('helpRequests.verification.none')}
        </Text>
      ) : null}
      {view.documents.map((d) => (
        <DocumentVerification key={`${d.id}-${view.dataVersion}`} view={view} document={d} onSaved={onSaved} />
      ))}
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('checklist')}>
          {t('helpRequests.back')}
        </Button>
        <Button onClick={() => goTo('declaration')}>{t('helpRequests.next')}</Button>
      </Group>
    </Stack>
  );
}

function DocumentVerification({
  view,
  document: d,
  onSaved,
}: {
  view: HelpRequestView;
  document: HelpRequestDocumentView;
  onSaved: StepProps['onSaved'];
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const current = d.verification?.current ? d.verification : null;
  const [result, setResult] = useState<'matches' | 'mismatch'>(current?.result === 'mismatch' ? 'mismatch' : 'matches');
  const [notes, setNotes] = useState(current?.notes ?? '');
  const record = useMutation({
    mutationFn: () => helpRequests.verify(view.id, d.id, { result, ...(notes.trim() ? { notes: notes.trim() } : {}) }),
    onSuccess: (next) => onSaved(next),
  });
  const name = d.label ? (language === 'ar' ? d.label.ar : d.label.en) : d.documentType;
  return (
    <Paper withBorder p="sm" data-testid="verify-document" data-verified={current?.result ?? 'none'}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {name}
            </Text>
            {d.attachment ? (
              <Anchor href={d.attachment.url} target="_blank" size="sm">
                <bdi>{d.attachment.filename}</bdi>
              </Anchor>
            ) : null}
          </Group>
          {current ? (
            <Badge color={current.result === 'matches' ? 'green' : 'red'}>
              {current.result === 'matches' ? t('helpRequests.verification.matches') : t('helpRequests.verification.mismatch')}
            </Badge>
          ) : d.verification ? (
            <Badge color="yellow">{t('helpRequests.verification.voided')}</Badge>
          ) : null}
        </Group>
        {current?.verifiedAt ? (
          <Text size="xs" c="dimmed">
            {t('helpRequests.verification.verifiedAt')} <DualDate value={current.verifiedAt} style="short" withTime />
          </Text>
        ) : null}
        {isEditable(view) ? (
          <>
            <SegmentedControl
              value={result}
              onChange={(v) => setResult(v === 'mismatch' ? 'mismatch' : 'matches')}
              data={[
                { value: 'matches', label: t('helpRequests.verification.matches') },
                { value: 'mismatch', label: t('helpRequests.verification.mismatch') },
              ]}
              aria-label={name}
            />
            <Textarea
              label={t('helpRequests.verification.notes')}
              autosize
              minRows={1}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            {record.error ? <ErrorAlert error={record.error} /> : null}
            <div>
              <Button size="xs" variant="light" loading={record.isPending} onClick={() => record.mutate()}>
                {t('helpRequests.verification.record')}
              </Button>
            </div>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
