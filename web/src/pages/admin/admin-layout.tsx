import { Flex, Tabs, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';

import { PageSpinner } from '../../components/page-spinner';

const adminTabs = [
  { path: '/admin', key: 'overview' },
  { path: '/admin/sending-rules', key: 'sendingRules' },
  { path: '/admin/calendar', key: 'calendar' },
  { path: '/admin/groups', key: 'groups' },
] as const;

/** Frame of the administrator's screens: the Quản trị title and a tab for each screen. */
export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();

  return (
    <Flex vertical gap="small" className="admin-layout" data-testid="admin-layout">
      <Typography.Title level={3} className="page-title">
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        activeKey={location.pathname}
        items={adminTabs.map((tab) => ({ key: tab.path, label: <span data-testid={`admin-tab-${tab.key}`}>{t(`admin.tabs.${tab.key}`)}</span> }))}
        onChange={(path) => void navigate(path)}
      />
      {/* Each tab's screen is its own chunk, and the tabs stay while it loads. */}
      <Suspense fallback={<PageSpinner />}>
        <Outlet />
      </Suspense>
    </Flex>
  );
}
