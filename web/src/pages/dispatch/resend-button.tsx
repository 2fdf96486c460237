import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DispatchDelivery } from '../../api/dispatch-types';
import { resendToRecipient } from '../../api/dispatches';
import { useApplyUpdatedDispatch } from './use-apply-updated-dispatch';

interface ResendButtonProps {
  dispatchId: string;
  delivery: DispatchDelivery;
}

/** Shows Gửi lại, which queues the message again for one recipient outside this installation. */
export function ResendButton({ dispatchId, delivery }: ResendButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applyUpdated = useApplyUpdatedDispatch(dispatchId);

  const mutation = useMutation({
    mutationFn: () => resendToRecipient(dispatchId, delivery.recipientId),
    onSuccess: (updated) => {
      applyUpdated(updated);
      void message.success(t('dispatch.resendDone', { recipient: delivery.recipient }));
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <Button size="small" loading={mutation.isPending} onClick={() => mutation.mutate()} data-testid="recipient-resend">
      {t('dispatch.resend')}
    </Button>
  );
}
