import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The value recognition produced for a corrected field, struck through, with an explaining tooltip. */
export function RecognizedValue({ text }: { text: string | null }) {
  const { t } = useTranslation();
  const shown = text ?? '—';

  return (
    <Tooltip title={t('document.recognizedValue', { value: shown })}>
      <Typography.Text delete type="secondary" className="recognized-value" data-testid="recognized-value" tabIndex={0}>
        {shown}
      </Typography.Text>
    </Tooltip>
  );
}
