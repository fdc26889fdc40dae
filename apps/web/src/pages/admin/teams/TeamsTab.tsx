import { Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useFormat, usePreferences } from '../../../format/preferences';
import { adminKeys, ASSIGNMENT_MODES, type Team } from '../admin-api';
import { EditDialog, FormButtons } from '../AdminParts';
import { NameInput } from '../common/NameInput';
import { SettingsList, SettingsTable } from '../common/SettingsList';
import { EditButton, RowName } from '../common/SettingsRow';
import { useSettingsEditor } from '../common/use-settings-editor';
import { useSettingsForm } from '../common/use-settings-form';
import { useActiveStaff, useCalendarsList, useCanEdit, useTeamsList } from '../use-admin-data';
import { teamBody, teamFormValues, validateTeamForm } from './team-form';

/** Teams: members, how tickets are assigned, the load limit and the calendar SLA clocks run on. */
export function TeamsTab() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  const canEdit = useCanEdit();
  const teams = useTeamsList();
  const calendars = useCalendarsList();
  const editor = useSettingsEditor<Team>();
  const calendarName = (id: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? t('admin.common.none')) : t('admin.teams.defaultCalendar');
  const list = teams.data ?? [];

  return (
    <SettingsList
      createLabel={t('admin.teams.create')}
      onCreate={() => editor.open('new')}
      editor={editor}
      query={teams}
      empty={t('admin.teams.empty')}
      isEmpty={list.length === 0}
      dialog={editor.isOpen ? <TeamDialog team={editor.item} onClose={editor.close} onSaved={editor.saved} /> : null}
    >
      <SettingsTable
        label={t('admin.tabs.teams')}
        minWidth={760}
        columns={[
          t('admin.common.name'),
          t('admin.teams.assignmentMode'),
          t('admin.teams.maxOpen'),
          t('admin.teams.calendar'),
          t('admin.teams.members'),
        ]}
      >
        {list.map((team) => (
          <Table.Tr key={team.id} data-testid="team-row" data-team-id={team.id}>
            <RowName name={language === 'en' && team.nameEn ? team.nameEn : team.name} maw={240} />
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
                <EditButton name={team.name} onClick={() => editor.open(team)} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </SettingsTable>
    </SettingsList>
  );
}

function TeamDialog({ team, onClose, onSaved }: { team: Team | null; onClose: () => void; onSaved: (team: Team) => void }) {
  const { t } = useTranslation();
  const staff = useActiveStaff();
  const calendars = useCalendarsList();
  const { values, update, fieldError, save, submit } = useSettingsForm({
    initial: () => teamFormValues(team),
    validate: validateTeamForm,
    toBody: teamBody,
    send: (body) =>
      team ? unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id: team.id } }, body })) : unwrap(api.POST('/api/v1/teams', { body })),
    refresh: adminKeys.teams,
    onSaved,
  });
  // Members who are no longer active still show, so saving does not drop them unseen.
  const people = [...(staff.data ?? []).filter((u) => u.role !== 'committee').map((u) => ({ id: u.id, name: u.name }))];
  for (const m of team?.members ?? []) if (!people.some((p) => p.id === m.id)) people.push({ id: m.id, name: m.name });

  return (
    <EditDialog title={team ? t('admin.teams.editTitle') : t('admin.teams.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NameInput value={values.name} onChange={(name) => update({ name })} error={fieldError('name')} />
          <NameInput english value={values.nameEn} onChange={(nameEn) => update({ nameEn })} error={fieldError('nameEn')} />
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
              error={fieldError('maxOpenPerOfficer')}
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
