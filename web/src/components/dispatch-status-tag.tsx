import { Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { DispatchStatus } from '../api/dispatch-types';

const colors: Record<DispatchStatus, string> = {
  draft: 'default',
  sent: 'blue',
  withdrawn: 'default',
};

interface DispatchStatusTagProps extends HTMLAttributes<HTMLSpanElement> {
  status: DispatchStatus;
}

export function DispatchStatusTag({ status, ...rest }: DispatchStatusTagProps) {
  const { t } = useTranslation();

  return (
    <Tag color={colors[status] ?? 'default'} data-status={status} {...rest}>
      {t(`dispatchStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}
