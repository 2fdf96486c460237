import { Layout } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';

import { PageSpinner } from '../components/page-spinner';
import { AppHeader } from './app-header';
import { AppMenu } from './app-menu';

/** Frame of every signed-in screen: menu on the left, header on top, the page below. */
export function AppLayout() {
  return (
    <Layout className="app-layout">
      <Layout.Sider className="app-sider" theme="light" width={220}>
        <div className="app-brand">Công Văn</div>
        <AppMenu />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
