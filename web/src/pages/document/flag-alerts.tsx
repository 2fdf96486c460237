import { Alert, Flex } from 'antd';

import type { DocumentDetail } from '../../api/types';

/** Shows each problem found in the document and its files as a warning above the details. */
export function FlagAlerts({ document }: { document: DocumentDetail }) {
  const alerts = [
    ...document.flags.map((flag) => ({ key: flag.code, flag, title: flag.message })),
    ...document.attachments.flatMap((attachment) =>
      attachment.flags.map((flag) => ({
        key: `${attachment.id}:${flag.code}`,
        flag,
        title: `${attachment.filename}: ${flag.message}`,
      })),
    ),
  ];

  if (alerts.length === 0) {
    return null;
  }

  return (
    <Flex vertical gap="small">
      {alerts.map((alert) => (
        <Alert key={alert.key} type="warning" showIcon title={alert.title} data-testid="document-flag" data-flag={alert.flag.code} />
      ))}
    </Flex>
  );
}
