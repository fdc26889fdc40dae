import { NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePreferences } from '../../format/preferences';
import { fieldErrors } from './field-errors';
import { helpRequests, type FieldSpec, type HelpRequestView, type ServiceTypeView } from './help-request-api';
import type { NewIntakeDraft, StepProps } from './IntakeWizard';
import { answerTexts, answerValues, type AnswerTexts } from './service-answers';
import { StepActions } from './StepActions';
import { isEditable, itemsOfStep } from './wizard-steps';
import { MissingList } from './MissingList';

/** Step 1: which service, what the case is, and the service's own questions. */
export function ServiceStep({
  view,
  catalogue,
  draft,
  setDraft,
  goTo,
  onSaved,
}: StepProps & {
  view: HelpRequestView | null;
  catalogue: ServiceTypeView[];
  draft: NewIntakeDraft;
  setDraft: (patch: Partial<NewIntakeDraft>) => void;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const active = catalogue.filter((s) => s.active || s.code === view?.serviceType.code);
  const [code, setCode] = useState(view?.serviceType.code ?? draft.serviceType ?? '');
  const [description, setDescription] = useState(view?.description ?? draft.description);
  const [answers, setAnswers] = useState<AnswerTexts>(() =>
    view ? answerTexts(catalogue.find((s) => s.code === code)?.fields ?? [], view.fields) : draft.answers,
  );
  const service = catalogue.find((s) => s.code === code);
  const readOnly = !!view && !isEditable(view);

  const save = useMutation({
    mutationFn: () => helpRequests.update(view!.id, { serviceType: code, description, fields: answerValues(service?.fields ?? [], answers) }),
    onSuccess: (next) => onSaved(next, 'applicant'),
  });
  const errors = fieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!view) {
      setDraft({ serviceType: code, description, answers });
      goTo('applicant');
    } else if (readOnly) goTo('applicant');
    else save.mutate();
  };
  const label = (f: { labelAr: string; labelEn: string }) => (language === 'ar' ? f.labelAr : f.labelEn);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {view ? (
          <MissingList items={itemsOfStep(view.blockers, 'service')} title={t('helpRequests.checklist.missing')} serviceType={service} />
        ) : null}
        <NativeSelect
          label={t('helpRequests.service.type')}
          required
          disabled={readOnly}
          value={code}
          error={errors['serviceType']}
          onChange={(e) => setCode(e.currentTarget.value)}
          data={[
            { value: '', label: t('helpRequests.service.choose') },
            ...active.map((s) => ({ value: s.code, label: label({ labelAr: s.nameAr, labelEn: s.nameEn }) })),
          ]}
          data-testid="service-type"
        />
        {service ? (
          <Text size="sm" c="dimmed">
            {t('helpRequests.service.committeeDays', { days: service.committeeDays })}
          </Text>
        ) : null}
        <Textarea
          label={t('helpRequests.service.description')}
          required
          autosize
          minRows={3}
          disabled={readOnly}
          value={description}
          error={errors['description']}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        {(service?.fields ?? []).map((f) => (
          <AnswerInput
            key={f.name}
            spec={f}
            label={label(f)}
            value={answers[f.name] ?? ''}
            disabled={readOnly}
            error={errors[`fields.${f.name}`] ?? (errors['fields']?.includes(`fields.${f.name}`) ? errors['fields'] : undefined)}
            onChange={(value) => setAnswers((a) => ({ ...a, [f.name]: value }))}
          />
        ))}
        {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <StepActions saving={save.isPending} disabled={!code || !description.trim()} submitLabel={view ? undefined : t('helpRequests.next')} />
      </Stack>
    </form>
  );
}

function AnswerInput({
  spec,
  label,
  value,
  disabled,
  error,
  onChange,
}: {
  spec: FieldSpec;
  label: string;
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const common = { label, required: spec.required, disabled, error, 'data-field': spec.name };
  if (spec.type === 'select' || spec.type === 'boolean') {
    const options =
      spec.type === 'boolean'
        ? [
            { value: 'true', label: t('helpRequests.service.yes') },
            { value: 'false', label: t('helpRequests.service.no') },
          ]
        : (spec.options ?? []).map((o) => ({ value: o.value, label: language === 'ar' ? o.labelAr : o.labelEn }));
    return (
      <NativeSelect
        {...common}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[{ value: '', label: t('helpRequests.service.choose') }, ...options]}
      />
    );
  }
  const numeric = spec.type === 'number' || spec.type === 'integer' || spec.type === 'money';
  return (
    <TextInput
      {...common}
      type={spec.type === 'date' ? 'date' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
