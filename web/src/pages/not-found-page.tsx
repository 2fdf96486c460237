import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { homePath } from '../auth/sections';
import { useCurrentUser } from '../auth/use-current-user';

export function NotFoundPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();

  return <Result status="404" title={t('errors.notFound')} extra={<Link to={homePath(user)}>{t('errors.backHome')}</Link>} />;
}
