import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchNotifications, markNotificationsRead } from '../api/notifications';
import { queryKeys } from '../api/query-keys';
import type { Notification } from '../api/types';
import { NotificationList } from './notification-list';

const refetchIntervalMs = 60_000;

/**
 * Bell in the header with the number of unread notices of the user's organization. Opening it lists
 * the notices and marks them all read, while the list keeps showing which ones were new.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(new Set());

  const query = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: refetchIntervalMs,
  });

  // NOTE: the server marks every notice of the organization read, even one that arrived after this
  // list was loaded. Such a notice then shows as read although it was never highlighted.
  const markRead = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => {
      queryClient.setQueryData<Notification[]>(queryKeys.notifications, (old) => old?.map((item) => ({ ...item, read: true })));
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    onError: (error) => void message.error(error.message),
  });

  const notifications = query.data ?? [];
  const unread = notifications.filter((item) => !item.read);

  function handleOpenChange(next: boolean): void {
    setOpen(next);
    if (!next) {
      return;
    }

    setNewIds(new Set(unread.map((item) => item.id)));
    if (unread.length > 0) {
      markRead.mutate();
    }
  }

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={handleOpenChange}
      title={t('notifications.title')}
      content={
        <NotificationList
          notifications={notifications}
          newIds={newIds}
          loading={query.isPending}
          error={query.isError ? query.error : null}
          onRetry={() => void query.refetch()}
        />
      }
    >
      <Badge count={unread.length} size="small" data-testid="notification-count">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.open', { count: unread.length })}
          data-unread={unread.length}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
