import { NativeSelect, Stack, Switch, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { usePreferences } from '../../../format/preferences';
import { adminKeys, type Category } from '../admin-api';
import { EditDialog, FormButtons } from '../AdminParts';
import { NameInput } from '../common/NameInput';
import { SettingsList, SettingsTable } from '../common/SettingsList';
import { ActiveBadge, EditButton, RowName } from '../common/SettingsRow';
import { useSettingsEditor } from '../common/use-settings-editor';
import { useSettingsForm } from '../common/use-settings-form';
import { useActiveStaff, useCanEdit, useCategoriesList, useTeamsList } from '../use-admin-data';
import { categoryBody, categoryFormValues, validateCategoryForm } from './team-form';

/** Ticket categories: the team that owns them and the competent officer who receives referrals and escalations. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const canEdit = useCanEdit();
  const categories = useCategoriesList();
  const teams = useTeamsList();
  const staff = useActiveStaff();
  const editor = useSettingsEditor<Category>();
  const list = categories.data ?? [];
  const teamName = (id: string | null) =>
    id ? (teams.data?.find((x) => x.id === id)?.name ?? t('admin.common.none')) : t('admin.categories.noTeam');
  const personName = (id: string | null) =>
    id ? (staff.data?.find((u) => u.id === id)?.name ?? t('admin.common.none')) : t('admin.categories.noCompetent');

  return (
    <SettingsList
      createLabel={t('admin.categories.create')}
      onCreate={() => editor.open('new')}
      editor={editor}
      query={categories}
      empty={t('admin.categories.empty')}
      isEmpty={list.length === 0}
      dialog={editor.isOpen ? <CategoryDialog category={editor.item} onClose={editor.close} onSaved={editor.saved} /> : null}
    >
      <SettingsTable
        label={t('admin.tabs.categories')}
        minWidth={720}
        columns={[t('admin.common.name'), t('admin.categories.team'), t('admin.categories.competentOfficer'), t('admin.common.status')]}
      >
        {list.map((category) => (
          <Table.Tr key={category.id} data-testid="category-row" data-category-id={category.id}>
            <RowName name={language === 'en' && category.nameEn ? category.nameEn : category.name} maw={240} />
            <Table.Td>
              <bdi>{teamName(category.teamId)}</bdi>
            </Table.Td>
            <Table.Td>
              <bdi>{personName(category.competentOfficerId)}</bdi>
            </Table.Td>
            <Table.Td>
              <ActiveBadge active={category.active} />
            </Table.Td>
            {canEdit ? (
              <Table.Td>
                <EditButton name={category.name} onClick={() => editor.open(category)} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </SettingsTable>
    </SettingsList>
  );
}

function CategoryDialog({ category, onClose, onSaved }: { category: Category | null; onClose: () => void; onSaved: (c: Category) => void }) {
  const { t } = useTranslation();
  const teams = useTeamsList();
  const staff = useActiveStaff();
  const { values, update, fieldError, save, submit } = useSettingsForm({
    initial: () => categoryFormValues(category),
    validate: validateCategoryForm,
    toBody: categoryBody,
    send: (body) =>
      category
        ? unwrap(api.PATCH('/api/v1/categories/{id}', { params: { path: { id: category.id } }, body }))
        : unwrap(api.POST('/api/v1/categories', { body })),
    refresh: adminKeys.categories,
    onSaved,
  });
  const officers = (staff.data ?? []).filter((u) => u.role !== 'committee');

  return (
    <EditDialog title={category ? t('admin.categories.editTitle') : t('admin.categories.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NameInput value={values.name} onChange={(name) => update({ name })} error={fieldError('name')} />
          <NameInput english value={values.nameEn} onChange={(nameEn) => update({ nameEn })} error={fieldError('nameEn')} />
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
