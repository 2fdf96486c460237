import { Navigate, Outlet, useLocation } from 'react-router-dom';

import { PageError } from '../components/page-error';
import { PageSpinner } from '../components/page-spinner';
import { CurrentUserContext } from './current-user-context';
import { useSession } from './use-session';

/** Renders the child routes for a signed-in user and sends everyone else to the login page. */
export function RequireSession() {
  const location = useLocation();
  const session = useSession();

  if (session.isPending) {
    return <PageSpinner />;
  }

  if (session.isError) {
    return <PageError error={session.error} onRetry={() => void session.refetch()} />;
  }

  if (session.data === null) {
    return <Navigate to="/login" replace state={{ from: location }} />;
  }

  return (
    <CurrentUserContext.Provider value={session.data.user}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}
