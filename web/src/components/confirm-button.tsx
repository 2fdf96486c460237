import { Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

import { withTestId } from './button-test-id';

interface ConfirmButtonProps {
  /** Label of the button and of the confirming button in the bubble, such as "Xóa bản nháp". */
  label: string;
  /** The question in the bubble. */
  question: string;
  pending: boolean;
  disabled?: boolean;
  size?: ButtonProps['size'];
  /** Test id of the button. The confirming button in the bubble gets the same id with `-confirm`. */
  testId: string;
  onConfirm: () => void;
}

/** Shows a red button for a step that cannot be undone, which acts only after the user confirms it in a bubble. */
export function ConfirmButton({ label, question, pending, disabled, size, testId, onConfirm }: ConfirmButtonProps) {
  const { t } = useTranslation();

  return (
    <Popconfirm
      title={question}
      okText={label}
      okButtonProps={withTestId(`${testId}-confirm`, { danger: true, loading: pending })}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      <Button danger size={size} disabled={disabled} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
}
