import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { signInPathFor, SIGN_IN_PATH } from '../auth/return-path';
import { useSession } from '../auth/use-session';
import { Loading } from '../components/Loading';

/** Screens behind sign-in. A lost session goes to sign-in with the current route, to come back to it. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'checking') return <Loading />;
  if (session.status === 'signed-out') {
    const target =
      session.reason === 'signed-out'
        ? `${SIGN_IN_PATH}?reason=signed-out`
        : signInPathFor(`${location.pathname}${location.search}`, session.reason === 'expired' ? 'expired' : undefined);
    return <Navigate to={target} replace />;
  }
  return children;
}
