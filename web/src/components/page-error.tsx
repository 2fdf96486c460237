import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface PageErrorProps {
  error: Error;
  onRetry?: () => void;
}

/** Shows a failed load with the server's message and, when given, a retry button. */
export function PageError({ error, onRetry }: PageErrorProps) {
  const { t } = useTranslation();

  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
