import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import type { Group, GroupEdit } from '../../api/group-types';
import { changeGroup, createGroup, fetchGroup, fetchOrganizations } from '../../api/groups';
import { queryKeys } from '../../api/query-keys';
import { withTestId } from '../../components/button-test-id';
import { foldText } from '../../format/fold-text';

interface GroupFormValues {
  code: string;
  name: string;
  members: string[];
}

type GroupField = keyof GroupFormValues;

const formFields: GroupField[] = ['code', 'name', 'members'];

// The server's limits: a code of lower-case words joined by hyphens, a name of at most 200 characters.
const codePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maxCodeLength = 64;
const maxNameLength = 200;

interface GroupModalProps {
  /** The group to edit, or null to create one. */
  group: Group | null;
  open: boolean;
  onClose: () => void;
}

function initialValuesOf(group: Group | null): GroupFormValues {
  if (!group) {
    return { code: '', name: '', members: [] };
  }

  return { code: group.code, name: group.name, members: group.members.map((member) => member.code) };
}

/** Matches an organization by its name or code, with or without diacritics. */
function matchesOrganization(input: string, option: { label?: unknown; value?: unknown } | undefined): boolean {
  const text = `${typeof option?.label === 'string' ? option.label : ''} ${typeof option?.value === 'string' ? option.value : ''}`;

  return foldText(text).includes(foldText(input));
}

/**
 * Shows the form that creates a recipient group or changes a group's name and members. A change
 * names the version the form was opened at. When someone else saved meanwhile, the server rejects
 * it, and the form offers to load the newer version.
 */
export function GroupModal({ group, open, onClose }: GroupModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GroupFormValues>();
  const [version, setVersion] = useState(group?.version ?? 0);
  const [conflict, setConflict] = useState<string | null>(null);
  const members = Form.useWatch('members', form) ?? [];

  const organizations = useQuery({ queryKey: queryKeys.organizations, queryFn: ({ signal }) => fetchOrganizations(signal), enabled: open });
  const options = (organizations.data ?? []).map((organization) => ({ value: organization.code, label: organization.name }));

  const save = useMutation({
    mutationFn: (values: GroupFormValues) => {
      const edit: GroupEdit = { name: values.name.trim(), members: values.members };

      return group ? changeGroup(group.code, version, edit) : createGroup(values.code.trim(), edit);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      void queryClient.invalidateQueries({ queryKey: queryKeys.recipientOptions });
      void message.success(t('groups.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.field === 'version') {
        setConflict(error.message);

        return;
      }

      // A rejected value is shown under its own field when the server names it.
      const field = error instanceof ApiError ? error.field : undefined;
      if (field && formFields.includes(field as GroupField)) {
        form.setFields([{ name: field as GroupField, errors: [error.message] }]);

        return;
      }

      void message.error(error.message);
    },
  });

  const reload = useMutation({
    mutationFn: () => fetchGroup(group!.code),
    onSuccess: (latest) => {
      form.setFieldsValue(initialValuesOf(latest));
      setVersion(latest.version);
      setConflict(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
    },
    onError: (error) => {
      void message.error(error.message);
      void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      onClose();
    },
  });

  const codeRules = [
    { required: true, whitespace: true, message: t('groups.codeRequired') },
    { pattern: codePattern, max: maxCodeLength, message: t('groups.codeInvalid', { max: maxCodeLength }) },
  ];

  return (
    <Modal
      open={open}
      title={group ? t('groups.editTitle', { name: group.name }) : t('groups.addTitle')}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={withTestId('group-save', { disabled: conflict !== null })}
      confirmLoading={save.isPending}
      cancelText={t('common.cancel')}
      width={640}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          className="group-conflict"
          data-testid="group-conflict"
          action={
            <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()} data-testid="group-reload">
              {t('groups.reload')}
            </Button>
          }
        />
      )}
      <Form<GroupFormValues> form={form} layout="vertical" initialValues={initialValuesOf(group)} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="code" label={t('groups.code')} extra={group ? t('groups.codeFixed') : t('groups.codeHint')} rules={group ? [] : codeRules}>
          <Input disabled={group !== null} maxLength={maxCodeLength} data-testid="group-code" />
        </Form.Item>
        <Form.Item name="name" label={t('groups.name')} rules={[{ required: true, whitespace: true, message: t('groups.nameRequired') }]}>
          <Input maxLength={maxNameLength} data-testid="group-name" />
        </Form.Item>
        <Form.Item
          name="members"
          label={t('groups.members')}
          extra={t('groups.membersHint', { count: members.length })}
          rules={[{ required: true, type: 'array', min: 1, message: t('groups.membersRequired') }]}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: matchesOrganization }}
            loading={organizations.isLoading}
            options={options}
            placeholder={t('groups.membersPlaceholder')}
            notFoundContent={organizations.isError ? organizations.error.message : undefined}
            data-testid="group-members"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
