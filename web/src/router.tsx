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
const OutgoingRegisterPage = lazy(() =>
  import('./pages/outgoing-register/outgoing-register-page').then((module) => ({ default: module.OutgoingRegisterPage })),
);
const ComposePage = lazy(() => import('./pages/compose/compose-page').then((module) => ({ default: module.ComposePage })));
const FlaggedPage = lazy(() => import('./pages/flagged/flagged-page').then((module) => ({ default: module.FlaggedPage })));
const AdminLayout = lazy(() => import('./pages/admin/admin-layout').then((module) => ({ default: module.AdminLayout })));
const AdminPage = lazy(() => import('./pages/admin/admin-page').then((module) => ({ default: module.AdminPage })));
const SendingRulesPage = lazy(() => import('./pages/admin/sending-rules-page').then((module) => ({ default: module.SendingRulesPage })));
const CalendarPage = lazy(() => import('./pages/admin/calendar-page').then((module) => ({ default: module.CalendarPage })));
const GroupsPage = lazy(() => import('./pages/admin/groups-page').then((module) => ({ default: module.GroupsPage })));

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
              {
                element: <RequireSection section="outgoingRegister" />,
                children: [{ path: 'outgoing-register', element: <OutgoingRegisterPage /> }],
              },
              // The optional draft id keeps one form mounted when its first save moves it to the draft's address.
              { element: <RequireSection section="compose" />, children: [{ path: 'compose/:draftId?', element: <ComposePage /> }] },
              { element: <RequireSection section="flagged" />, children: [{ path: 'flagged', element: <FlaggedPage /> }] },
              {
                element: <RequireSection section="admin" />,
                children: [
                  {
                    path: 'admin',
                    element: <AdminLayout />,
                    children: [
                      { index: true, element: <AdminPage /> },
                      { path: 'sending-rules', element: <SendingRulesPage /> },
                      { path: 'calendar', element: <CalendarPage /> },
                      { path: 'groups', element: <GroupsPage /> },
                    ],
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
