import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DispatchDetail } from '../../api/dispatch-types';
import { TextOrDash } from '../../components/text-or-dash';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatCalendarDate, formatDateTime } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';

/** Shows the details the sender confirmed, in the order of the outgoing register. */
export function DispatchMetadata({ dispatch }: { dispatch: DispatchDetail }) {
  const { t } = useTranslation();

  const items: DescriptionsProps['items'] = [
    { key: 'registerNumber', label: t('dispatch.fields.registerNumber'), children: <TextOrDash value={dispatch.registerNumber} /> },
    { key: 'sentAt', label: t('dispatch.fields.sentAt'), children: <TextOrDash value={formatDateTime(dispatch.sentAt)} /> },
    { key: 'type', label: t('dispatch.fields.type'), children: <TextOrDash value={dispatch.typeName || dispatch.type} /> },
    {
      key: 'numberNotation',
      label: t('dispatch.fields.numberNotation'),
      children: <TextOrDash value={formatNumberNotation(dispatch.number, dispatch.notation)} />,
    },
    { key: 'issuedOn', label: t('dispatch.fields.issuedOn'), children: <TextOrDash value={formatCalendarDate(dispatch.issuedOn)} /> },
    { key: 'place', label: t('dispatch.fields.place'), children: <TextOrDash value={dispatch.place} /> },
    { key: 'subject', label: t('dispatch.fields.subject'), children: <TextOrDash value={dispatch.subject} /> },
    { key: 'signer', label: t('dispatch.fields.signer'), children: <TextOrDash value={dispatch.signer} /> },
    { key: 'signerPosition', label: t('dispatch.fields.signerPosition'), children: <TextOrDash value={dispatch.signerPosition} /> },
    { key: 'urgency', label: t('dispatch.fields.urgency'), children: dispatch.urgency ? <UrgencyTag urgency={dispatch.urgency} /> : <TextOrDash value={null} /> },
    { key: 'dueOn', label: t('dispatch.fields.dueOn'), children: <TextOrDash value={formatCalendarDate(dispatch.dueOn)} /> },
    { key: 'createdBy', label: t('dispatch.fields.createdBy'), children: <TextOrDash value={dispatch.createdBy} /> },
  ];

  if (dispatch.withdrawReason) {
    items.push({ key: 'withdrawReason', label: t('dispatch.fields.withdrawReason'), children: dispatch.withdrawReason });
  }

  return (
    <Card title={t('dispatch.metadata')} size="small">
      <Descriptions bordered column={1} size="small" items={items} styles={{ label: { width: 150 } }} data-testid="dispatch-metadata" />
    </Card>
  );
}
