import { Card, Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchRecipientOptions } from '../../api/dispatches';
import type { RecipientOptions } from '../../api/dispatch-types';
import { queryKeys } from '../../api/query-keys';

import type { ComposeValues } from './compose-values';

interface RecipientSectionProps {
  /** Error of the preview for an entry it cannot resolve, such as an unknown code. It is shown at the field. */
  previewError: Error | null;
}

// Pasted lists are split at these, so that one paste can add a whole list of addresses.
const separators = [',', ';', ' ', '\n'];

/**
 * Shows the Nơi nhận field: the clerk picks groups and organizations of the directory, searching
 * by name with or without diacritics, or types mail addresses of other systems.
 */
export function RecipientSection({ previewError }: RecipientSectionProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ComposeValues>();
  const [search, setSearch] = useState('');
  const { data: directory } = useQuery({ queryKey: queryKeys.recipientOptions, queryFn: ({ signal }) => fetchRecipientOptions(signal), staleTime: 5 * 60 * 1000 });
  const options = useMemo(() => recipientOptionsOf(directory, t), [directory, t]);

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
          options={options}
          filterOption={(input, option) => foldForSearch(`${option?.label ?? ''} ${option && 'value' in option ? option.value : ''}`).includes(foldForSearch(input))}
          notFoundContent={null}
          suffixIcon={null}
          aria-label={t('compose.fields.recipients')}
          data-testid="compose-recipients"
        />
      </Form.Item>
    </Card>
  );
}

function recipientOptionsOf(directory: RecipientOptions | undefined, t: TFunction) {
  if (!directory) return [];

  return [
    {
      label: t('compose.recipientGroups'),
      options: directory.groups.map((group) => ({ value: group.code, label: t('compose.groupOption', { name: group.name, count: group.memberCount }) })),
    },
    {
      label: t('compose.recipientOrganizations'),
      options: directory.organizations.map((organization) => ({ value: organization.code, label: organization.name })),
    },
  ];
}

// "Sở Y tế" is found by typing "so y te": the same folding as the server's search.
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
