import { Alert, Button, Group, NativeSelect, Paper, Select, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { TICKET_PRIORITIES, type TicketPriority } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../format/preferences';
import type { StaffDirectory } from '../../hooks/use-staff';

const UNASSIGN = '__unassign__';

/** Supervisors and admins: assign the selected tickets to someone and/or change their priority (POST /api/v1/tickets/bulk). */
export function BulkBar({
  ids,
  staff,
  onDone,
  onClear,
}: {
  ids: string[];
  staff: StaffDirectory;
  onDone: (updated: number) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [priority, setPriority] = useState<TicketPriority | ''>('');
  const [nothing, setNothing] = useState(false);
  const bulk = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/tickets/bulk', {
          body: {
            ticketIds: ids,
            ...(assignee ? { assigneeId: assignee === UNASSIGN ? null : assignee } : {}),
            ...(priority ? { priority } : {}),
          },
        }),
      ),
    onSuccess: (result) => {
      setAssignee(null);
      setPriority('');
      onDone(result.items.length);
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" bg="blue.0" component="section" aria-label={t('queue.bulk.label')} data-testid="bulk-bar">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fw={700} size="sm" role="status" aria-live="polite">
          {t('queue.bulk.selected', { count: ids.length, n: format.number(ids.length) })}
        </Text>
        <Select
          label={t('queue.bulk.assignTo')}
          placeholder={t('queue.bulk.chooseOfficer')}
          data={[{ value: UNASSIGN, label: t('queue.bulk.unassign') }, ...staff.assignable.map((p) => ({ value: p.id, label: p.name }))]}
          value={assignee}
          onChange={(v) => {
            setAssignee(v);
            setNothing(false);
          }}
          searchable
          clearable
          miw={220}
        />
        <NativeSelect
          label={t('queue.bulk.priority')}
          value={priority}
          onChange={(e) => {
            setPriority(e.currentTarget.value as TicketPriority | '');
            setNothing(false);
          }}
          data={[{ value: '', label: t('queue.bulk.keepPriority') }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
        />
        <Button
          onClick={() => {
            if (!assignee && !priority) {
              setNothing(true);
              return;
            }
            bulk.mutate();
          }}
          loading={bulk.isPending}
        >
          {t('queue.bulk.apply')}
        </Button>
        <Button variant="subtle" onClick={onClear}>
          {t('queue.bulk.clear')}
        </Button>
      </Group>
      {nothing ? (
        <Alert color="yellow" variant="light" mt="xs" role="alert">
          {t('queue.bulk.nothing')}
        </Alert>
      ) : null}
      {bulk.isError ? <ErrorAlert error={bulk.error} /> : null}
    </Paper>
  );
}
