import { InfoCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Notification } from '../api/types';
import { PageError } from '../components/page-error';
import { formatDateTime } from '../format/date-time';

interface NotificationListProps {
  notifications: Notification[];
  /** Notices that were unread when the list was opened; they stay highlighted after being marked read. */
  newIds: ReadonlySet<string>;
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
}

function NotificationIcon({ kind }: { kind: string }) {
  if (kind === 'classified-refused') {
    return (
      <Typography.Text type="danger" className="notification-icon" data-testid="notification-icon-refused">
        <StopOutlined />
      </Typography.Text>
    );
  }

  return (
    <Typography.Text type="secondary" className="notification-icon">
      <InfoCircleOutlined />
    </Typography.Text>
  );
}

/** Lists notices newest first, each with its time in Asia/Ho_Chi_Minh. */
export function NotificationList({ notifications, newIds, loading, error, onRetry }: NotificationListProps) {
  const { t } = useTranslation();

  if (loading) {
    return (
      <Flex className="notification-list" justify="center">
        <Spin />
      </Flex>
    );
  }

  if (error) {
    return (
      <div className="notification-list">
        <PageError error={error} onRetry={onRetry} />
      </div>
    );
  }

  if (notifications.length === 0) {
    return (
      <div className="notification-list" data-testid="notification-list">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      </div>
    );
  }

  return (
    <ul className="notification-list" data-testid="notification-list">
      {notifications.map((item) => (
        <li
          key={item.id}
          className={newIds.has(item.id) ? 'notification-item notification-item-new' : 'notification-item'}
          data-testid="notification-item"
          data-kind={item.kind}
          data-new={newIds.has(item.id)}
        >
          <NotificationIcon kind={item.kind} />
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" className="notification-time">
              {formatDateTime(item.at)}
            </Typography.Text>
            <Typography.Text>{item.text}</Typography.Text>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
