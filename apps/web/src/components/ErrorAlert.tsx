import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** A localized summary for an api error, with the api's own message beneath it. */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { summary, detail } = describeError(error, t);
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{summary}</Text>
        {detail ? (
          <Text size="sm" c="dimmed">
            {t('errors.apiSays')}{' '}
            <bdi lang="en" className="api-error-message">
              {detail}
            </bdi>
          </Text>
        ) : null}
        {onRetry ? (
          <div>
            <Button size="xs" variant="outline" color="red" onClick={onRetry}>
              {t('errors.retry')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}

// Only the error texts: checking a call against every key of every screen is too deep for the compiler.
type Translate = (key: `errors.${'server' | 'network' | 'badInput' | 'forbidden' | 'notFound' | 'conflict' | 'title'}`) => string;

export function describeError(error: unknown, t: Translate): { summary: string; detail: string | null } {
  if (!(error instanceof ApiError)) return { summary: t('errors.server'), detail: error instanceof Error ? error.message : null };
  if (error.isNetwork) return { summary: t('errors.network'), detail: null };
  const summary =
    error.status === 400
      ? t('errors.badInput')
      : error.status === 403
        ? t('errors.forbidden')
        : error.status === 404
          ? t('errors.notFound')
          : error.status === 409
            ? t('errors.conflict')
            : error.status >= 500
              ? t('errors.server')
              : t('errors.title');
  return { summary, detail: error.message };
}
