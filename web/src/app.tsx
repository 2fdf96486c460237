import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import en_US from 'antd/locale/en_US';
import vi_VN from 'antd/locale/vi_VN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';

import { queryClient } from './api/query-client';
import { PageSpinner } from './components/page-spinner';
import { router } from './router';

export function App() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? en_US : vi_VN;

  return (
    <ConfigProvider locale={locale}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<PageSpinner />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
