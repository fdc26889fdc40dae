import { Alert, Blockquote, Button, Divider, FileInput, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DualDate } from '../../format/DualDate';
import { useFormat } from '../../format/preferences';
import { missingItems } from './field-errors';
import { helpRequests, type ChecklistItem, type HelpRequestView } from './help-request-api';
import type { StepProps } from './IntakeWizard';
import { MissingList } from './MissingList';
import { isEditable } from './wizard-steps';

/** Step 6: the applicant's declaration of responsibility, by a one-time code to their mobile or on paper. */
export function DeclarationStep({ view, serviceType, goTo, onSaved }: StepProps & { view: HelpRequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [code, setCode] = useState('');
  const [paper, setPaper] = useState<File | null>(null);
  const [paperNotes, setPaperNotes] = useState('');
  const sendCode = useMutation({
    mutationFn: () => helpRequests.sendCode(view.id),
    // The pending code (masked number, expiry, tries) comes with the request.
    onSuccess: async () => onSaved(await helpRequests.get(view.id)),
  });
  const confirm = useMutation({ mutationFn: () => helpRequests.confirmCode(view.id, code.trim()), onSuccess: (next) => onSaved(next, 'handoff') });
  const onPaper = useMutation({
    mutationFn: () => helpRequests.paperDeclaration(view.id, { file: paper!, notes: paperNotes.trim() || undefined }),
    onSuccess: (next) => onSaved(next, 'handoff'),
  });
  const refused = missingItems<ChecklistItem>(sendCode.error ?? confirm.error ?? onPaper.error);
  const { declaration, pendingCode } = view;
  const editable = isEditable(view);

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) confirm.mutate();
  };
  const submitPaper = (e: FormEvent) => {
    e.preventDefault();
    if (paper) onPaper.mutate();
  };

  return (
    <Stack gap="md">
      <Blockquote>{t('helpRequests.declaration.statement')}</Blockquote>
      {declaration.signed ? (
        <Alert color="green" data-testid="declaration-signed">
          {t('helpRequests.declaration.signed')} {declaration.declaredAt ? <DualDate value={declaration.declaredAt} withTime /> : null}
        </Alert>
      ) : declaration.outdated ? (
        <Alert color="yellow">{t('helpRequests.declaration.outdated')}</Alert>
      ) : null}
      {refused ? <MissingList items={refused} title={t('helpRequests.handoff.blocked')} serviceType={serviceType} onGoTo={goTo} /> : null}
      {editable && !declaration.signed ? (
        <>
          <Stack gap="xs">
            <Text fw={600}>{t('helpRequests.declaration.otpTitle')}</Text>
            <div>
              <Button variant="light" loading={sendCode.isPending} onClick={() => sendCode.mutate()} data-testid="send-code">
                {t('helpRequests.declaration.sendCode')}
              </Button>
            </div>
            {pendingCode ? (
              <Text size="sm" data-testid="code-sent">
                {t('helpRequests.declaration.codeSent', {
                  to: pendingCode.sentTo,
                  until: format.dualDate(pendingCode.expiresAt, { withTime: true, style: 'short' }),
                  tries: format.number(pendingCode.triesLeft),
                })}
                {pendingCode.sandbox ? ` ${t('helpRequests.declaration.sandbox')}` : ''}
              </Text>
            ) : null}
            {sendCode.error && !refused ? <ErrorAlert error={sendCode.error} /> : null}
            {pendingCode ? (
              <form onSubmit={submitCode} noValidate>
                <Group align="flex-end">
                  <TextInput
                    label={t('helpRequests.declaration.code')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    dir="ltr"
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    data-testid="declaration-code"
                  />
                  <Button type="submit" loading={confirm.isPending} disabled={!code.trim()}>
                    {t('helpRequests.declaration.confirm')}
                  </Button>
                </Group>
              </form>
            ) : null}
            {confirm.error && !refused ? <ErrorAlert error={confirm.error} /> : null}
          </Stack>
          <Divider />
          <form onSubmit={submitPaper} noValidate>
            <Stack gap="xs">
              <Text fw={600}>{t('helpRequests.declaration.paperTitle')}</Text>
              <FileInput label={t('helpRequests.declaration.paperFile')} value={paper} onChange={setPaper} clearable />
              <Textarea
                label={t('helpRequests.declaration.paperNotes')}
                autosize
                minRows={1}
                value={paperNotes}
                onChange={(e) => setPaperNotes(e.currentTarget.value)}
              />
              {onPaper.error && !refused ? <ErrorAlert error={onPaper.error} /> : null}
              <div>
                <Button type="submit" variant="light" loading={onPaper.isPending} disabled={!paper}>
                  {t('helpRequests.declaration.paperSubmit')}
                </Button>
              </div>
            </Stack>
          </form>
        </>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('verification')}>
          {t('helpRequests.back')}
        </Button>
        <Button onClick={() => goTo('handoff')}>{t('helpRequests.next')}</Button>
      </Group>
    </Stack>
  );
}
