import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import type { SendingRules, SendingRulesSettings } from '../../api/dispatch-types';
import { queryKeys } from '../../api/query-keys';
import { fetchSendingRules, saveSendingRules } from '../../api/sending-rules';
import { PageError } from '../../components/page-error';
import { PageSpinner } from '../../components/page-spinner';
import { matchesFoldedLabel } from '../../format/fold-text';
import { useDocumentTypes } from '../../hooks/use-document-types';
import { usePageTitle } from '../../layout/use-page-title';
import { formFieldOf, formValuesOf, rulesOf, type SendingRulesFormValues } from './sending-rules-values';

// The server accepts 1 KB to 100 MB for each limit.
const minMegabytes = 0.01;
const maxMegabytes = 100;

interface SendingRulesFormProps {
  settings: SendingRulesSettings;
}

function SendingRulesForm({ settings }: SendingRulesFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SendingRulesFormValues>();
  const types = useDocumentTypes();

  const mutation = useMutation({
    mutationFn: (rules: SendingRules) => saveSendingRules(rules),
    onSuccess: (rules) => {
      queryClient.setQueryData<SendingRulesSettings>(queryKeys.sendingRules, { ...settings, rules });
      void message.success(t('sendingRules.saved'));
    },
    onError: (error) => {
      // A rejected value is shown under its own field when the server names it.
      const field = error instanceof ApiError && error.field ? formFieldOf(error.field) : null;
      if (field) {
        form.setFields([{ name: field, errors: [error.message] }]);
        form.scrollToField(field, { block: 'center' });

        return;
      }

      void message.error(error.message);
    },
  });

  const typeSelect = { mode: 'multiple' as const, allowClear: true, showSearch: { filterOption: matchesFoldedLabel }, loading: types.isLoading, options: types.options };
  const fileKinds = Object.entries(settings.fileKinds).map(([contentType, label]) => ({ value: contentType, label }));
  const size = { min: minMegabytes, max: maxMegabytes, step: 1, precision: 2, suffix: 'MB', style: { width: 180 } };

  return (
    <Form<SendingRulesFormValues>
      form={form}
      layout="vertical"
      initialValues={formValuesOf(settings.rules)}
      onFinish={(values) => mutation.mutate(rulesOf(values))}
      data-testid="sending-rules-form"
    >
      <Card size="small" title={t('sendingRules.typesTitle')}>
        <Form.Item name="typesNotByEmail" label={t('sendingRules.typesNotByEmail')} extra={t('sendingRules.typesNotByEmailHint')}>
          <Select {...typeSelect} placeholder={t('sendingRules.typesPlaceholder')} data-testid="sending-rules-not-by-email" />
        </Form.Item>
        <Form.Item name="paperCopyTypes" label={t('sendingRules.paperCopyTypes')} extra={t('sendingRules.paperCopyTypesHint')}>
          <Select {...typeSelect} placeholder={t('sendingRules.typesPlaceholder')} data-testid="sending-rules-paper-copy" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('sendingRules.filesTitle')} className="admin-card">
        <Form.Item
          name="allowedFileTypes"
          label={t('sendingRules.allowedFileTypes')}
          extra={t('sendingRules.allowedFileTypesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('sendingRules.allowedFileTypesRequired') }]}
        >
          <Checkbox.Group options={fileKinds} data-testid="sending-rules-file-types" />
        </Form.Item>
        <Flex gap="large" wrap>
          <Form.Item name="maxFileMegabytes" label={t('sendingRules.maxFile')} rules={[{ required: true, message: t('sendingRules.sizeRequired') }]}>
            <InputNumber {...size} data-testid="sending-rules-max-file" />
          </Form.Item>
          <Form.Item name="maxTotalMegabytes" label={t('sendingRules.maxTotal')} extra={t('sendingRules.maxTotalHint')} rules={[{ required: true, message: t('sendingRules.sizeRequired') }]}>
            <InputNumber {...size} data-testid="sending-rules-max-total" />
          </Form.Item>
        </Flex>
      </Card>
      <Flex justify="end" className="admin-actions">
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="sending-rules-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** Shows Quy định gửi văn bản, the rules every dispatch is checked against, for an administrator to change. */
export function SendingRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('sendingRules.title'));

  const query = useQuery({ queryKey: queryKeys.sendingRules, queryFn: ({ signal }) => fetchSendingRules(signal) });

  // A failed background refresh keeps the form and what the administrator has typed into it.
  if (query.data) {
    return <SendingRulesForm settings={query.data} />;
  }

  if (query.isError) {
    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }

  return <PageSpinner />;
}
