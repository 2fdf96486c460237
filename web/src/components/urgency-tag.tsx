import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Urgency } from '../api/types';

const colors: Record<Urgency, string> = {
  normal: 'default',
  urgent: 'orange',
  'very-urgent': 'volcano',
  flash: 'red',
};

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();

  return (
    <Tag color={colors[urgency] ?? 'default'} data-urgency={urgency}>
      {t(`urgency.${urgency}`, { defaultValue: urgency })}
    </Tag>
  );
}
