import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';

import { HomeRedirect, RequireSection } from './auth/require-section';
import { RequireSession } from './auth/require-session';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';

// Each screen is its own chunk, loaded on first visit.
const LoginPage = lazy(() => import('./pages/login/login-page').then((module) => ({ default: module.LoginPage })));
const InboxPage = lazy(() => import('./pages/inbox/inbox-page').then((module) => ({ default: module.InboxPage })));
const DocumentPage = lazy(() => import('./pages/document/document-page').then((module) => ({ default: module.DocumentPage })));
const RegisterPage = lazy(() => import('./pages/register/register-page').then((module) => ({ default: module.RegisterPage })));
const OutboxPage = lazy(() => import('./pages/outbox/outbox-page').then((module) => ({ default: module.OutboxPage })));
const DispatchPage = lazy(() => import('./pages/dispatch/dispatch-page').then((module) => ({ default: module.DispatchPage })));
const ComposePage = lazy(() => import('./pages/compose/compose-page').then((module) => ({ default: module.ComposePage })));
const FlaggedPage = lazy(() => import('./pages/flagged/flagged-page').then((module) => ({ default: module.FlaggedPage })));
const AdminPage = lazy(() => import('./pages/admin/admin-page').then((module) => ({ default: module.AdminPage })));

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                element: <RequireSection section="inbox" />,
                children: [
                  { path: 'inbox', element: <InboxPage /> },
                  { path: 'documents/:id', element: <DocumentPage /> },
                ],
              },
              { element: <RequireSection section="register" />, children: [{ path: 'register', element: <RegisterPage /> }] },
              {
                element: <RequireSection section="outbox" />,
                children: [
                  { path: 'dispatches', element: <OutboxPage /> },
                  { path: 'dispatches/:id', element: <DispatchPage /> },
                ],
              },
              { element: <RequireSection section="compose" />, children: [{ path: 'compose', element: <ComposePage /> }] },
              { element: <RequireSection section="flagged" />, children: [{ path: 'flagged', element: <FlaggedPage /> }] },
              { element: <RequireSection section="admin" />, children: [{ path: 'admin', element: <AdminPage /> }] },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
