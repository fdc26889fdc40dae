import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { TICKET_PRIORITIES, TICKET_TYPES } from '../../../api/views';
import { useFormat } from '../../../format/preferences';
import { adminKeys, type SlaPolicy } from '../admin-api';
import { EditDialog, focusFirstError, FormButtons, QueryState, SavedNotice } from '../AdminParts';
import { parseTypedNumber } from '../number-input';
import { useCanEdit } from '../use-admin-data';
import { policyScope, slaBody, slaFormValues, type SlaFormErrors, type SlaFormValues, validateSlaForm, workingDuration } from './sla-form';

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
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('admin.sla.intro')}
      </Text>
      {canEdit ? (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('admin.sla.create')}</Button>
        </Group>
      ) : null}
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      <QueryState query={policies} empty={t('admin.sla.empty')} isEmpty={list.length === 0}>
        <Table.ScrollContainer minWidth={880}>
          <Table striped className="data-table" aria-label={t('admin.tabs.sla')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.sla.scopeLabel')}</Table.Th>
                <Table.Th scope="col">{t('admin.sla.priority')}</Table.Th>
                <Table.Th scope="col">{t('admin.sla.type')}</Table.Th>
                <Table.Th scope="col">{t('admin.sla.firstResponse')}</Table.Th>
                <Table.Th scope="col">{t('admin.sla.resolution')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                {canEdit ? <Table.Th scope="col">{t('admin.common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((policy) => (
                <Table.Tr key={policy.id} data-testid="sla-row">
                  <Table.Th scope="row" fw={600} className="wrap-anywhere" maw={220}>
                    <bdi>{policy.name}</bdi>
                  </Table.Th>
                  <Table.Td>{t(`admin.sla.scope.${policyScope(policy)}`)}</Table.Td>
                  <Table.Td>{policy.priority ? t(`priority.${policy.priority as 'low'}`) : t('admin.sla.anyPriority')}</Table.Td>
                  <Table.Td>{policy.ticketType ? t(`ticketType.${policy.ticketType as 'other'}`) : t('admin.sla.anyType')}</Table.Td>
                  <Table.Td>{minutesCell(policy.firstResponseMinutes)}</Table.Td>
                  <Table.Td>{minutesCell(policy.resolutionMinutes)}</Table.Td>
                  <Table.Td>
                    <Badge color={policy.active ? 'teal' : 'gray'} variant="light" tt="none">
                      {policy.active ? t('admin.common.active') : t('admin.common.inactive')}
                    </Badge>
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(policy)}
                        aria-label={t('admin.common.editItem', { name: policy.name })}
                      >
                        {t('admin.common.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      {editing ? (
        <SlaDialog
          policy={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setNotice(t('admin.common.saved', { name: saved.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

function SlaDialog({ policy, onClose, onSaved }: { policy: SlaPolicy | null; onClose: () => void; onSaved: (p: SlaPolicy) => void }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SlaFormValues>(() => slaFormValues(policy));
  const [errors, setErrors] = useState<SlaFormErrors>({});
  const update = (patch: Partial<SlaFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof slaBody>) =>
      policy
        ? unwrap(api.PATCH('/api/v1/sla-policies/{id}', { params: { path: { id: policy.id } }, body }))
        : unwrap(api.POST('/api/v1/sla-policies', { body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.slaPolicies });
      onSaved(saved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateSlaForm(values);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(found);
    save.mutate(slaBody(values));
  };
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
        error={errors[field] ? t(`admin.validation.${errors[field]}`) : undefined}
        data-field={field}
      />
    );
  };

  return (
    <EditDialog title={policy ? t('admin.sla.editTitle') : t('admin.sla.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('admin.common.name')}
            required
            maxLength={120}
            value={values.name}
            onChange={(e) => update({ name: e.currentTarget.value })}
            error={errors.name ? t(`admin.validation.${errors.name}`) : undefined}
            data-field="name"
          />
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
