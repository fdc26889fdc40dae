import { ActionIcon, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { DualDate } from '../../../format/DualDate';
import { useFormat, usePreferences } from '../../../format/preferences';
import { adminKeys, type BusinessCalendar, type WorkingInterval } from '../admin-api';
import { EditDialog, FormButtons } from '../AdminParts';
import { NameInput } from '../common/NameInput';
import { SettingsList } from '../common/SettingsList';
import { EditButton } from '../common/SettingsRow';
import { useSettingsEditor } from '../common/use-settings-editor';
import { useSettingsForm } from '../common/use-settings-form';
import { useCalendarsList, useCanEdit } from '../use-admin-data';
import { calendarBody, calendarDayInstant, calendarFormValues, newCalendarValues, validateCalendarForm, WEEK_DAYS } from './calendar-form';

/** A calendar day with its Hijri date beside the Gregorian one. */
function CalendarDay({ date }: { date: string }) {
  return <DualDate value={calendarDayInstant(date)} />;
}

function useHours() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  const digits = (hm: string) => hm.replace(/\d+/g, (n) => format.number(Number(n)).padStart(n.length, format.number(0)));
  return (hours: readonly WorkingInterval[]) =>
    hours.length ? hours.map((h) => `${digits(h.start)}–${digits(h.end)}`).join(language === 'ar' ? '، ' : ', ') : t('admin.calendars.closed');
}

/** Business calendars: weekly hours in Riyadh time, dated holidays and special times, each date in Hijri and Gregorian. */
export function CalendarsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const hours = useHours();
  const canEdit = useCanEdit();
  const calendars = useCalendarsList();
  const editor = useSettingsEditor<BusinessCalendar>();
  const list = calendars.data ?? [];

  return (
    <SettingsList
      intro={t('admin.calendars.intro')}
      createLabel={t('admin.calendars.create')}
      onCreate={() => editor.open('new')}
      editor={editor}
      query={calendars}
      empty={t('admin.calendars.empty')}
      isEmpty={list.length === 0}
      dialog={editor.isOpen ? <CalendarDialog calendar={editor.item} onClose={editor.close} onSaved={editor.saved} /> : null}
    >
      {list.map((calendar) => (
        <Card
          key={calendar.id}
          withBorder
          padding="md"
          data-testid="calendar-card"
          data-calendar-id={calendar.id}
          component="section"
          aria-label={calendar.name}
        >
          <Group justify="space-between" align="start" mb="sm">
            <Stack gap={2}>
              <Group gap="xs">
                <Title order={2} size="h4">
                  <bdi>{calendar.name}</bdi>
                </Title>
                {calendar.isDefault ? (
                  <Badge variant="light" tt="none">
                    {t('admin.calendars.isDefault')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {t('admin.calendars.timeZone')}: <bdi dir="ltr">{calendar.timeZone}</bdi> ·{' '}
                {t('admin.calendars.summary', {
                  holidays: format.number(calendar.holidays.length),
                  overrides: format.number(calendar.overrides.length),
                })}
              </Text>
            </Stack>
            {canEdit ? <EditButton name={calendar.name} onClick={() => editor.open(calendar)} variant="light" /> : null}
          </Group>
          <Table className="data-table" aria-label={t('admin.calendars.weekly')} maw={520} mb="sm">
            <Table.Tbody>
              {WEEK_DAYS.map((day, i) => (
                <Table.Tr key={day}>
                  <Table.Th scope="row" w={140}>
                    {t(`admin.calendars.days.${day}`)}
                  </Table.Th>
                  <Table.Td>{hours(calendar.weekly[i] ?? [])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5" mb={4}>
            {t('admin.calendars.holidays')}
          </Title>
          {calendar.holidays.length ? (
            <Stack gap={2} component="ul" className="plain-list" mb="sm">
              {calendar.holidays.map((h) => (
                <Text component="li" size="sm" key={h.date} data-testid="calendar-holiday" data-date={h.date}>
                  <CalendarDay date={h.date} />
                  {h.name ? (
                    <>
                      {' — '}
                      <bdi>{h.name}</bdi>
                    </>
                  ) : null}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mb="sm">
              {t('admin.calendars.noHolidays')}
            </Text>
          )}
          <Title order={3} size="h5" mb={4}>
            {t('admin.calendars.overrides')}
          </Title>
          {calendar.overrides.length ? (
            <Stack gap={2} component="ul" className="plain-list">
              {calendar.overrides.map((o) => (
                <Text component="li" size="sm" key={`${o.from}-${o.to}`} data-testid="calendar-override">
                  {o.name ? (
                    <>
                      <bdi>{o.name}</bdi>:{' '}
                    </>
                  ) : null}
                  {t('admin.calendars.from')} <CalendarDay date={o.from} /> {t('admin.calendars.to')} <CalendarDay date={o.to} /> ({hours(o.hours)})
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('admin.calendars.noOverrides')}
            </Text>
          )}
        </Card>
      ))}
    </SettingsList>
  );
}

function IntervalFields({
  value,
  onChange,
  onRemove,
  error,
  field,
  dayName,
}: {
  value: WorkingInterval;
  onChange: (v: WorkingInterval) => void;
  onRemove: () => void;
  error?: string;
  field: string;
  dayName: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="end" wrap="nowrap">
      <TextInput
        type="time"
        label={t('admin.calendars.from')}
        aria-label={`${dayName}: ${t('admin.calendars.from')}`}
        value={value.start}
        onChange={(e) => onChange({ ...value, start: e.currentTarget.value })}
        error={error}
        data-field={field}
        dir="ltr"
        w={120}
        size="xs"
      />
      <TextInput
        type="time"
        label={t('admin.calendars.to')}
        aria-label={`${dayName}: ${t('admin.calendars.to')}`}
        value={value.end}
        onChange={(e) => onChange({ ...value, end: e.currentTarget.value })}
        dir="ltr"
        w={120}
        size="xs"
      />
      <ActionIcon variant="subtle" color="red" aria-label={`${dayName}: ${t('admin.calendars.removeInterval')}`} onClick={onRemove} mb={4}>
        <span aria-hidden="true">✕</span>
      </ActionIcon>
    </Group>
  );
}

function CalendarDialog({
  calendar,
  onClose,
  onSaved,
}: {
  calendar: BusinessCalendar | null;
  onClose: () => void;
  onSaved: (c: BusinessCalendar) => void;
}) {
  const { t } = useTranslation();
  const { values, update, fieldError, save, submit } = useSettingsForm({
    initial: () => (calendar ? calendarFormValues(calendar) : newCalendarValues()),
    validate: validateCalendarForm,
    toBody: calendarBody,
    send: (body) =>
      calendar
        ? unwrap(api.PUT('/api/v1/business-calendars/{id}', { params: { path: { id: calendar.id } }, body }))
        : unwrap(api.POST('/api/v1/business-calendars', { body })),
    refresh: adminKeys.calendars,
    onSaved,
  });
  const setDay = (d: number, hours: WorkingInterval[]) => update({ weekly: values.weekly.map((x, i) => (i === d ? hours : x)) });

  return (
    <EditDialog title={calendar ? t('admin.calendars.editTitle') : t('admin.calendars.createTitle')} onClose={onClose} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="start" wrap="wrap">
            <NameInput value={values.name} onChange={(name) => update({ name })} error={fieldError('name')} miw={220} />
            <TextInput
              label={t('admin.calendars.timeZone')}
              description={t('admin.calendars.timeZoneHint')}
              required
              dir="ltr"
              value={values.timeZone}
              onChange={(e) => update({ timeZone: e.currentTarget.value })}
              error={fieldError('timeZone')}
              data-field="timeZone"
              miw={220}
            />
          </Group>
          <Checkbox
            label={t('admin.calendars.isDefault')}
            description={t('admin.calendars.isDefaultHint')}
            checked={values.isDefault}
            onChange={(e) => update({ isDefault: e.currentTarget.checked })}
          />

          <Title order={3} size="h5">
            {t('admin.calendars.weekly')}
          </Title>
          {WEEK_DAYS.map((day, d) => {
            const dayName = t(`admin.calendars.days.${day}`);
            const hours = values.weekly[d] ?? [];
            return (
              <Group key={day} align="end" gap="sm" wrap="wrap" data-testid="calendar-day">
                <Text fw={600} w={90}>
                  {dayName}
                </Text>
                {hours.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('admin.calendars.closed')}
                  </Text>
                ) : null}
                {hours.map((h, i) => (
                  <IntervalFields
                    key={i}
                    value={h}
                    dayName={dayName}
                    field={`weekly.${d}.${i}`}
                    error={fieldError(`weekly.${d}.${i}`)}
                    onChange={(v) =>
                      setDay(
                        d,
                        hours.map((x, j) => (j === i ? v : x)),
                      )
                    }
                    onRemove={() =>
                      setDay(
                        d,
                        hours.filter((_, j) => j !== i),
                      )
                    }
                  />
                ))}
                <Button size="compact-xs" variant="subtle" onClick={() => setDay(d, [...hours, { start: '08:00', end: '15:00' }])}>
                  {t('admin.calendars.addInterval', { day: dayName })}
                </Button>
              </Group>
            );
          })}

          <Title order={3} size="h5">
            {t('admin.calendars.holidays')}
          </Title>
          {values.holidays.map((h, i) => (
            <Group key={i} align="end" gap="sm" wrap="wrap" data-testid="holiday-row">
              <TextInput
                type="date"
                label={t('admin.calendars.holidayDate')}
                value={h.date}
                onChange={(e) => update({ holidays: values.holidays.map((x, j) => (j === i ? { ...x, date: e.currentTarget.value } : x)) })}
                error={fieldError(`holidays.${i}`)}
                data-field={`holidays.${i}`}
                dir="ltr"
              />
              <TextInput
                label={t('admin.calendars.holidayName')}
                maxLength={120}
                value={h.name ?? ''}
                onChange={(e) => update({ holidays: values.holidays.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })}
              />
              <Text size="sm" pb={6} data-testid="holiday-preview">
                <CalendarDay date={h.date} />
              </Text>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => update({ holidays: values.holidays.filter((_, j) => j !== i) })}
                mb={4}
              >
                {t('admin.calendars.removeHoliday')}
              </Button>
            </Group>
          ))}
          <div>
            <Button size="compact-sm" variant="light" onClick={() => update({ holidays: [...values.holidays, { date: '', name: '' }] })}>
              {t('admin.calendars.addHoliday')}
            </Button>
          </div>

          <Title order={3} size="h5">
            {t('admin.calendars.overrides')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('admin.calendars.overridesHint')}
          </Text>
          {values.overrides.map((o, i) => {
            const setOverride = (patch: Partial<typeof o>) =>
              update({ overrides: values.overrides.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            const name = o.name || t('admin.calendars.overrides');
            return (
              <Card key={i} withBorder padding="sm" data-testid="override-row">
                <Group align="end" gap="sm" wrap="wrap">
                  <TextInput
                    label={t('admin.calendars.overrideName')}
                    maxLength={120}
                    value={o.name ?? ''}
                    onChange={(e) => setOverride({ name: e.currentTarget.value })}
                  />
                  <TextInput
                    type="date"
                    label={t('admin.calendars.fromDate')}
                    value={o.from}
                    onChange={(e) => setOverride({ from: e.currentTarget.value })}
                    error={fieldError(`overrides.${i}`)}
                    data-field={`overrides.${i}`}
                    dir="ltr"
                  />
                  <TextInput
                    type="date"
                    label={t('admin.calendars.toDate')}
                    value={o.to}
                    onChange={(e) => setOverride({ to: e.currentTarget.value })}
                    dir="ltr"
                  />
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => update({ overrides: values.overrides.filter((_, j) => j !== i) })}
                    mb={4}
                  >
                    {t('admin.calendars.removeOverride')}
                  </Button>
                </Group>
                <Text size="sm" mt={4}>
                  <CalendarDay date={o.from} /> — <CalendarDay date={o.to} />
                </Text>
                <Group gap="sm" mt="xs" align="end" wrap="wrap">
                  {o.hours.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('admin.calendars.closedAllDay')}
                    </Text>
                  ) : null}
                  {o.hours.map((h, k) => (
                    <IntervalFields
                      key={k}
                      value={h}
                      dayName={name}
                      field={`overrides.${i}.${k}`}
                      onChange={(v) => setOverride({ hours: o.hours.map((x, j) => (j === k ? v : x)) })}
                      onRemove={() => setOverride({ hours: o.hours.filter((_, j) => j !== k) })}
                    />
                  ))}
                  <Button size="compact-xs" variant="subtle" onClick={() => setOverride({ hours: [...o.hours, { start: '10:00', end: '15:00' }] })}>
                    {t('admin.calendars.addOverrideHours')}
                  </Button>
                </Group>
              </Card>
            );
          })}
          <div>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => update({ overrides: [...values.overrides, { from: '', to: '', hours: [], name: '' }] })}
            >
              {t('admin.calendars.addOverride')}
            </Button>
          </div>
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
