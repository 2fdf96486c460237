import { Card, Descriptions, Tabs, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';

import type { MailAddress, MailMessage, SenderAuthentication } from '../../api/types';
import { TextOrDash } from '../../components/text-or-dash';
import { formatDateTime } from '../../format/date-time';
import { MailHtmlFrame } from './mail-html-frame';

function formatAddress(address: MailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

function AuthenticationResult({ result }: { result: SenderAuthentication }) {
  const { t } = useTranslation();
  const domain = result.fromDomain ?? '';
  const detail = t('mail.authenticationDetail', { dkim: result.dkim, spf: result.spf, dmarc: result.dmarc });

  if (result.verifiedBy) {
    return (
      <span data-testid="mail-authentication">
        <Tag color="green">{t(result.verifiedBy === 'dkim' ? 'mail.verifiedByDkim' : 'mail.verifiedBySpf', { domain })}</Tag>
        <Typography.Text type="secondary">{detail}</Typography.Text>
      </span>
    );
  }

  return (
    <span data-testid="mail-authentication">
      <Tag color={result.dmarc === 'fail' ? 'red' : 'orange'}>{t('mail.notVerified')}</Tag>
      <Typography.Text type="secondary">{detail}</Typography.Text>
    </span>
  );
}

export function MailPanel({ message }: { message: MailMessage }) {
  const { t } = useTranslation();

  const items: DescriptionsProps['items'] = [
    { key: 'from', label: t('mail.from'), children: <TextOrDash value={message.from ? formatAddress(message.from) : null} /> },
    { key: 'to', label: t('mail.to'), children: <TextOrDash value={message.to.map(formatAddress).join(', ')} /> },
    { key: 'subject', label: t('mail.subject'), children: <TextOrDash value={message.subject} /> },
    // A Date header the server cannot parse is shown as it came.
    { key: 'date', label: t('mail.date'), children: <TextOrDash value={formatDateTime(message.date) ?? message.date} /> },
    ...(message.authentication ? [{ key: 'authentication', label: t('mail.authentication'), children: <AuthenticationResult result={message.authentication} /> }] : []),
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
