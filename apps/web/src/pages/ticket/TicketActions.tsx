import { Button, Group, Modal, NativeSelect, Select, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { TICKET_PRIORITIES, type TicketDetailView, type TicketPriority, type TicketStatus, type TicketView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePreferences } from '../../format/preferences';
import type { StaffDirectory } from '../../hooks/use-staff';
import { teamName } from '../users/teams';
import { SidePanel } from './Timeline';

type Dialog = 'refer' | 'escalate' | 'resolve' | 'status' | null;

/** Claim / release / assign, refer, escalate, status, resolve, and priority / category / team / tags. */
export function TicketActions({
  ticket,
  selfId,
  staff,
  onChanged,
}: {
  ticket: TicketDetailView;
  selfId: string;
  staff: StaffDirectory;
  onChanged: (t: TicketView, message: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [edit, setEdit] = useState<{ priority?: TicketPriority; categoryId?: string | null; teamId?: string | null; tags?: string[] }>({});
  const id = ticket.id;
  const path = { params: { path: { id } } };
  const closed = ticket.status === 'closed';

  const categories = useQuery({ queryKey: ['categories'], queryFn: () => unwrap(api.GET('/api/v1/categories')), staleTime: 5 * 60_000 });

  const act = useMutation({
    mutationFn: async (action: () => Promise<TicketView>) => action(),
    onSuccess: (updated) => {
      setDialog(null);
      setReason('');
      setEdit({});
      setAssignee(null);
      onChanged(updated, t('ticket.actions.done'));
    },
  });
  const run = (action: () => Promise<TicketView>) => act.mutate(action);
  const open = (d: Dialog) => {
    act.reset();
    setReason('');
    setStatus(ticket.allowedStatuses.find((s) => s !== 'resolved') ?? '');
    setDialog(d);
  };

  const statuses = ticket.allowedStatuses.filter((s) => s !== 'resolved');
  const canResolve = ticket.allowedStatuses.includes('resolved');
  const changed = Object.keys(edit).length > 0;
  const value = <K extends keyof typeof edit>(k: K, current: NonNullable<(typeof edit)[K]> | null) => (k in edit ? edit[k] : current);

  return (
    <SidePanel title={t('ticket.actions.title')} testId="ticket-actions">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          {!closed && !ticket.assignee ? (
            <Button
              size="compact-sm"
              onClick={() => run(() => unwrap(api.POST('/api/v1/tickets/{id}/assign', { ...path, body: { assigneeId: selfId } })))}
            >
              {t('ticket.actions.claim')}
            </Button>
          ) : null}
          {!closed && ticket.assignee?.id === selfId ? (
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => run(() => unwrap(api.POST('/api/v1/tickets/{id}/assign', { ...path, body: { assigneeId: null } })))}
            >
              {t('ticket.actions.release')}
            </Button>
          ) : null}
          {!closed ? (
            <>
              <Button size="compact-sm" variant="default" onClick={() => open('refer')}>
                {t('ticket.actions.refer')}
              </Button>
              <Button size="compact-sm" variant="default" color="red" onClick={() => open('escalate')}>
                {t('ticket.actions.escalate')}
              </Button>
            </>
          ) : null}
          {statuses.length ? (
            <Button size="compact-sm" variant="default" onClick={() => open('status')}>
              {t('ticket.actions.status')}
            </Button>
          ) : null}
          {canResolve ? (
            <Button size="compact-sm" color="green" onClick={() => open('resolve')}>
              {t('ticket.actions.resolve')}
            </Button>
          ) : null}
        </Group>

        {staff.isLead && !closed ? (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={t('ticket.actions.assignTo')}
              placeholder={t('ticket.actions.chooseOfficer')}
              data={staff.assignable.filter((p) => p.id !== ticket.assignee?.id).map((p) => ({ value: p.id, label: p.name }))}
              value={assignee}
              onChange={setAssignee}
              searchable
              style={{ flex: 1 }}
              data-testid="assign-select"
            />
            <Button
              size="sm"
              disabled={!assignee}
              onClick={() => assignee && run(() => unwrap(api.POST('/api/v1/tickets/{id}/assign', { ...path, body: { assigneeId: assignee } })))}
            >
              {t('ticket.actions.assign')}
            </Button>
          </Group>
        ) : null}

        {!closed ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!changed) return;
              run(() => unwrap(api.PATCH('/api/v1/tickets/{id}', { ...path, body: edit })));
            }}
          >
            <Stack gap="xs">
              <NativeSelect
                label={t('ticket.actions.priority')}
                value={value('priority', ticket.priority as TicketPriority) ?? ticket.priority}
                onChange={(e) => setEdit((x) => ({ ...x, priority: e.currentTarget.value as TicketPriority }))}
                data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              />
              <Select
                label={t('ticket.actions.category')}
                placeholder={t('ticket.actions.noCategory')}
                data={(categories.data ?? [])
                  .filter((c) => c.active || c.id === ticket.category?.id)
                  .map((c) => ({ value: c.id, label: language === 'en' && c.nameEn ? c.nameEn : c.name }))}
                value={value('categoryId', ticket.category?.id ?? null) ?? null}
                onChange={(categoryId) => setEdit((x) => ({ ...x, categoryId }))}
                clearable
                searchable
              />
              <Select
                label={t('ticket.actions.team')}
                placeholder={t('ticket.actions.noTeam')}
                data={staff.teams.map((team) => ({ value: team.id, label: teamName(team, language) }))}
                value={value('teamId', ticket.team?.id ?? null) ?? null}
                onChange={(teamId) => setEdit((x) => ({ ...x, teamId }))}
                clearable
                searchable
              />
              <TagsInput
                label={t('ticket.actions.tags')}
                description={t('ticket.actions.tagsHint')}
                value={value('tags', ticket.tags) ?? []}
                onChange={(tags) => setEdit((x) => ({ ...x, tags }))}
                maxTags={20}
                clearable
              />
              <Group justify="flex-end">
                <Button type="submit" size="compact-sm" variant="light" disabled={!changed} loading={act.isPending && !dialog}>
                  {t('ticket.actions.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {act.isError && !dialog ? <ErrorAlert error={act.error} /> : null}
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog === 'refer'
            ? t('ticket.actions.refer')
            : dialog === 'escalate'
              ? t('ticket.actions.escalate')
              : dialog === 'resolve'
                ? t('ticket.actions.resolve')
                : t('ticket.actions.status')
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (dialog === 'refer') run(() => unwrap(api.POST('/api/v1/tickets/{id}/refer', { ...path, body: { reason: reason.trim() } })));
            if (dialog === 'escalate') run(() => unwrap(api.POST('/api/v1/tickets/{id}/escalate', { ...path, body: { reason: reason.trim() } })));
            if (dialog === 'resolve')
              run(() => unwrap(api.POST('/api/v1/tickets/{id}/resolve', { ...path, body: reason.trim() ? { note: reason.trim() } : {} })));
            if (dialog === 'status' && status)
              run(() =>
                unwrap(
                  api.POST('/api/v1/tickets/{id}/status', {
                    ...path,
                    body: { status: status as TicketStatus, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  }),
                ),
              );
          }}
        >
          <Stack gap="sm">
            {dialog === 'refer' ? <Text size="sm">{t('ticket.actions.referHint')}</Text> : null}
            {dialog === 'escalate' ? <Text size="sm">{t('ticket.actions.escalateHint')}</Text> : null}
            {dialog === 'resolve' ? <Text size="sm">{t('ticket.actions.resolveHint')}</Text> : null}
            {dialog === 'status' ? (
              <NativeSelect
                label={t('ticket.actions.newStatus')}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value)}
                data={statuses.map((s) => ({ value: s, label: t(`status.${s}` as 'status.new', { defaultValue: s }) }))}
              />
            ) : null}
            <Textarea
              label={
                dialog === 'resolve'
                  ? t('ticket.actions.resolveNote')
                  : dialog === 'status'
                    ? t('ticket.actions.statusReason')
                    : t('ticket.actions.reason')
              }
              description={dialog === 'refer' || dialog === 'escalate' ? t('ticket.actions.reasonHint') : undefined}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required={dialog === 'refer' || dialog === 'escalate'}
              minLength={dialog === 'refer' || dialog === 'escalate' ? 3 : undefined}
              autosize
              minRows={3}
              data-autofocus
            />
            {act.isError ? <ErrorAlert error={act.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('ticket.actions.cancel')}
              </Button>
              <Button type="submit" loading={act.isPending}>
                {t('ticket.actions.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SidePanel>
  );
}
