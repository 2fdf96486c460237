import { Card, Descriptions, Tabs, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';

import type { MailAddress, MailMessage } from '../../api/types';
import { TextOrDash } from '../../components/text-or-dash';
import { formatDateTime } from '../../format/date-time';
import { MailHtmlFrame } from './mail-html-frame';

function formatAddress(address: MailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

export function MailPanel({ message }: { message: MailMessage }) {
  const { t } = useTranslation();

  const items: DescriptionsProps['items'] = [
    { key: 'from', label: t('mail.from'), children: <TextOrDash value={message.from ? formatAddress(message.from) : null} /> },
    { key: 'to', label: t('mail.to'), children: <TextOrDash value={message.to.map(formatAddress).join(', ')} /> },
    { key: 'subject', label: t('mail.subject'), children: <TextOrDash value={message.subject} /> },
    // A Date header the server cannot parse is shown as it came.
    { key: 'date', label: t('mail.date'), children: <TextOrDash value={formatDateTime(message.date) ?? message.date} /> },
  ];

  const text = message.text.trim() ? (
    <pre className="mail-text" data-testid="mail-text">
      {message.text}
    </pre>
  ) : (
    <Typography.Paragraph type="secondary" className="mail-no-text">
      {t('mail.noText')}
    </Typography.Paragraph>
  );

  return (
    <Card title={t('mail.title')} size="small">
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 100 } }} />
      {message.html === null ? (
        text
      ) : (
        <Tabs
          size="small"
          items={[
            { key: 'text', label: t('mail.text'), children: text },
            { key: 'html', label: t('mail.html'), children: <MailHtmlFrame html={message.html} /> },
          ]}
        />
      )}
    </Card>
  );
}
