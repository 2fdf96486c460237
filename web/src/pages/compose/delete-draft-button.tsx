import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { ApiError } from '../../api/api-error';
import { deleteDraft } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { ConfirmButton } from '../../components/confirm-button';
import { dispatchPath } from '../dispatch/dispatch-path';
import { draftListPath } from '../outbox/outbox-search-params';

interface DeleteDraftButtonProps {
  draftId: string;
  disabled: boolean;
}

/** Shows Xóa bản nháp, which deletes the draft after a confirmation and returns to the list of drafts. */
export function DeleteDraftButton({ draftId, disabled }: DeleteDraftButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const mutation = useMutation({
    mutationFn: () => deleteDraft(draftId),
    onSuccess: () => {
      void message.success(t('compose.draftDeleted'));
      leave(draftListPath());
    },
    onError: (error) => {
      void message.error(error.message);

      // 409: the draft was sent meanwhile, from another tab or by a colleague, so its dispatch page shows what happened.
      if (error instanceof ApiError && error.status === 409) {
        leave(dispatchPath(draftId));
      }
    },
  });

  function leave(path: string): void {
    queryClient.removeQueries({ queryKey: queryKeys.dispatch(draftId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dispatchLists });
    void navigate(path);
  }

  return (
    <ConfirmButton
      label={t('compose.deleteDraft')}
      question={t('compose.deleteDraftConfirm')}
      pending={mutation.isPending}
      disabled={disabled}
      testId="compose-delete-draft"
      onConfirm={() => mutation.mutate()}
    />
  );
}
