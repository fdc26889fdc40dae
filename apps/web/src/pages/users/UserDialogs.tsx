import { Modal } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { UserView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useTeams } from './use-teams';
import { createBody, EMPTY_USER_FORM, formValuesOf, updateBody, type UserFormValues } from './user-form';
import { UserForm } from './UserForm';

interface DialogProps {
  onClose: () => void;
  onDone: (user: UserView) => void;
}

export function CreateUserDialog({ onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { teams } = useTeams();
  const create = useMutation({
    mutationFn: (values: UserFormValues) => unwrap(api.POST('/api/v1/users', { body: createBody(values, teams !== null) })),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone(user);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('users.createTitle')} size="lg" closeButtonProps={{ 'aria-label': t('users.cancel') }}>
      <UserForm
        mode="create"
        draftKey="users.create"
        initial={EMPTY_USER_FORM}
        teams={teams}
        submitting={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutateAsync(values)}
        onCancel={onClose}
      />
    </Modal>
  );
}

export function EditUserDialog({ id, onClose, onDone }: DialogProps & { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { teams, loading: teamsLoading } = useTeams();
  const user = useQuery({
    queryKey: ['users', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
  const save = useMutation({
    mutationFn: (values: UserFormValues) => {
      if (!user.data) throw new Error('the user is not loaded');
      return unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: updateBody(user.data, values, teams !== null) }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone(saved);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('users.editTitle')} size="lg" closeButtonProps={{ 'aria-label': t('users.cancel') }}>
      {user.isPending || teamsLoading ? (
        <Loading />
      ) : user.isError ? (
        <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <UserForm
          mode="edit"
          draftKey={`users.edit.${id}`}
          initial={formValuesOf(user.data)}
          teams={teams}
          submitting={save.isPending}
          error={save.error}
          onSubmit={(values) => save.mutateAsync(values)}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
