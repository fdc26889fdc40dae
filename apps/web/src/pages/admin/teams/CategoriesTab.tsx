import { Badge, Button, Group, NativeSelect, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { usePreferences } from '../../../format/preferences';
import { adminKeys, type Category } from '../admin-api';
import { EditDialog, focusFirstError, FormButtons, QueryState, SavedNotice } from '../AdminParts';
import { useActiveStaff, useCanEdit, useCategoriesList, useTeamsList } from '../use-admin-data';
import { categoryBody, categoryFormValues, type CategoryFormValues, type TeamFormErrors, validateCategoryForm } from './team-form';

/** Ticket categories: the team that owns them and the competent officer who receives referrals and escalations. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const canEdit = useCanEdit();
  const categories = useCategoriesList();
  const teams = useTeamsList();
  const staff = useActiveStaff();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = categories.data ?? [];
  const teamName = (id: string | null) =>
    id ? (teams.data?.find((x) => x.id === id)?.name ?? t('admin.common.none')) : t('admin.categories.noTeam');
  const personName = (id: string | null) =>
    id ? (staff.data?.find((u) => u.id === id)?.name ?? t('admin.common.none')) : t('admin.categories.noCompetent');

  return (
    <Stack gap="md">
      {canEdit ? (
        <Group justify="flex-end">
          <Button onClick={() => setEditing('new')}>{t('admin.categories.create')}</Button>
        </Group>
      ) : null}
      <SavedNotice message={notice} onClose={() => setNotice(null)} />
      <QueryState query={categories} empty={t('admin.categories.empty')} isEmpty={list.length === 0}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped className="data-table" aria-label={t('admin.tabs.categories')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.common.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.categories.team')}</Table.Th>
                <Table.Th scope="col">{t('admin.categories.competentOfficer')}</Table.Th>
                <Table.Th scope="col">{t('admin.common.status')}</Table.Th>
                {canEdit ? <Table.Th scope="col">{t('admin.common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((category) => (
                <Table.Tr key={category.id} data-testid="category-row" data-category-id={category.id}>
                  <Table.Th scope="row" fw={600} className="wrap-anywhere" maw={240}>
                    <bdi>{language === 'en' && category.nameEn ? category.nameEn : category.name}</bdi>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{teamName(category.teamId)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{personName(category.competentOfficerId)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={category.active ? 'teal' : 'gray'} variant="light" tt="none">
                      {category.active ? t('admin.common.active') : t('admin.common.inactive')}
                    </Badge>
                  </Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(category)}
                        aria-label={t('admin.common.editItem', { name: category.name })}
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
        <CategoryDialog
          category={editing === 'new' ? null : editing}
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

function CategoryDialog({ category, onClose, onSaved }: { category: Category | null; onClose: () => void; onSaved: (c: Category) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeamsList();
  const staff = useActiveStaff();
  const [values, setValues] = useState<CategoryFormValues>(() => categoryFormValues(category));
  const [errors, setErrors] = useState<TeamFormErrors>({});
  const update = (patch: Partial<CategoryFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof categoryBody>) =>
      category
        ? unwrap(api.PATCH('/api/v1/categories/{id}', { params: { path: { id: category.id } }, body }))
        : unwrap(api.POST('/api/v1/categories', { body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.categories });
      onSaved(saved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCategoryForm(values);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(found);
    save.mutate(categoryBody(values));
  };
  const officers = (staff.data ?? []).filter((u) => u.role !== 'committee');

  return (
    <EditDialog title={category ? t('admin.categories.editTitle') : t('admin.categories.createTitle')} onClose={onClose}>
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
          <NativeSelect
            label={t('admin.categories.team')}
            value={values.teamId}
            onChange={(e) => update({ teamId: e.currentTarget.value })}
            data={[{ value: '', label: t('admin.categories.noTeam') }, ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
          />
          <NativeSelect
            label={t('admin.categories.competentOfficer')}
            description={t('admin.categories.competentHint')}
            value={values.competentOfficerId}
            onChange={(e) => update({ competentOfficerId: e.currentTarget.value })}
            data={[{ value: '', label: t('admin.categories.noCompetent') }, ...officers.map((u) => ({ value: u.id, label: u.name }))]}
          />
          <Switch
            label={t('admin.categories.requiresSkill')}
            checked={values.requiresSkill}
            onChange={(e) => update({ requiresSkill: e.currentTarget.checked })}
          />
          <Switch label={t('admin.common.active')} checked={values.active} onChange={(e) => update({ active: e.currentTarget.checked })} />
          <FormButtons submitting={save.isPending} error={save.error} onCancel={onClose} />
        </Stack>
      </form>
    </EditDialog>
  );
}
