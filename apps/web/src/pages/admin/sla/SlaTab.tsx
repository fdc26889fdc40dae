import { NativeSelect, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { TICKET_PRIORITIES, TICKET_TYPES } from '../../../api/views';
import { useFormat } from '../../../format/preferences';
import { adminKeys, type SlaPolicy } from '../admin-api';
import { EditDialog, FormButtons } from '../AdminParts';
import { NameInput } from '../common/NameInput';
import { SettingsList, SettingsTable } from '../common/SettingsList';
import { ActiveBadge, EditButton, RowName } from '../common/SettingsRow';
import { useSettingsEditor } from '../common/use-settings-editor';
import { useSettingsForm } from '../common/use-settings-form';
import { parseTypedNumber } from '../number-input';
import { useCanEdit } from '../use-admin-data';
import { policyScope, slaBody, slaFormValues, validateSlaForm, workingDuration } from './sla-form';

function useDuration() {
  const { t } = useTranslation();
  const format = useFormat();
  return (minutes: number) => {
    const d = workingDuration(minutes);
    return t('admin.sla.duration', { hours: format.number(d.hours), minutes: format.number(d.minutes) });
  };
}

/** SLA policies: first-response and resolution targets in working minutes, by priority and/or type. */
export function SlaTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const canEdit = useCanEdit();
  const policies = useQuery({ queryKey: adminKeys.slaPolicies, queryFn: () => unwrap(api.GET('/api/v1/sla-policies')) });
  const editor = useSettingsEditor<SlaPolicy>();
  const list = policies.data ?? [];
  const minutesCell = (m: number) => (
    <>
      {format.number(m)}{' '}
      <Text span size="xs" c="dimmed">
        ({duration(m)})
      </Text>
    </>
  );

  return (
    <SettingsList
      intro={t('admin.sla.intro')}
      createLabel={t('admin.sla.create')}
      onCreate={() => editor.open('new')}
      editor={editor}
      query={policies}
      empty={t('admin.sla.empty')}
      isEmpty={list.length === 0}
      dialog={editor.isOpen ? <SlaDialog policy={editor.item} onClose={editor.close} onSaved={editor.saved} /> : null}
    >
      <SettingsTable
        label={t('admin.tabs.sla')}
        minWidth={880}
        columns={[
          t('admin.common.name'),
          t('admin.sla.scopeLabel'),
          t('admin.sla.priority'),
          t('admin.sla.type'),
          t('admin.sla.firstResponse'),
          t('admin.sla.resolution'),
          t('admin.common.status'),
        ]}
      >
        {list.map((policy) => (
          <Table.Tr key={policy.id} data-testid="sla-row">
            <RowName name={policy.name} maw={220} />
            <Table.Td>{t(`admin.sla.scope.${policyScope(policy)}`)}</Table.Td>
            <Table.Td>{policy.priority ? t(`priority.${policy.priority as 'low'}`) : t('admin.sla.anyPriority')}</Table.Td>
            <Table.Td>{policy.ticketType ? t(`ticketType.${policy.ticketType as 'other'}`) : t('admin.sla.anyType')}</Table.Td>
            <Table.Td>{minutesCell(policy.firstResponseMinutes)}</Table.Td>
            <Table.Td>{minutesCell(policy.resolutionMinutes)}</Table.Td>
            <Table.Td>
              <ActiveBadge active={policy.active} />
            </Table.Td>
            {canEdit ? (
              <Table.Td>
                <EditButton name={policy.name} onClick={() => editor.open(policy)} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </SettingsTable>
    </SettingsList>
  );
}

function SlaDialog({ policy, onClose, onSaved }: { policy: SlaPolicy | null; onClose: () => void; onSaved: (p: SlaPolicy) => void }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { values, update, fieldError, save, submit } = useSettingsForm({
    initial: () => slaFormValues(policy),
    validate: validateSlaForm,
    toBody: slaBody,
    send: (body) =>
      policy
        ? unwrap(api.PATCH('/api/v1/sla-policies/{id}', { params: { path: { id: policy.id } }, body }))
        : unwrap(api.POST('/api/v1/sla-policies', { body })),
    refresh: adminKeys.slaPolicies,
    onSaved,
  });
  const minutesField = (field: 'firstResponseMinutes' | 'resolutionMinutes' | 'escalationStepMinutes', label: string) => {
    const n = parseTypedNumber(values[field]);
    return (
      <TextInput
        label={label}
        inputMode="decimal"
        required
        value={values[field]}
        onChange={(e) => update({ [field]: e.currentTarget.value })}
        description={n !== null && n > 0 ? duration(n) : undefined}
        error={fieldError(field)}
        data-field={field}
      />
    );
  };

  return (
    <EditDialog title={policy ? t('admin.sla.editTitle') : t('admin.sla.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NameInput value={values.name} onChange={(name) => update({ name })} error={fieldError('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('admin.sla.priority')}
              value={values.priority}
              onChange={(e) => update({ priority: TICKET_PRIORITIES.find((p) => p === e.currentTarget.value) ?? '' })}
              data={[{ value: '', label: t('admin.sla.anyPriority') }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
            />
            <NativeSelect
              label={t('admin.sla.type')}
              value={values.ticketType}
              onChange={(e) => update({ ticketType: TICKET_TYPES.find((x) => x === e.currentTarget.value) ?? '' })}
              data={[{ value: '', label: t('admin.sla.anyType') }, ...TICKET_TYPES.map((x) => ({ value: x, label: t(`ticketType.${x}`) }))]}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {minutesField('firstResponseMinutes', t('admin.sla.firstResponse'))}
            {minutesField('resolutionMinutes', t('admin.sla.resolution'))}
            {minutesField('escalationStepMinutes', t('admin.sla.escalationStep'))}
          </SimpleGrid>
          <Switch label={t('admin.common.active')} checked={values.active} onChange={(e) => update({ active: e.currentTarget.checked })} />
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
