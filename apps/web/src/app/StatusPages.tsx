import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { HOME_PATH } from '../auth/return-path';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('errors.forbidden')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('errors.notFound')} />;
}

function StatusPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{title}</PageTitle>
      <Text>
        <Anchor component={Link} to={HOME_PATH}>
          {t('errors.backHome')}
        </Anchor>
      </Text>
    </Stack>
  );
}

/** A screen that failed to render or whose code could not be loaded (e.g. after a deploy): offer a reload. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Stack p="md">
      <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      <Text>
        <Anchor href={HOME_PATH}>{t('errors.backHome')}</Anchor>
      </Text>
    </Stack>
  );
}
