import { Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { DeliveryStatus } from '../api/types';

const colors: Record<DeliveryStatus, string> = {
  delivered: 'blue',
  read: 'default',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

interface StatusTagProps extends HTMLAttributes<HTMLSpanElement> {
  status: DeliveryStatus;
}

export function StatusTag({ status, ...rest }: StatusTagProps) {
  const { t } = useTranslation();

  return (
    <Tag color={colors[status] ?? 'default'} data-status={status} {...rest}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
