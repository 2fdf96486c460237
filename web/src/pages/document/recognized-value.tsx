import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows the value that recognition produced for a corrected field, struck through, with a tooltip. */
export function RecognizedValue({ text }: { text: string | null }) {
  const { t } = useTranslation();
  const displayed = text ?? '—';

  return (
    <Tooltip title={t('document.recognizedValue', { value: displayed })}>
      <Typography.Text delete type="secondary" className="recognized-value" data-testid="recognized-value" tabIndex={0}>
        {displayed}
      </Typography.Text>
    </Tooltip>
  );
}
