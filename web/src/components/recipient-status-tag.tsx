import { Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecipientStatus } from '../api/dispatch-types';

const colors: Record<RecipientStatus, string> = {
  queued: 'default',
  delivered: 'blue',
  read: 'cyan',
  accepted: 'green',
  rejected: 'red',
  failed: 'volcano',
  withdrawn: 'default',
};

interface RecipientStatusTagProps extends HTMLAttributes<HTMLSpanElement> {
  status: RecipientStatus;
}

/** Shows the status of one recipient's copy of a dispatch, from the sender's side. */
export function RecipientStatusTag({ status, ...rest }: RecipientStatusTagProps) {
  const { t } = useTranslation();

  return (
    <Tag color={colors[status] ?? 'default'} data-status={status} {...rest}>
      {t(`recipientStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}
