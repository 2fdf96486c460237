import { Badge, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import type { RecognizedField } from '../api/types';

// Below this, a clerk should check the value against the document before accepting or sending it.
const lowConfidence = 0.8;

export function isLowConfidence(field: RecognizedField): boolean {
  return field.confidence < lowConfidence;
}

/** Shows how sure recognition was: a green dot, or the percentage in orange below the threshold. */
export function ConfidenceMark({ field, name }: { field: RecognizedField; name: string }) {
  const { t } = useTranslation();
  const percent = Math.round(field.confidence * 100);

  const tooltip = (
    <>
      <div>{t('document.confidence', { percent })}</div>
      <div>{t('document.source', { source: field.source })}</div>
    </>
  );

  return (
    <Tooltip title={tooltip}>
      <span className="confidence-mark" data-testid="confidence-mark" data-field={name} data-confidence={field.confidence} tabIndex={0}>
        {isLowConfidence(field) ? <Tag color="warning">{percent}%</Tag> : <Badge status="success" />}
      </span>
    </Tooltip>
  );
}
