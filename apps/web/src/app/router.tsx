import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { HOME_PATH, SIGN_IN_PATH } from '../auth/return-path';
import { SignInPage } from '../auth/SignInPage';
import { useSession } from '../auth/use-session';
import { Loading } from '../components/Loading';
import { SURVEY_ROUTES } from '../pages/survey/survey-routes';
import { ConsoleShell } from './ConsoleShell';
import { RequireSession } from './RequireSession';
import { canSee, type Screen, SCREENS } from './screens';
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from './StatusPages';

function ScreenRoute({ screen }: { screen: Screen }) {
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  if (!canSee(screen, session.user.role)) return <ForbiddenPage />;
  return (
    <Suspense fallback={<Loading />}>
      <screen.Component />
    </Suspense>
  );
}

export function createConsoleRouter() {
  return createBrowserRouter([
    { path: SIGN_IN_PATH, element: <SignInPage />, errorElement: <RouteErrorPage /> },
    // Public pages (no sign-in): the satisfaction survey.
    ...SURVEY_ROUTES,
    {
      path: '/',
      element: (
        <RequireSession>
          <ConsoleShell />
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to={HOME_PATH} replace /> },
        ...SCREENS.map((screen) => ({ path: `${screen.path}/*`, element: <ScreenRoute screen={screen} />, errorElement: <RouteErrorPage /> })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
