import { Typography } from 'antd';
import type { ReactNode } from 'react';

import { formatDateTime } from '../format/date-time';

interface TimelineEntryProps {
  testId: string;
  kind: string;
  /** ISO timestamp in UTC. */
  at: string;
  title: ReactNode;
  /** Lines under the title, such as who acted or a reason. */
  children?: ReactNode;
}

/** Renders one entry of a history timeline: what happened, its details, then the time in Asia/Ho_Chi_Minh. */
export function TimelineEntry({ testId, kind, at, title, children }: TimelineEntryProps) {
  return (
    <div data-testid={testId} data-kind={kind}>
      <div>{title}</div>
      {children}
      <div>
        <Typography.Text type="secondary" className="history-time">
          {formatDateTime(at)}
        </Typography.Text>
      </div>
    </div>
  );
}
