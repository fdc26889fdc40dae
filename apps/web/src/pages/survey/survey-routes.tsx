import { Anchor, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router-dom';
import { Loading } from '../../components/Loading';

// Public pages, outside the signed-in console; each is its own code-split chunk.
const SurveyPage = lazy(() => import('./SurveyPage').then((m) => ({ default: m.SurveyPage })));
const SurveyOptOutPage = lazy(() => import('./SurveyOptOutPage').then((m) => ({ default: m.SurveyOptOutPage })));

/** A survey page whose code could not load (e.g. after a deploy): offer a reload, never the console. */
function SurveyRouteError() {
  const { t } = useTranslation();
  return (
    <Stack p="md" role="alert">
      <Text>{t('errors.server')}</Text>
      <Anchor component="button" type="button" onClick={() => window.location.reload()}>
        {t('errors.retry')}
      </Anchor>
    </Stack>
  );
}

/** The satisfaction survey (`/s/:token`) and its opt-out confirmation; no sign-in. */
export const SURVEY_ROUTES: RouteObject[] = [
  {
    path: '/s/:token',
    element: (
      <Suspense fallback={<Loading />}>
        <SurveyPage />
      </Suspense>
    ),
    errorElement: <SurveyRouteError />,
  },
  {
    path: '/s/:token/opt-out',
    element: (
      <Suspense fallback={<Loading />}>
        <SurveyOptOutPage />
      </Suspense>
    ),
    errorElement: <SurveyRouteError />,
  },
];
