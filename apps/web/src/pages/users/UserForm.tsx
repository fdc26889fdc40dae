import { Alert, Button, Checkbox, Group, NativeSelect, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type TeamView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDraft } from '../../drafts/use-draft';
import { usePreferences } from '../../format/preferences';
import { isLanguage } from '../../i18n/language';
import { teamName } from './teams';
import { type UserFormErrors, type UserFormValues, validateUserForm } from './user-form';

interface UserFormProps {
  mode: 'create' | 'edit';
  /** Where unsent text is kept if the session ends meanwhile. */
  draftKey: string;
  initial: UserFormValues;
  teams: TeamView[] | null;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: UserFormValues) => Promise<unknown>;
  onCancel: () => void;
}

export function UserForm({ mode, draftKey, initial, teams, submitting, error, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [values, update, draft] = useDraft(draftKey, initial, ['password']);
  const [errors, setErrors] = useState<UserFormErrors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateUserForm(values, mode);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.querySelector<HTMLInputElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    try {
      await onSubmit(values);
      draft.discard();
    } catch {
      // shown through `error`; the draft stays
    }
  };

  const cancel = () => {
    draft.discard();
    onCancel();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {draft.restored ? (
          <Alert color="blue" variant="light" role="status">
            {t('users.draftRestored')}
          </Alert>
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <TextInput
          label={t('users.name')}
          required
          maxLength={120}
          value={values.name}
          onChange={(e) => update({ name: e.currentTarget.value })}
          error={errors.name ? t(errors.name) : undefined}
          data-field="name"
          autoComplete="off"
        />
        <TextInput
          label={t('users.email')}
          type="email"
          required
          dir="ltr"
          maxLength={320}
          value={values.email}
          onChange={(e) => update({ email: e.currentTarget.value })}
          error={errors.email ? t(errors.email) : undefined}
          data-field="email"
          autoComplete="off"
        />
        <PasswordInput
          label={mode === 'create' ? t('users.password') : t('users.newPassword')}
          description={mode === 'create' ? t('users.passwordHint') : t('users.newPasswordHint')}
          required={mode === 'create'}
          dir="ltr"
          maxLength={200}
          value={values.password}
          onChange={(e) => update({ password: e.currentTarget.value })}
          error={errors.password ? t(errors.password) : undefined}
          data-field="password"
          autoComplete="new-password"
        />
        <Group grow align="start" wrap="wrap">
          <NativeSelect
            label={t('users.role')}
            value={values.role}
            onChange={(e) => {
              const role = STAFF_ROLES.find((r) => r === e.currentTarget.value);
              if (role) update({ role });
            }}
            data={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            miw={180}
          />
          <NativeSelect
            label={t('users.language')}
            value={values.preferredLanguage}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isLanguage(value)) update({ preferredLanguage: value });
            }}
            data={[
              { value: 'ar', label: t('languages.ar') },
              { value: 'en', label: t('languages.en') },
            ]}
            miw={180}
          />
        </Group>
        {teams && teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('users.teams')}: {t('users.noTeamsDefined')}
          </Text>
        ) : teams ? (
          <Checkbox.Group label={t('users.teams')} value={values.teamIds} onChange={(teamIds) => update({ teamIds })}>
            <Stack gap={6} mt={6}>
              {teams.map((team) => (
                <Checkbox key={team.id} value={team.id} label={teamName(team, language)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('users.teams')}: {t('users.teamsUnavailable')}
          </Text>
        )}
        {mode === 'edit' ? (
          <Switch
            label={t('users.active')}
            checked={values.active}
            onChange={(e) => update({ active: e.currentTarget.checked })}
            description={values.active ? undefined : t('users.deactivateWarning')}
          />
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={cancel} disabled={submitting}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('users.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
