import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useFormat, usePreferences } from '../../../format/preferences';
import { adminKeys, ASSIGNMENT_MODES, type Team } from '../admin-api';
import { EditDialog, focusFirstError, FormButtons, QueryState, SavedNotice } from '../AdminParts';
import { useActiveStaff, useCalendarsList, useCanEdit, useTeamsList } from '../use-admin-data';
import { teamBody, teamFormValues, type TeamFormErrors, type TeamFormValues, validateTeamForm } from './team-form';

/** Teams: members, how tickets are assigned, the load limit and the calendar SLA clocks run on. */
export function TeamsTab() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  const canEdit = useCanEdit();
  const teams = useTeamsList();
  const calendars = useCalendarsList();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const calendarName = (id: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? t('admin.common.none')) : t('admin.teams.defaultCalendar');
  const list = teams.data ?? [];

  return (
    <Stack gap="md">
      {canEdit ? (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('admin.teams.create')}</Button>
        </Group>
      ) : null}
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      <QueryState query={teams} empty={t('admin.teams.empty')} isEmpty={list.length === 0}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped className="data-table" aria-label={t('admin.tabs.teams')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.teams.assignmentMode')}</Table.Th>
                <Table.Th scope="col">{t('admin.teams.maxOpen')}</Table.Th>
                <Table.Th scope="col">{t('admin.teams.calendar')}</Table.Th>
                <Table.Th scope="col">{t('admin.teams.members')}</Table.Th>
                {canEdit ? <Table.Th scope="col">{t('admin.common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((team) => (
                <Table.Tr key={team.id} data-testid="team-row" data-team-id={team.id}>
                  <Table.Th scope="row" fw={600} className="wrap-anywhere" maw={240}>
                    <bdi>{language === 'en' && team.nameEn ? team.nameEn : team.name}</bdi>
                  </Table.Th>
                  <Table.Td>{t(`admin.teams.modes.${team.assignmentMode}`)}</Table.Td>
                  <Table.Td>{format.number(team.maxOpenPerOfficer)}</Table.Td>
                  <Table.Td>
                    <bdi>{calendarName(team.calendarId)}</bdi>
                  </Table.Td>
                  <Table.Td className="wrap-anywhere" maw={320}>
                    {team.members.length ? team.members.map((m) => m.name).join(language === 'ar' ? '، ' : ', ') : t('admin.teams.noMembers')}
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(team)}
                        aria-label={t('admin.common.editItem', { name: team.name })}
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
        <TeamDialog
          team={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(team) => {
            setNotice(t('admin.common.saved', { name: team.name }));
            setEditing(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

function TeamDialog({ team, onClose, onSaved }: { team: Team | null; onClose: () => void; onSaved: (team: Team) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useActiveStaff();
  const calendars = useCalendarsList();
  const [values, setValues] = useState<TeamFormValues>(() => teamFormValues(team));
  const [errors, setErrors] = useState<TeamFormErrors>({});
  const update = (patch: Partial<TeamFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof teamBody>) =>
      team ? unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id: team.id } }, body })) : unwrap(api.POST('/api/v1/teams', { body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      onSaved(saved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTeamForm(values);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(found);
    save.mutate(teamBody(values));
  };
  // Members who are no longer active still show, so saving does not drop them unseen.
  const people = [...(staff.data ?? []).filter((u) => u.role !== 'committee').map((u) => ({ id: u.id, name: u.name }))];
  for (const m of team?.members ?? []) if (!people.some((p) => p.id === m.id)) people.push({ id: m.id, name: m.name });

  return (
    <EditDialog title={team ? t('admin.teams.editTitle') : t('admin.teams.createTitle')} onClose={onClose}>
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
          <TextInput
            label={t('admin.common.nameEn')}
            dir="ltr"
            maxLength={120}
            value={values.nameEn}
            onChange={(e) => update({ nameEn: e.currentTarget.value })}
            error={errors.nameEn ? t(`admin.validation.${errors.nameEn}`) : undefined}
            data-field="nameEn"
          />
          <Group grow align="start" wrap="wrap">
            <NativeSelect
              label={t('admin.teams.assignmentMode')}
              value={values.assignmentMode}
              onChange={(e) => {
                const mode = ASSIGNMENT_MODES.find((m) => m === e.currentTarget.value);
                if (mode) update({ assignmentMode: mode });
              }}
              data={ASSIGNMENT_MODES.map((m) => ({ value: m, label: t(`admin.teams.modes.${m}`) }))}
              miw={200}
            />
            <TextInput
              label={t('admin.teams.maxOpen')}
              inputMode="numeric"
              value={values.maxOpenPerOfficer}
              onChange={(e) => update({ maxOpenPerOfficer: e.currentTarget.value })}
              error={errors.maxOpenPerOfficer ? t(`admin.validation.${errors.maxOpenPerOfficer}`) : undefined}
              data-field="maxOpenPerOfficer"
              miw={200}
            />
          </Group>
          <NativeSelect
            label={t('admin.teams.calendar')}
            value={values.calendarId}
            onChange={(e) => update({ calendarId: e.currentTarget.value })}
            data={[{ value: '', label: t('admin.teams.defaultCalendar') }, ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
          {staff.isPending ? (
            <Loading />
          ) : staff.isError ? (
            <ErrorAlert error={staff.error} title={t('admin.teams.staffUnavailable')} onRetry={() => void staff.refetch()} />
          ) : people.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('admin.teams.noStaff')}
            </Text>
          ) : (
            <Checkbox.Group label={t('admin.teams.members')} value={values.memberIds} onChange={(memberIds) => update({ memberIds })}>
              <Stack gap={6} mt={6} mah={260} style={{ overflowY: 'auto' }}>
                {people.map((p) => (
                  <Checkbox key={p.id} value={p.id} label={p.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
