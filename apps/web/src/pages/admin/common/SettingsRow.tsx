import { Badge, Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The row's heading cell: the item's name, isolated so a mixed Arabic / English name keeps its order. */
export function RowName({ name, maw }: { name: string; maw: number }) {
  return (
    <Table.Th scope="row" fw={600} className="wrap-anywhere" maw={maw}>
      <bdi>{name}</bdi>
    </Table.Th>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light" tt="none">
      {active ? t('admin.common.active') : t('admin.common.inactive')}
    </Badge>
  );
}

/** "Edit", announced with the item's name so each row's button is told apart. */
export function EditButton({ name, onClick, variant = 'subtle' }: { name: string; onClick: () => void; variant?: 'subtle' | 'light' }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-sm" variant={variant} onClick={onClick} aria-label={t('admin.common.editItem', { name })}>
      {t('admin.common.edit')}
    </Button>
  );
}
