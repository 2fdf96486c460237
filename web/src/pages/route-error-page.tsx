import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/**
 * Shows an error when a screen throws while rendering or its code fails to load. The second happens
 * after a new version is deployed and the old chunk files are gone, so the button reloads the page.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);

  return (
    <Result
      status="error"
      title={t('errors.unexpected', { message })}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    />
  );
}
