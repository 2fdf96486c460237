import { Alert, Button, Card, Col, Descriptions, Flex, Row, Table, Tag, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RecipientPreview as Preview } from '../../api/dispatch-types';
import { TextOrDash } from '../../components/text-or-dash';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatCalendarDate } from '../../format/date-time';
import { formatFileSize } from '../../format/file-size';
import { formatNumberNotation } from '../../format/number-notation';
import { useDocumentTypes } from '../../hooks/use-document-types';
import { useLanguage } from '../../i18n/use-language';
import { metadataOf, type ComposeValues } from './compose-values';
import { RecipientPreview } from './recipient-preview';

interface ComposeSummaryProps {
  values: ComposeValues;
  preview: Preview;
  onBack: () => void;
  onSend: () => void;
}

interface FileRow {
  key: string;
  name: string;
  size: number;
  main: boolean;
}

/** Shows the confirm step: what will be registered and sent, and to whom, with the Gửi button. */
export function ComposeSummary({ values, preview, onBack, onSend }: ComposeSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const types = useDocumentTypes();
  const metadata = metadataOf(values);

  function numberText(): string | null {
    if (metadata.number) {
      return formatNumberNotation(metadata.number, metadata.notation);
    }

    return metadata.notation ? t('compose.autoNumberWithNotation', { notation: metadata.notation }) : t('compose.autoNumber');
  }

  const items: DescriptionsProps['items'] = [
    { key: 'type', label: t('compose.fields.type'), children: types.nameOf(metadata.type) },
    {
      key: 'numberNotation',
      label: t('dispatch.fields.numberNotation'),
      children: numberText(),
    },
    { key: 'issuedOn', label: t('compose.fields.issuedOn'), children: <TextOrDash value={formatCalendarDate(metadata.issuedOn)} /> },
    { key: 'place', label: t('compose.fields.place'), children: <TextOrDash value={metadata.place} /> },
    { key: 'subject', label: t('compose.fields.subject'), children: metadata.subject },
    { key: 'signer', label: t('compose.fields.signer'), children: <TextOrDash value={metadata.signer} /> },
    { key: 'signerPosition', label: t('compose.fields.signerPosition'), children: <TextOrDash value={metadata.signerPosition} /> },
    { key: 'urgency', label: t('compose.fields.urgency'), children: <UrgencyTag urgency={metadata.urgency} /> },
    { key: 'dueOn', label: t('compose.fields.dueOn'), children: <TextOrDash value={formatCalendarDate(metadata.dueOn)} /> },
  ];

  // The entries of a saved draft carry name and size without a browser file.
  const files: FileRow[] = [
    ...(values.document ?? []).map((file) => ({ key: file.uid, name: file.name, size: file.size ?? 0, main: true })),
    ...(values.attachments ?? []).map((file) => ({ key: file.uid, name: file.name, size: file.size ?? 0, main: false })),
  ];
  const fileColumns: TableColumnsType<FileRow> = [
    { key: 'name', title: t('attachments.filename'), render: (_, file) => file.name },
    {
      key: 'role',
      width: 130,
      render: (_, file) => (file.main ? <Tag color="blue">{t('dispatch.fileMain')}</Tag> : <Tag>{t('dispatch.fileAttachment')}</Tag>),
    },
    { key: 'size', title: t('attachments.size'), width: 100, align: 'right', render: (_, file) => formatFileSize(file.size, language) },
  ];

  return (
    <Flex vertical gap="middle" data-testid="compose-confirm">
      <Alert type="info" showIcon title={t('compose.confirmTitle')} description={t('compose.confirmIntro', { count: preview.recipients.length })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap="middle">
            <Card size="small" title={t('compose.metadata')}>
              <Descriptions bordered column={1} size="small" items={items} styles={{ label: { width: 170 } }} />
            </Card>
            <Card size="small" title={t('compose.files')}>
              <Table<FileRow> size="small" pagination={false} columns={fileColumns} dataSource={files} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <RecipientPreview preview={preview} loading={false} error={null} />
        </Col>
      </Row>
      <Flex gap="small" justify="end">
        <Button onClick={onBack} data-testid="compose-back">
          {t('compose.back')}
        </Button>
        <Button type="primary" onClick={onSend} data-testid="compose-send">
          {t('compose.send')}
        </Button>
      </Flex>
    </Flex>
  );
}
