import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';

/** A settings list's states: loading, error with retry, empty, or the content. */
export function QueryState({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  empty: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) return <Text c="dimmed">{empty}</Text>;
  return <>{children}</>;
}

/** The announced confirmation after a save. */
export function SavedNotice({ message, onClose }: { message: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite">
      {message ? (
        <Alert color="teal" variant="light" withCloseButton onClose={onClose} closeButtonLabel={t('admin.common.cancel')} data-testid="admin-saved">
          {message}
        </Alert>
      ) : null}
    </div>
  );
}

/** A create / edit dialog: the form inside owns its fields; cancel and save sit at the end. */
export function EditDialog({ title, onClose, size = 'lg', children }: { title: string; onClose: () => void; size?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('admin.common.cancel') }}>
      {children}
    </Modal>
  );
}

export function FormButtons({ submitting, error, onCancel }: { submitting: boolean; error: unknown; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel} disabled={submitting}>
          {t('admin.common.cancel')}
        </Button>
        <Button type="submit" loading={submitting}>
          {t('admin.common.save')}
        </Button>
      </Group>
    </>
  );
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(errors: object): void {
  const first = Object.keys(errors)[0];
  if (first) document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
}
