import { Flex, Layout, Typography } from 'antd';

import { canReadContent } from '../auth/permissions';
import { useCurrentUser } from '../auth/use-current-user';
import { LanguageSwitch } from './language-switch';
import { LogoutButton } from './logout-button';
import { NotificationBell } from './notification-bell';

export function AppHeader() {
  const user = useCurrentUser();

  return (
    <Layout.Header className="app-header">
      <Typography.Text strong ellipsis className="app-header-organization" data-testid="header-organization">
        {user.organization.name}
      </Typography.Text>
      <Flex align="center" gap="middle">
        <Typography.Text data-testid="header-user">{user.fullName}</Typography.Text>
        {canReadContent(user) && <NotificationBell />}
        <LanguageSwitch />
        <LogoutButton />
      </Flex>
    </Layout.Header>
  );
}
