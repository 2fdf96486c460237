import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import { acceptDocument, rejectDocument } from '../../api/documents';
import { queryKeys } from '../../api/query-keys';
import type { DocumentDetail } from '../../api/types';
import { isDecided } from './decision-state';
import { RejectModal } from './reject-modal';
import { useApplyUpdatedDocument } from './use-apply-updated-document';

/** Tiếp nhận and Từ chối; both are disabled once the copy is decided. */
export function DecisionButtons({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const applyUpdated = useApplyUpdatedDocument(document.id);
  const [rejecting, setRejecting] = useState(false);

  function showError(error: Error): void {
    void message.error(error.message);

    // 409: someone else decided first, so show the current state.
    if (error instanceof ApiError && error.status === 409) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.document(document.id) });
    }
  }

  const accept = useMutation({
    mutationFn: () => acceptDocument(document.id),
    onSuccess: (updated) => {
      applyUpdated(updated);
      void message.success(t('document.acceptDone'));
    },
    onError: showError,
  });

  const reject = useMutation({
    mutationFn: (reason: string) => rejectDocument(document.id, reason),
    onSuccess: (updated) => {
      applyUpdated(updated);
      setRejecting(false);
      void message.success(t('document.rejectDone'));
    },
    onError: showError,
  });

  const disabled = isDecided(document.status) || accept.isPending || reject.isPending;

  return (
    <>
      <Button type="primary" disabled={disabled} loading={accept.isPending} onClick={() => accept.mutate()} data-testid="document-accept">
        {t('document.accept')}
      </Button>
      <Button danger disabled={disabled} onClick={() => setRejecting(true)} data-testid="document-reject">
        {t('document.reject')}
      </Button>
      <RejectModal
        open={rejecting}
        pending={reject.isPending}
        onConfirm={(reason) => reject.mutate(reason)}
        onCancel={() => setRejecting(false)}
      />
    </>
  );
}
