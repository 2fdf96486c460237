import { useTranslation } from 'react-i18next';

import { ReasonModal } from '../../components/reason-modal';

interface RejectModalProps {
  open: boolean;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

const maxReasonLength = 1000;

export function RejectModal({ open, pending, onConfirm, onCancel }: RejectModalProps) {
  const { t } = useTranslation();
  const texts = {
    title: t('rejectModal.title'),
    intro: t('rejectModal.intro'),
    label: t('rejectModal.reason'),
    required: t('rejectModal.reasonRequired'),
    placeholder: t('rejectModal.reasonPlaceholder'),
    confirm: t('rejectModal.confirm'),
  };

  return (
    <ReasonModal
      open={open}
      pending={pending}
      texts={texts}
      maxLength={maxReasonLength}
      testId="reject"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
