import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { CHANNELS, TICKET_PRIORITIES, TICKET_TYPES } from '../../../api/views';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFormat, usePreferences } from '../../../format/preferences';
import { adminKeys, CONTACT_KINDS, type RoutingRule } from '../admin-api';
import { EditDialog, FormButtons } from '../AdminParts';
import { NameInput } from '../common/NameInput';
import { SettingsList, SettingsTable } from '../common/SettingsList';
import { ActiveBadge, EditButton, RowName } from '../common/SettingsRow';
import { useSettingsEditor } from '../common/use-settings-editor';
import { useSettingsForm } from '../common/use-settings-form';
import { joinTextList } from '../text-list';
import { useCanEdit, useCategoriesList, useTeamsList } from '../use-admin-data';
import { isDefaultRule, ruleBody, ruleFormValues, validateRuleForm } from './rule-form';
import { moveRule } from './rule-order';

/** Routing rules in order (first match wins), with their conditions and actions; admins reorder, edit and delete. */
export function RoutingTab() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormat();
  const canEdit = useCanEdit();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: adminKeys.routingRules, queryFn: () => unwrap(api.GET('/api/v1/routing-rules')) });
  const teams = useTeamsList();
  const categories = useCategoriesList();
  const editor = useSettingsEditor<RoutingRule>();
  const [removing, setRemoving] = useState<RoutingRule | null>(null);
  const list = [...(rules.data ?? [])].sort((a, b) => a.position - b.position);
  const sep = language === 'ar' ? '، ' : ', ';
  const teamName = (id?: string) => teams.data?.find((x) => x.id === id)?.name ?? t('admin.common.none');
  const categoryName = (id?: string) => categories.data?.find((x) => x.id === id)?.name ?? t('admin.common.none');

  const move = useMutation({
    mutationFn: async ({ id, direction }: { id: string; direction: 'up' | 'down' }) => {
      const order = moveRule(list, id, direction);
      if (!order) return;
      queryClient.setQueryData(adminKeys.routingRules, order);
      // One call for the whole order: it applies entirely or not at all.
      await unwrap(api.PUT('/api/v1/routing-rules/order', { body: { ids: order.map((r) => r.id) } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.routingRules }),
  });

  const conditionsText = (rule: RoutingRule) => {
    const c = rule.conditions;
    if (isDefaultRule(c)) return t('admin.routing.anyTicket');
    const parts: string[] = [];
    if (c.channels?.length) parts.push(`${t('admin.routing.channels')}: ${c.channels.map((x) => t(`channel.${x}`)).join(sep)}`);
    if (c.types?.length) parts.push(`${t('admin.routing.types')}: ${c.types.map((x) => t(`ticketType.${x}`)).join(sep)}`);
    if (c.categoryIds?.length) parts.push(`${t('admin.routing.categories')}: ${c.categoryIds.map(categoryName).join(sep)}`);
    if (c.contactKinds?.length) parts.push(`${t('admin.routing.contactKinds')}: ${c.contactKinds.map((x) => t(`admin.contactKind.${x}`)).join(sep)}`);
    if (c.keywords?.length) parts.push(`${t('admin.routing.keywords')}: ${joinTextList(c.keywords, language)}`);
    return parts.join(' · ');
  };
  const actionsText = (rule: RoutingRule) => {
    const a = rule.actions;
    const parts: string[] = [];
    if (a.teamId) parts.push(`${t('admin.routing.team')}: ${teamName(a.teamId)}`);
    if (a.categoryId) parts.push(`${t('admin.routing.category')}: ${categoryName(a.categoryId)}`);
    if (a.priority) parts.push(`${t('admin.routing.priority')}: ${t(`priority.${a.priority}`)}`);
    if (a.tags?.length) parts.push(`${t('admin.routing.tags')}: ${joinTextList(a.tags, language)}`);
    return parts.join(' · ') || t('admin.common.none');
  };

  return (
    <SettingsList
      intro={t('admin.routing.intro')}
      createLabel={t('admin.routing.create')}
      onCreate={() => editor.open('new')}
      editor={editor}
      query={rules}
      empty={t('admin.routing.empty')}
      isEmpty={list.length === 0}
      alert={move.isError ? <ErrorAlert error={move.error} /> : null}
      dialog={
        <>
          {editor.isOpen ? <RuleDialog rule={editor.item} onClose={editor.close} onSaved={editor.saved} /> : null}
          {removing ? (
            <RemoveRuleDialog
              rule={removing}
              onClose={() => setRemoving(null)}
              onRemoved={() => {
                editor.announce(t('admin.routing.removed', { name: removing.name }));
                setRemoving(null);
              }}
            />
          ) : null}
        </>
      }
    >
      <SettingsTable
        label={t('admin.tabs.routing')}
        minWidth={820}
        columns={[
          t('admin.routing.order'),
          t('admin.common.name'),
          t('admin.routing.conditions'),
          t('admin.routing.actions'),
          t('admin.common.status'),
        ]}
      >
        {list.map((rule, index) => (
          <Table.Tr key={rule.id} data-testid="rule-row" data-rule-id={rule.id}>
            <Table.Td>{format.number(index + 1)}</Table.Td>
            <RowName name={rule.name} maw={220} />
            <Table.Td className="wrap-anywhere" maw={320}>
              {conditionsText(rule)}
            </Table.Td>
            <Table.Td className="wrap-anywhere" maw={260}>
              {actionsText(rule)}
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={rule.active} />
            </Table.Td>
            {canEdit ? (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('admin.routing.moveUp', { name: rule.name })}
                    disabled={index === 0 || move.isPending}
                    onClick={() => move.mutate({ id: rule.id, direction: 'up' })}
                  >
                    <span aria-hidden="true">▲</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('admin.routing.moveDown', { name: rule.name })}
                    disabled={index === list.length - 1 || move.isPending}
                    onClick={() => move.mutate({ id: rule.id, direction: 'down' })}
                  >
                    <span aria-hidden="true">▼</span>
                  </ActionIcon>
                  <EditButton name={rule.name} onClick={() => editor.open(rule)} />
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(rule)}
                    aria-label={t('admin.routing.removeRule', { name: rule.name })}
                  >
                    {t('admin.common.remove')}
                  </Button>
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </SettingsTable>
    </SettingsList>
  );
}

function RemoveRuleDialog({ rule, onClose, onRemoved }: { rule: RoutingRule; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/routing-rules/{id}', { params: { path: { id: rule.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.routingRules });
      onRemoved();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('admin.routing.removeRule', { name: rule.name })}
      closeButtonProps={{ 'aria-label': t('admin.common.cancel') }}
    >
      <Stack gap="sm">
        <Text>{t('admin.routing.confirmRemove', { name: rule.name })}</Text>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={remove.isPending}>
            {t('admin.common.cancel')}
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t('admin.common.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RuleDialog({ rule, onClose, onSaved }: { rule: RoutingRule | null; onClose: () => void; onSaved: (r: RoutingRule) => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const teams = useTeamsList();
  const categories = useCategoriesList();
  const { values, update, errors, fieldError, save, submit } = useSettingsForm({
    initial: () => ruleFormValues(rule, language),
    validate: validateRuleForm,
    toBody: ruleBody,
    send: (body) =>
      rule
        ? unwrap(api.PATCH('/api/v1/routing-rules/{id}', { params: { path: { id: rule.id } }, body }))
        : unwrap(api.POST('/api/v1/routing-rules', { body })),
    refresh: adminKeys.routingRules,
    onSaved,
  });

  return (
    <EditDialog title={rule ? t('admin.routing.editTitle') : t('admin.routing.createTitle')} onClose={onClose} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NameInput value={values.name} onChange={(name) => update({ name })} error={fieldError('name')} />
          <Switch label={t('admin.common.active')} checked={values.active} onChange={(e) => update({ active: e.currentTarget.checked })} />
          <Title order={3} size="h5">
            {t('admin.routing.conditions')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('admin.routing.conditionsHint')}
          </Text>
          <Textarea
            label={t('admin.routing.keywords')}
            description={t('admin.routing.keywordsHint')}
            autosize
            minRows={2}
            value={values.keywords}
            onChange={(e) => update({ keywords: e.currentTarget.value })}
            error={fieldError('keywords')}
            data-field="keywords"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox.Group
              label={t('admin.routing.channels')}
              value={values.channels}
              onChange={(v) => update({ channels: CHANNELS.filter((c) => v.includes(c)) })}
            >
              <Stack gap={4} mt={4}>
                {CHANNELS.map((c) => (
                  <Checkbox key={c} value={c} label={t(`channel.${c}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Stack gap="sm">
              <Checkbox.Group
                label={t('admin.routing.types')}
                value={values.types}
                onChange={(v) => update({ types: TICKET_TYPES.filter((x) => v.includes(x)) })}
              >
                <Stack gap={4} mt={4}>
                  {TICKET_TYPES.map((x) => (
                    <Checkbox key={x} value={x} label={t(`ticketType.${x}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('admin.routing.contactKinds')}
                value={values.contactKinds}
                onChange={(v) => update({ contactKinds: CONTACT_KINDS.filter((x) => v.includes(x)) })}
              >
                <Stack gap={4} mt={4}>
                  {CONTACT_KINDS.map((x) => (
                    <Checkbox key={x} value={x} label={t(`admin.contactKind.${x}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Stack>
          </SimpleGrid>
          {categories.data?.length ? (
            <Checkbox.Group label={t('admin.routing.categories')} value={values.categoryIds} onChange={(categoryIds) => update({ categoryIds })}>
              <Group gap="md" mt={4}>
                {categories.data.map((c) => (
                  <Checkbox key={c.id} value={c.id} label={c.name} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : null}
          <Title order={3} size="h5">
            {t('admin.routing.actions')}
          </Title>
          {errors.actions ? (
            <Text size="sm" c="red" role="alert">
              {fieldError('actions')}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('admin.routing.team')}
              value={values.teamId}
              onChange={(e) => update({ teamId: e.currentTarget.value })}
              data={[{ value: '', label: t('admin.routing.noChange') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
              data-field="actions"
            />
            <NativeSelect
              label={t('admin.routing.category')}
              value={values.categoryId}
              onChange={(e) => update({ categoryId: e.currentTarget.value })}
              data={[{ value: '', label: t('admin.routing.noChange') }, ...(categories.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
            />
            <NativeSelect
              label={t('admin.routing.priority')}
              value={values.priority}
              onChange={(e) => update({ priority: TICKET_PRIORITIES.find((p) => p === e.currentTarget.value) ?? '' })}
              data={[{ value: '', label: t('admin.routing.noChange') }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
            />
          </SimpleGrid>
          <TextInput
            label={t('admin.routing.tags')}
            description={t('admin.routing.tagsHint')}
            value={values.tags}
            onChange={(e) => update({ tags: e.currentTarget.value })}
            error={fieldError('tags')}
            data-field="tags"
          />
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
