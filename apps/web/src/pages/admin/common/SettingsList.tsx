import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, SavedNotice } from '../AdminParts';
import { useCanEdit } from '../use-admin-data';

/**
 * One settings tab: its introduction, the create button (admins only), the save confirmation,
 * the list in its loading / error / empty states, and the open dialog.
 */
export function SettingsList({
  intro,
  createLabel,
  onCreate,
  editor,
  query,
  empty,
  isEmpty,
  alert,
  dialog,
  children,
}: {
  intro?: string;
  createLabel: string;
  onCreate: () => void;
  editor: { notice: string | null; announce: (notice: string | null) => void };
  query: Parameters<typeof QueryState>[0]['query'];
  empty: string;
  isEmpty: boolean;
  /** A failure of an action on the list itself, shown above it. */
  alert?: ReactNode;
  dialog: ReactNode;
  children: ReactNode;
}) {
  const canEdit = useCanEdit();
  return (
    <Stack gap="md">
      {intro ? (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      ) : null}
      {canEdit ? (
        <Group justify="flex-end">
          <Button onClick={onCreate}>{createLabel}</Button>
        </Group>
      ) : null}
      <SavedNotice message={editor.notice} onClose={() => editor.announce(null)} />
      {alert}
      <QueryState query={query} empty={empty} isEmpty={isEmpty}>
        {children}
      </QueryState>
      {dialog}
    </Stack>
  );
}

/** A settings table: labelled, scrolling sideways on narrow screens, with an actions column for admins. */
export function SettingsTable({
  label,
  minWidth,
  columns,
  withActions = true,
  children,
}: {
  label: string;
  minWidth: number;
  columns: string[];
  withActions?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped className="data-table" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
            {withActions && canEdit ? <Table.Th scope="col">{t('admin.common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
