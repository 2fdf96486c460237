import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Shows the value, or a grey dash when it is missing, so that an empty cell reads as "not recognised". */
export function TextOrDash({ value }: { value: ReactNode }) {
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }

  return <>{value}</>;
}
