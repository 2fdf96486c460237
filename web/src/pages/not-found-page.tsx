import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const { t } = useTranslation();

  return <Result status="404" title={t('errors.notFound')} extra={<Link to="/inbox">{t('errors.backToInbox')}</Link>} />;
}
