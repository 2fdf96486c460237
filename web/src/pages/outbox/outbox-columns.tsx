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

type OutboxColumn = TableColumnsType<DispatchSummary>[number];

/**
 * Lists the columns of the outgoing list. The drafts tab leaves out the register number, the sending time
 * and the progress, which a draft does not have yet, and names who wrote each draft instead.
 */
export function outboxColumns(t: TFunction, options: { drafts: boolean; pathOf: (dispatch: DispatchSummary) => string }): TableColumnsType<DispatchSummary> {
  const registerNumber: OutboxColumn = {
    key: 'registerNumber',
    title: t('outbox.columns.registerNumber'),
    width: 70,
    align: 'right',
    render: (_, dispatch) => <TextOrDash value={dispatch.registerNumber} />,
  };
  const sentAt: OutboxColumn = {
    key: 'sentAt',
    title: t('outbox.columns.sentAt'),
    width: 135,
    render: (_, dispatch) => <TextOrDash value={formatDateTime(dispatch.sentAt)} />,
  };
  const numberNotation: OutboxColumn = {
    key: 'numberNotation',
    title: t('outbox.columns.numberNotation'),
    width: 130,
    render: (_, dispatch) => <TextOrDash value={formatNumberNotation(dispatch.number, dispatch.notation)} />,
  };
  const type: OutboxColumn = {
    key: 'type',
    title: t('outbox.columns.type'),
    width: 110,
    render: (_, dispatch) => <TextOrDash value={dispatch.typeName || dispatch.type} />,
  };
  const subject: OutboxColumn = {
    key: 'subject',
    title: t('outbox.columns.subject'),
    render: (_, dispatch) => (
      <Link to={options.pathOf(dispatch)} className="inbox-subject">
        <TextOrDash value={dispatch.subject} />
        {dispatch.urgency && dispatch.urgency !== 'normal' && (
          <>
            {' '}
            <UrgencyTag urgency={dispatch.urgency} />
          </>
        )}
      </Link>
    ),
  };
  const progress: OutboxColumn = {
    key: 'progress',
    title: t('outbox.columns.progress'),
    width: 190,
    render: (_, dispatch) =>
      dispatch.status === 'draft' ? <TextOrDash value={null} /> : <DispatchProgress counts={dispatch.counts} data-testid="outbox-progress" />,
  };
  const status: OutboxColumn = {
    key: 'status',
    title: t('outbox.columns.status'),
    width: 110,
    render: (_, dispatch) => <DispatchStatusTag status={dispatch.status} />,
  };
  const createdBy: OutboxColumn = {
    key: 'createdBy',
    title: t('outbox.columns.createdBy'),
    width: 180,
    render: (_, dispatch) => <TextOrDash value={dispatch.createdBy} />,
  };

  if (options.drafts) {
    return [numberNotation, type, subject, createdBy];
  }

  return [registerNumber, sentAt, numberNotation, type, subject, progress, status];
}
