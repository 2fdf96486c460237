import { Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import { recipientStatuses, type DispatchDelivery, type DispatchDetail } from '../../api/dispatch-types';
import { RecipientStatusTag } from '../../components/recipient-status-tag';
import { TextOrDash } from '../../components/text-or-dash';
import { formatDateTime } from '../../format/date-time';
import { canResend, isSettled, lastEventAt } from './dispatch-state';
import { RecipientTimeline } from './recipient-timeline';
import { ResendButton } from './resend-button';

interface RecipientTableProps {
  dispatch: DispatchDetail;
  /** False for staff, who may follow a dispatch but not act on it. */
  mayAct: boolean;
}

function OverdueMark({ delivery }: { delivery: DispatchDelivery }) {
  const { t } = useTranslation();

  return (
    <Tooltip title={t('dispatch.overdueSince', { time: formatDateTime(delivery.overdueAt) })}>
      <Tag color="red" data-testid="recipient-overdue" tabIndex={0}>
        {t('dispatch.overdue')}
      </Tag>
    </Tooltip>
  );
}

function recipientColumns(t: TFunction, dispatch: DispatchDetail, mayAct: boolean): TableColumnsType<DispatchDelivery> {
  const columns: TableColumnsType<DispatchDelivery> = [
    {
      key: 'recipient',
      title: t('dispatch.columns.recipient'),
      render: (_, delivery) => (
        <Flex vertical>
          <Typography.Text strong data-testid="recipient-name">
            {delivery.recipient}
          </Typography.Text>
          {delivery.address && delivery.address !== delivery.recipient && (
            <Typography.Text type="secondary" className="recipient-address">
              {delivery.address}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('dispatch.columns.kind'),
      width: 150,
      render: (_, delivery) => (delivery.kind === 'local' ? t('preview.kindLocal') : t('preview.kindRemote')),
    },
    {
      key: 'status',
      title: t('dispatch.columns.status'),
      width: 190,
      filters: recipientStatuses.map((status) => ({ value: status, text: t(`recipientStatus.${status}`) })),
      onFilter: (value, delivery) => delivery.status === value,
      render: (_, delivery) => (
        <Flex wrap gap={4}>
          <RecipientStatusTag status={delivery.status} data-testid="recipient-status" />
          {delivery.overdue && <OverdueMark delivery={delivery} />}
        </Flex>
      ),
    },
    {
      key: 'updatedAt',
      title: t('dispatch.columns.updatedAt'),
      width: 135,
      render: (_, delivery) => <TextOrDash value={formatDateTime(lastEventAt(delivery))} />,
    },
  ];

  if (mayAct) {
    columns.push({
      key: 'actions',
      title: t('dispatch.columns.actions'),
      width: 100,
      render: (_, delivery) => (canResend(dispatch, delivery) ? <ResendButton dispatchId={dispatch.id} delivery={delivery} /> : null),
    });
  }

  return columns;
}

/** Lists each recipient's copy with its status. A row expands to the copy's timeline. */
export function RecipientTable({ dispatch, mayAct }: RecipientTableProps) {
  const { t } = useTranslation();

  return (
    <Card
      size="small"
      title={t('dispatch.recipients', { count: dispatch.deliveries.length })}
      extra={isSettled(dispatch) ? null : <Typography.Text type="secondary">{t('dispatch.autoRefresh')}</Typography.Text>}
    >
      <Table<DispatchDelivery>
        rowKey="recipientId"
        size="small"
        columns={recipientColumns(t, dispatch, mayAct)}
        dataSource={dispatch.deliveries}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (delivery) => <RecipientTimeline events={delivery.events} />,
          rowExpandable: (delivery) => delivery.events.length > 0,
        }}
        onRow={(delivery) =>
          ({
            'data-testid': 'dispatch-recipient',
            'data-recipient-id': delivery.recipientId,
            'data-organization-code': delivery.organizationCode ?? '',
            'data-status': delivery.status,
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid="dispatch-recipients"
      />
    </Card>
  );
}
