import { Card, Descriptions, Flex, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { DocumentDetail, RecognizedField } from '../../api/types';
import { TextOrDash } from '../../components/text-or-dash';
import { formatDateTime } from '../../format/date-time';
import { useDocumentTypes } from '../../hooks/use-document-types';
import { ConfidenceMark } from '../../components/confidence-mark';
import { metadataRows, type MetadataRow } from './metadata-rows';
import { currentValues, firstCorrections, recognizedValues } from './metadata-values';
import { RecognizedValue } from './recognized-value';

interface MetadataPanelProps {
  document: DocumentDetail;
  /** The Sửa button, which lives with the edit modal. */
  editButton: ReactNode;
}

// Of the fields behind one row (number and notation share one), the least certain one speaks for the row.
function leastConfidentField(document: DocumentDetail, row: MetadataRow): RecognizedField | undefined {
  const recognized = row.fields
    .map((field) => document.fields[field])
    .filter((field): field is RecognizedField => field !== undefined);

  return recognized.sort((a, b) => a.confidence - b.confidence)[0];
}

export function MetadataPanel({ document, editButton }: MetadataPanelProps) {
  const { t } = useTranslation();
  const types = useDocumentTypes();

  const typeName = (code: string) => (code === document.type && document.typeName ? document.typeName : types.nameOf(code));
  const current = currentValues(document);
  const recognized = recognizedValues(document);
  const corrected = firstCorrections(document.corrections);

  function renderRow(row: MetadataRow): ReactNode {
    const value = row.render ? row.render(current) : row.text(current);
    const isCorrected = row.fields.some((field) => corrected.has(field));
    const confidence = leastConfidentField(document, row);

    return (
      <Flex wrap align="center" gap={8} data-testid={`metadata-${row.key}`}>
        <TextOrDash value={value} />
        {isCorrected && <RecognizedValue text={row.text(recognized)} />}
        {!isCorrected && confidence && <ConfidenceMark field={confidence} name={row.key} />}
      </Flex>
    );
  }

  const items: DescriptionsProps['items'] = [
    { key: 'registerNumber', label: t('document.fields.registerNumber'), children: document.registerNumber },
    { key: 'receivedAt', label: t('document.fields.receivedAt'), children: formatDateTime(document.receivedAt) },
    ...metadataRows(t, typeName).map((row) => ({ key: row.key, label: row.label, children: renderRow(row) })),
  ];

  if (document.meeting) {
    items.push(
      { key: 'meetingStart', label: t('document.fields.meetingStart'), children: formatDateTime(document.meeting.start) },
      { key: 'meetingLocation', label: t('document.fields.meetingLocation'), children: <TextOrDash value={document.meeting.location} /> },
    );
  }

  return (
    <Card title={t('document.metadata')} extra={editButton} size="small">
      <Descriptions bordered column={1} size="small" items={items} styles={{ label: { width: 150 } }} />
    </Card>
  );
}
