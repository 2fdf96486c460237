import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { logout } from '../api/auth';
import { queryKeys } from '../api/query-keys';

export function LogoutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  // The local session ends even when the server call fails, because the user asked to leave.
  const mutation = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
      void navigate('/login', { replace: true });
    },
  });

  return (
    <Button data-testid="logout" loading={mutation.isPending} onClick={() => mutation.mutate()}>
      {t('header.logout')}
    </Button>
  );
}
