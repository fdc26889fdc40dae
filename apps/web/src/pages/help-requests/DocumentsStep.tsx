import { ActionIcon, Anchor, Badge, Button, FileInput, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DualDate } from '../../format/DualDate';
import { usePreferences } from '../../format/preferences';
import { fieldErrors } from './field-errors';
import { helpRequests, type HelpRequestView } from './help-request-api';
import type { StepProps } from './IntakeWizard';
import { MissingList } from './MissingList';
import { isEditable, itemsOfStep } from './wizard-steps';

/** Step 3: the service's documents, uploaded to the ticket with their expiry dates (Gregorian or Hijri). */
export function DocumentsStep({ view, serviceType, goTo, onSaved }: StepProps & { view: HelpRequestView }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const specs = serviceType?.documents ?? [];
  const [documentType, setDocumentType] = useState(
    () => specs.find((s) => !view.documents.some((d) => d.documentType === s.type))?.type ?? specs[0]?.type ?? '',
  );
  const [file, setFile] = useState<File | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  const [expiresOnHijri, setExpiresOnHijri] = useState('');
  const editable = isEditable(view);
  const spec = specs.find((s) => s.type === documentType);

  const upload = useMutation({
    mutationFn: () =>
      helpRequests.addDocument(view.id, {
        file: file!,
        documentType,
        expiresOn: expiresOn || undefined,
        expiresOnHijri: expiresOnHijri.trim() || undefined,
      }),
    onSuccess: (next) => {
      onSaved(next);
      setFile(null);
      setExpiresOn('');
      setExpiresOnHijri('');
      setDocumentType(specs.find((s) => !next.documents.some((d) => d.documentType === s.type))?.type ?? documentType);
    },
  });
  const remove = useMutation({
    mutationFn: (documentId: string) => helpRequests.removeDocument(view.id, documentId),
    onSuccess: (next) => onSaved(next),
  });
  const errors = fieldErrors(upload.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && documentType) upload.mutate();
  };
  const label = (l: { labelAr: string; labelEn: string }) => (language === 'ar' ? l.labelAr : l.labelEn);

  return (
    <Stack gap="md">
      <MissingList items={itemsOfStep(view.blockers, 'documents')} title={t('helpRequests.checklist.missing')} serviceType={serviceType} />
      <Stack gap="xs">
        {specs.map((s) => {
          const docs = view.documents.filter((d) => d.documentType === s.type);
          return (
            <Paper key={s.type} withBorder p="sm" data-testid="document-spec" data-document-type={s.type}>
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {label(s)}
                  </Text>
                  <Badge variant="light" color={s.required ? 'red' : 'gray'}>
                    {s.required ? t('helpRequests.documents.required') : t('helpRequests.documents.optional')}
                  </Badge>
                  {s.hasExpiry ? <Badge variant="outline">{t('helpRequests.documents.hasExpiry')}</Badge> : null}
                </Group>
                {docs.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('helpRequests.documents.none')}
                  </Text>
                ) : null}
              </Group>
              {docs.map((d) => (
                <Group key={d.id} gap="sm" mt={4} data-testid="uploaded-document">
                  {d.attachment ? (
                    <Anchor href={d.attachment.url} target="_blank" size="sm">
                      <bdi>{d.attachment.filename}</bdi>
                    </Anchor>
                  ) : null}
                  {d.expiresOn ? (
                    <Text size="sm">
                      {t('helpRequests.documents.expires')} <DualDate value={`${d.expiresOn}T12:00:00+03:00`} style="short" />
                    </Text>
                  ) : null}
                  {editable ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === d.id}
                      aria-label={t('helpRequests.documents.remove', { name: d.attachment?.filename ?? label(s) })}
                      onClick={() => remove.mutate(d.id)}
                    >
                      ×
                    </ActionIcon>
                  ) : null}
                </Group>
              ))}
            </Paper>
          );
        })}
      </Stack>
      {editable ? (
        <form onSubmit={submit} noValidate>
          <Paper withBorder p="sm">
            <Stack gap="sm">
              <Text fw={600}>{t('helpRequests.documents.add')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t('helpRequests.documents.type')}
                  value={documentType}
                  onChange={(e) => setDocumentType(e.currentTarget.value)}
                  data={specs.map((s) => ({ value: s.type, label: label(s) }))}
                  data-testid="document-type"
                />
                <FileInput
                  label={t('helpRequests.documents.file')}
                  required
                  value={file}
                  onChange={setFile}
                  error={errors['file']}
                  data-testid="document-file"
                  clearable
                />
                {spec?.hasExpiry ? (
                  <>
                    <TextInput
                      label={t('helpRequests.documents.expiresOn')}
                      type="date"
                      value={expiresOn}
                      error={errors['expiresOn']}
                      onChange={(e) => setExpiresOn(e.currentTarget.value)}
                      data-testid="document-expires-on"
                    />
                    <TextInput
                      label={t('helpRequests.documents.expiresOnHijri')}
                      dir="ltr"
                      placeholder="1451-08-20"
                      value={expiresOnHijri}
                      error={errors['expiresOnHijri']}
                      onChange={(e) => setExpiresOnHijri(e.currentTarget.value)}
                    />
                  </>
                ) : null}
              </SimpleGrid>
              {upload.error && Object.keys(errors).length === 0 ? <ErrorAlert error={upload.error} /> : null}
              {remove.error ? <ErrorAlert error={remove.error} /> : null}
              <div>
                <Button type="submit" variant="light" loading={upload.isPending} disabled={!file || !documentType}>
                  {t('helpRequests.documents.upload')}
                </Button>
              </div>
            </Stack>
          </Paper>
        </form>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('applicant')}>
          {t('helpRequests.back')}
        </Button>
        <Button onClick={() => goTo('checklist')}>{t('helpRequests.next')}</Button>
      </Group>
    </Stack>
  );
}
