import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';

import type { DocumentItem } from '../../api/types';
import { StatusTag } from '../../components/status-tag';
import { TextOrDash } from '../../components/text-or-dash';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatDateTime } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';

export function inboxColumns(t: TFunction): TableColumnsType<DocumentItem> {
  return [
    {
      key: 'registerNumber',
      title: t('inbox.columns.registerNumber'),
      dataIndex: 'registerNumber',
      width: 70,
      align: 'right',
    },
    {
      key: 'receivedAt',
      title: t('inbox.columns.receivedAt'),
      width: 135,
      render: (_, document) => formatDateTime(document.receivedAt),
    },
    {
      key: 'issuer',
      title: t('inbox.columns.issuer'),
      width: 170,
      render: (_, document) => <TextOrDash value={document.issuer} />,
    },
    {
      key: 'numberNotation',
      title: t('inbox.columns.numberNotation'),
      width: 130,
      render: (_, document) => <TextOrDash value={formatNumberNotation(document.number, document.notation)} />,
    },
    {
      key: 'type',
      title: t('inbox.columns.type'),
      width: 95,
      render: (_, document) => document.typeName || document.type,
    },
    {
      key: 'subject',
      title: t('inbox.columns.subject'),
      render: (_, document) => (
        <Link to={`/documents/${encodeURIComponent(document.id)}`} className="inbox-subject">
          <TextOrDash value={document.subject} />
        </Link>
      ),
    },
    {
      key: 'urgency',
      title: t('inbox.columns.urgency'),
      width: 105,
      render: (_, document) => <UrgencyTag urgency={document.urgency} />,
    },
    {
      key: 'status',
      title: t('inbox.columns.status'),
      width: 115,
      render: (_, document) => <StatusTag status={document.status} />,
    },
  ];
}
