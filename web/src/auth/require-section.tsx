import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';

import { homePath, canOpenSection, type Section } from './sections';
import { useCurrentUser } from './use-current-user';

/**
 * Renders the child routes when the user's roles allow the section, and a 403 page otherwise. The
 * server rejects the section's API calls for those roles anyway, so this only spares a failed load.
 */
export function RequireSection({ section }: { section: Section }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();

  if (canOpenSection(user, section)) {
    return <Outlet />;
  }

  const home = homePath(user);

  return (
    <Result
      status="403"
      title={t('errors.forbiddenPage')}
      extra={location.pathname === home ? undefined : <Link to={home}>{t('errors.backHome')}</Link>}
      data-testid="forbidden-page"
    />
  );
}

/** Sends `/` to the start page of the user's roles. */
export function HomeRedirect() {
  const user = useCurrentUser();

  return <Navigate to={homePath(user)} replace />;
}
