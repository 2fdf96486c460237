import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import type { DispatchDetail } from '../../api/dispatch-types';
import { withdrawDispatch } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { ReasonModal } from '../../components/reason-modal';
import { recallableCount } from './dispatch-state';
import { useApplyUpdatedDispatch } from './use-apply-updated-dispatch';

// The server stores at most this many characters of a recall reason.
const maxReasonLength = 2000;

/** Shows Thu hồi, which recalls every copy not yet accepted or rejected, with a reason sent to those recipients. */
export function WithdrawButton({ dispatch }: { dispatch: DispatchDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const applyUpdated = useApplyUpdatedDispatch(dispatch.id);
  const [open, setOpen] = useState(false);
  const count = recallableCount(dispatch);

  const mutation = useMutation({
    mutationFn: (reason: string) => withdrawDispatch(dispatch.id, reason),
    onSuccess: (result) => {
      applyUpdated(result.dispatch);
      setOpen(false);
      void message.success(t('dispatch.withdrawDone', { count: result.withdrawn }));
    },
    onError: (error) => {
      void message.error(error.message);

      // A 409 means the copies were decided or recalled meanwhile, so the page loads the current state.
      if (error instanceof ApiError && error.status === 409) {
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: queryKeys.dispatch(dispatch.id) });
      }
    },
  });

  const texts = {
    title: t('withdrawModal.title'),
    intro: t('withdrawModal.intro', { count }),
    label: t('withdrawModal.reason'),
    required: t('withdrawModal.reasonRequired'),
    placeholder: t('withdrawModal.reasonPlaceholder'),
    confirm: t('withdrawModal.confirm'),
  };

  return (
    <>
      <Tooltip title={count === 0 ? t('dispatch.nothingToWithdraw') : undefined}>
        <Button danger disabled={count === 0} onClick={() => setOpen(true)} data-testid="dispatch-withdraw">
          {t('dispatch.withdraw')}
        </Button>
      </Tooltip>
      <ReasonModal
        open={open}
        pending={mutation.isPending}
        texts={texts}
        maxLength={maxReasonLength}
        testId="withdraw"
        onConfirm={(reason) => mutation.mutate(reason)}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
