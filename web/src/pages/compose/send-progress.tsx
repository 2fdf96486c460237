import { Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shows the upload of the files, then the wait after it. The server then numbers the document, registers
 * the copies of local recipients and queues the others, in one transaction.
 */
export function SendProgress({ fraction }: { fraction: number }) {
  const { t } = useTranslation();
  const percent = Math.round(fraction * 100);
  const uploaded = percent >= 100;

  return (
    <Card data-testid="compose-progress" data-percent={percent}>
      <Flex vertical gap="small" align="center">
        <Progress type="circle" percent={percent} status="active" />
        <Typography.Text>{uploaded ? t('compose.registering') : t('compose.uploading', { percent })}</Typography.Text>
      </Flex>
    </Card>
  );
}
