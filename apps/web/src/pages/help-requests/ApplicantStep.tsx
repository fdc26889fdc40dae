import { ActionIcon, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applicantProblems, emptyHouseholdRow, householdInput, householdRows, type HouseholdRow } from './applicant-form';
import { fieldErrors } from './field-errors';
import { HOUSEHOLD_RELATIONS } from '../../../../../libs/help-requests/src/intake/household';
import { helpRequests, type HelpRequestView } from './help-request-api';
import type { NewIntakeDraft, StepProps } from './IntakeWizard';
import { MissingList } from './MissingList';
import { answerValues, givenAnswers } from './service-answers';
import { StepActions } from './StepActions';
import { isEditable, itemsOfStep } from './wizard-steps';

/** Step 2: who applies (name, mobile, national ID) and who lives with them. A new request is created here. */
export function ApplicantStep({
  view,
  draft,
  setDraft,
  ticketId,
  serviceType,
  goTo,
  onSaved,
}: StepProps & { view: HelpRequestView | null; draft: NewIntakeDraft; setDraft: (patch: Partial<NewIntakeDraft>) => void; ticketId: string | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState(view?.applicant.name ?? draft.name);
  const [nationalId, setNationalId] = useState('');
  const [rows, setRows] = useState<HouseholdRow[]>(() => householdRows(view?.household ?? []));
  const [householdChanged, setHouseholdChanged] = useState(false);
  const [checked, setChecked] = useState(false);
  const readOnly = !!view && !isEditable(view);
  const onTicket = !view && !!ticketId;

  const save = useMutation({
    mutationFn: () => {
      const id = nationalId.trim() || undefined;
      if (view) {
        return helpRequests.update(view.id, {
          ...(name.trim() !== view.applicant.name ? { name } : {}),
          ...(id ? { nationalId: id } : {}),
          ...(householdChanged ? { household: householdInput(rows) } : {}),
        });
      }
      return helpRequests.create({
        serviceType: draft.serviceType,
        description: draft.description,
        fields: givenAnswers(answerValues(serviceType?.fields ?? [], draft.answers)),
        ...(ticketId ? { ticketId } : { contact: { name, ...(draft.phone.trim() ? { phone: draft.phone } : {}) }, channel: draft.channel }),
        ...(id ? { nationalId: id } : {}),
        household: householdInput(rows),
      });
    },
    onSuccess: (next) => onSaved(next, 'documents'),
  });

  const problems = applicantProblems(nationalId, rows);
  const server = fieldErrors(save.error);
  const errorOf = (path: string) => {
    const p = checked || path in server ? problems[path] : undefined;
    return p ? t(`helpRequests.applicant.idProblems.${p}`) : server[path];
  };
  const setRow = (i: number, patch: Partial<HouseholdRow>) => {
    setHouseholdChanged(true);
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (readOnly) return goTo('documents');
    if (Object.keys(problems).length > 0) return;
    save.mutate();
  };
  const relationOptions = HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t(`helpRequests.applicant.relations.${r}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {view ? (
          <MissingList items={itemsOfStep(view.blockers, 'applicant')} title={t('helpRequests.checklist.missing')} serviceType={serviceType} />
        ) : null}
        {view?.applicant.beneficiaryFileNumber ? (
          <Text size="sm">
            <bdi>{t('helpRequests.applicant.fileNumber', { number: view.applicant.beneficiaryFileNumber })}</bdi>
          </Text>
        ) : null}
        {!onTicket ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('helpRequests.applicant.name')}
              required
              disabled={readOnly}
              value={name}
              error={server['contact.name'] ?? server['name']}
              onChange={(e) => {
                setName(e.currentTarget.value);
                if (!view) setDraft({ name: e.currentTarget.value });
              }}
            />
            {!view ? (
              <TextInput
                label={t('helpRequests.applicant.phone')}
                inputMode="tel"
                dir="ltr"
                value={draft.phone}
                error={server['contact.phone']}
                onChange={(e) => setDraft({ phone: e.currentTarget.value })}
              />
            ) : null}
            {!view ? (
              <NativeSelect
                label={t('helpRequests.applicant.channel')}
                value={draft.channel}
                onChange={(e) => setDraft({ channel: e.currentTarget.value as NewIntakeDraft['channel'] })}
                data={(['visit', 'phone', 'letter'] as const).map((c) => ({ value: c, label: t(`helpRequests.applicant.channels.${c}`) }))}
              />
            ) : null}
          </SimpleGrid>
        ) : null}
        <TextInput
          label={t('helpRequests.applicant.nationalId')}
          inputMode="numeric"
          dir="ltr"
          disabled={readOnly}
          value={nationalId}
          error={errorOf('nationalId')}
          description={view?.applicant.nationalId ? t('helpRequests.applicant.nationalIdSaved', { masked: view.applicant.nationalId }) : undefined}
          onChange={(e) => setNationalId(e.currentTarget.value)}
          onBlur={() => nationalId.trim() && setChecked(true)}
          data-testid="applicant-national-id"
        />
        <Fieldset legend={t('helpRequests.applicant.household')} disabled={readOnly}>
          <Stack gap="md">
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('helpRequests.applicant.noHousehold')}
              </Text>
            ) : null}
            {rows.map((row, i) => (
              <Stack key={i} gap={4} data-testid="household-member">
                <Group justify="space-between">
                  <Text fw={600} size="sm">
                    {t('helpRequests.applicant.member', { n: i + 1 })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('helpRequests.applicant.removeMember', { name: row.name || i + 1 })}
                    onClick={() => {
                      setHouseholdChanged(true);
                      setRows((all) => all.filter((_, j) => j !== i));
                    }}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('helpRequests.applicant.memberName')}
                    required
                    value={row.name}
                    error={server[`household.${i}.name`]}
                    onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                  />
                  <NativeSelect
                    label={t('helpRequests.applicant.relation')}
                    value={row.relation}
                    data={relationOptions}
                    onChange={(e) => setRow(i, { relation: e.currentTarget.value as HouseholdRow['relation'] })}
                  />
                  <TextInput
                    label={t('helpRequests.applicant.birthDate')}
                    type="date"
                    value={row.birthDate}
                    error={server[`household.${i}.birthDate`]}
                    onChange={(e) => setRow(i, { birthDate: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('helpRequests.applicant.memberId')}
                    inputMode="numeric"
                    dir="ltr"
                    value={row.nationalId}
                    error={errorOf(`household.${i}.nationalId`)}
                    description={row.savedNationalId ? t('helpRequests.applicant.nationalIdSaved', { masked: row.savedNationalId }) : undefined}
                    placeholder={row.savedNationalId ?? undefined}
                    onChange={(e) => setRow(i, { nationalId: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('helpRequests.applicant.income')}
                    inputMode="decimal"
                    value={row.monthlyIncomeSar}
                    error={server[`household.${i}.monthlyIncomeSar`]}
                    onChange={(e) => setRow(i, { monthlyIncomeSar: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('helpRequests.applicant.notes')}
                    value={row.notes}
                    onChange={(e) => setRow(i, { notes: e.currentTarget.value })}
                  />
                </SimpleGrid>
              </Stack>
            ))}
            <div>
              <Button
                variant="light"
                onClick={() => {
                  setHouseholdChanged(true);
                  setRows((all) => [...all, emptyHouseholdRow()]);
                }}
              >
                {t('helpRequests.applicant.addMember')}
              </Button>
            </div>
          </Stack>
        </Fieldset>
        {save.error && Object.keys(server).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <StepActions onBack={() => goTo('service')} saving={save.isPending} disabled={!onTicket && !name.trim()} />
      </Stack>
    </form>
  );
}
