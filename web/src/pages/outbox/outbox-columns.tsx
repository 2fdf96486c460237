import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';

import type { DispatchSummary } from '../../api/dispatch-types';
import { DispatchProgress } from '../../components/dispatch-progress';
import { DispatchStatusTag } from '../../components/dispatch-status-tag';
import { TextOrDash } from '../../components/text-or-dash';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatDateTime } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';
import { dispatchPath } from '../dispatch/dispatch-path';

export function outboxColumns(t: TFunction): TableColumnsType<DispatchSummary> {
  return [
    {
      key: 'registerNumber',
      title: t('outbox.columns.registerNumber'),
      width: 70,
      align: 'right',
      render: (_, dispatch) => <TextOrDash value={dispatch.registerNumber} />,
    },
    {
      key: 'sentAt',
      title: t('outbox.columns.sentAt'),
      width: 135,
      render: (_, dispatch) => <TextOrDash value={formatDateTime(dispatch.sentAt)} />,
    },
    {
      key: 'numberNotation',
      title: t('outbox.columns.numberNotation'),
      width: 130,
      render: (_, dispatch) => <TextOrDash value={formatNumberNotation(dispatch.number, dispatch.notation)} />,
    },
    {
      key: 'type',
      title: t('outbox.columns.type'),
      width: 110,
      render: (_, dispatch) => dispatch.typeName || dispatch.type,
    },
    {
      key: 'subject',
      title: t('outbox.columns.subject'),
      render: (_, dispatch) => (
        <Link to={dispatchPath(dispatch.id)} className="inbox-subject">
          <TextOrDash value={dispatch.subject} />
          {dispatch.urgency !== 'normal' && (
            <>
              {' '}
              <UrgencyTag urgency={dispatch.urgency} />
            </>
          )}
        </Link>
      ),
    },
    {
      key: 'progress',
      title: t('outbox.columns.progress'),
      width: 190,
      render: (_, dispatch) => <DispatchProgress counts={dispatch.counts} data-testid="outbox-progress" />,
    },
    {
      key: 'status',
      title: t('outbox.columns.status'),
      width: 110,
      render: (_, dispatch) => <DispatchStatusTag status={dispatch.status} />,
    },
  ];
}
