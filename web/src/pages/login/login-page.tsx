import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router-dom';

import { login, type Credentials } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';
import type { User } from '../../api/types';
import { canOpenPath, homePath } from '../../auth/sections';
import { useSession } from '../../auth/use-session';
import { PageSpinner } from '../../components/page-spinner';
import { LanguageSwitch } from '../../layout/language-switch';
import { usePageTitle } from '../../layout/use-page-title';

// The page the guard came from, so that signing in returns there. The start page of the user's roles
// otherwise, and also when the earlier page belongs to a section that this user may not open.
function targetAfterLogin(state: unknown, user: User): string {
  const from = (state as { from?: Location } | null)?.from;
  if (!from || from.pathname === '/login' || from.pathname === '/' || !canOpenPath(user, from.pathname)) {
    return homePath(user);
  }

  return from.pathname + from.search;
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  usePageTitle(t('login.title'));

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (newSession) => {
      // Data cached for an earlier user must not show for this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      queryClient.setQueryData(queryKeys.session, newSession);
      void navigate(targetAfterLogin(location.state, newSession.user), { replace: true });
    },
  });

  if (session.isPending) {
    return <PageSpinner />;
  }

  if (session.data && !mutation.isSuccess) {
    return <Navigate to={homePath(session.data.user)} replace />;
  }

  return (
    <Flex className="login-screen" vertical align="center" justify="center" gap="large">
      <Card className="login-card">
        <Typography.Title level={3}>{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {mutation.isError && (
          <Alert type="error" showIcon title={mutation.error.message} data-testid="login-error" className="login-error" />
        )}
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => mutation.mutate(values)}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <LanguageSwitch />
    </Flex>
  );
}
