import { Button, Group, MultiSelect, NativeSelect, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../api/views';
import { usePreferences } from '../../format/preferences';
import type { StaffDirectory } from '../../hooks/use-staff';
import { teamName } from '../users/teams';
import { activeFilterCount, EMPTY_FILTERS, QUEUE_SORTS, type QueueFilters, type QueueSettings, type QueueSort } from './queue-view';

/** Search, filters and sort of the queue; every change is kept for this user (localStorage). */
export function QueueFilterBar({
  settings,
  onChange,
  staff,
}: {
  settings: QueueSettings;
  onChange: (next: QueueSettings) => void;
  staff: StaffDirectory;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { filters, view } = settings;
  const [text, setText] = useState(filters.q);
  const [debounced] = useDebouncedValue(text, 400);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...settings, filters: { ...filters, ...patch } });

  useEffect(() => {
    if (debounced !== filters.q) onChange({ ...settings, filters: { ...filters, q: debounced } });
    // only when the typed text settles
  }, [debounced]);

  const teams = view === 'team' ? staff.teams.filter((team) => staff.myTeamIds.includes(team.id)) : staff.teams;
  const count = activeFilterCount(filters);

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={count ? t('queue.filtersActive', { n: count }) : t('queue.filtersTitle')}>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text });
        }}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('queue.search')}
            placeholder={t('queue.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            type="search"
            miw={240}
            style={{ flex: '2 1 16rem' }}
            data-testid="queue-search"
          />
          <MultiSelect
            label={t('queue.filterStatus')}
            data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={view === 'committee' ? ['with_committee'] : filters.status}
            onChange={(status) => set({ status })}
            disabled={view === 'committee'}
            clearable
            miw={160}
            style={{ flex: '1 1 10rem' }}
          />
          <MultiSelect
            label={t('queue.filterChannel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            value={filters.channel}
            onChange={(channel) => set({ channel })}
            clearable
            miw={160}
            style={{ flex: '1 1 10rem' }}
          />
          <MultiSelect
            label={t('queue.filterType')}
            data={TICKET_TYPES.map((c) => ({ value: c, label: t(`ticketType.${c}`) }))}
            value={filters.type}
            onChange={(type) => set({ type })}
            clearable
            miw={150}
            style={{ flex: '1 1 9rem' }}
          />
          <MultiSelect
            label={t('queue.filterPriority')}
            data={TICKET_PRIORITIES.map((c) => ({ value: c, label: t(`priority.${c}`) }))}
            value={filters.priority}
            onChange={(priority) => set({ priority })}
            clearable
            miw={150}
            style={{ flex: '1 1 9rem' }}
          />
          <Select
            label={t('queue.filterTeam')}
            placeholder={t('queue.anyTeam')}
            data={teams.map((team) => ({ value: team.id, label: teamName(team, language) }))}
            value={filters.teamId}
            onChange={(teamId) => set({ teamId })}
            clearable
            searchable
            miw={160}
            style={{ flex: '1 1 10rem' }}
          />
          <Select
            label={t('queue.filterAssignee')}
            placeholder={t('queue.anyAssignee')}
            data={staff.assignable.map((p) => ({ value: p.id, label: p.name }))}
            value={filters.assigneeId}
            onChange={(assigneeId) => set({ assigneeId })}
            disabled={view === 'mine' || view === 'unassigned'}
            clearable
            searchable
            miw={160}
            style={{ flex: '1 1 10rem' }}
          />
          <NativeSelect
            label={t('queue.sort')}
            value={filters.sort}
            onChange={(e) => set({ sort: e.currentTarget.value as QueueSort })}
            data={QUEUE_SORTS.map((s) => ({ value: s, label: t(`queue.sorts.${s}`) }))}
            miw={150}
            style={{ flex: '1 1 9rem' }}
          />
          {count > 0 ? (
            <Button
              variant="subtle"
              onClick={() => {
                setText('');
                onChange({ ...settings, filters: { ...EMPTY_FILTERS, sort: filters.sort } });
              }}
            >
              {t('queue.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </form>
    </Paper>
  );
}
