import { Card, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ComposeValues } from './compose-values';

interface RecipientSectionProps {
  /** Error of the preview for an entry it cannot resolve, such as an unknown code. It is shown at the field. */
  previewError: Error | null;
}

// Pasted lists are split at these, so that one paste can add a whole list of addresses.
const separators = [',', ';', ' ', '\n'];

/**
 * Shows the Nơi nhận field, where the clerk types group codes, organization codes and mail addresses.
 * TODO: offer the directory's groups and organizations to pick from, once the API lists them.
 */
export function RecipientSection({ previewError }: RecipientSectionProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ComposeValues>();
  const [search, setSearch] = useState('');

  // A code typed without Enter would otherwise vanish when the clerk moves on to the next field.
  function keepTypedEntry(): void {
    const entry = search.trim();
    setSearch('');
    if (entry === '') {
      return;
    }

    const current: string[] = form.getFieldValue('recipients') ?? [];
    if (!current.includes(entry)) {
      form.setFieldValue('recipients', [...current, entry]);
      void form.validateFields(['recipients']).catch(() => undefined);
    }
  }

  return (
    <Card size="small" title={t('compose.fields.recipients')}>
      <Form.Item
        name="recipients"
        rules={[{ required: true, type: 'array', min: 1, message: t('compose.recipientsRequired') }]}
        validateStatus={previewError ? 'error' : undefined}
        help={previewError ? previewError.message : undefined}
        extra={t('compose.recipientsHint')}
        className="compose-recipients"
      >
        <Select
          mode="tags"
          tokenSeparators={separators}
          showSearch={{ searchValue: search, onSearch: setSearch }}
          onBlur={keepTypedEntry}
          placeholder={t('compose.recipientsPlaceholder')}
          notFoundContent={null}
          suffixIcon={null}
          aria-label={t('compose.fields.recipients')}
          data-testid="compose-recipients"
        />
      </Form.Item>
    </Card>
  );
}
