import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { Group } from '../../api/group-types';
import { deleteGroup, fetchGroups } from '../../api/groups';
import { queryKeys } from '../../api/query-keys';
import { ConfirmButton } from '../../components/confirm-button';
import { PageError } from '../../components/page-error';
import { TextOrDash } from '../../components/text-or-dash';
import { formatDateTime } from '../../format/date-time';
import { usePageTitle } from '../../layout/use-page-title';
import { GroupModal } from './group-modal';

/** The group being edited in the modal: null while it is closed, `new` to create one. */
type Editing = Group | 'new' | null;

// Names of the first members shown in the list; the rest are counted.
const shownMembers = 3;

function DeleteGroupButton({ group }: { group: Group }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: () => deleteGroup(group.code),
    onSuccess: () => void message.success(t('groups.deleted', { name: group.name })),
    onError: (error) => void message.error(error.message),
    // A 404 means someone deleted the group meanwhile, so the list reloads either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      void queryClient.invalidateQueries({ queryKey: queryKeys.recipientOptions });
    },
  });

  return (
    <ConfirmButton
      label={t('groups.delete')}
      question={t('groups.deleteConfirm', { name: group.name })}
      pending={mutation.isPending}
      size="small"
      testId="group-delete"
      onConfirm={() => mutation.mutate()}
    />
  );
}

function MemberSummary({ group }: { group: Group }) {
  const { t } = useTranslation();
  const names = group.members.slice(0, shownMembers).map((member) => member.name);
  const more = group.memberCount - names.length;

  return (
    <Typography.Text type="secondary">
      {names.join(', ')}
      {more > 0 && ` ${t('groups.andMore', { count: more })}`}
    </Typography.Text>
  );
}

/**
 * Shows Nhóm nơi nhận: the named sets of organizations that clerks pick as recipients, for an
 * administrator to create, change and delete. A group is expanded when a document is sent, so a
 * change never alters what was already sent.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  usePageTitle(t('groups.title'));

  const query = useQuery({ queryKey: queryKeys.groups, queryFn: ({ signal }) => fetchGroups(signal) });

  const columns: TableColumnsType<Group> = [
    { key: 'name', title: t('groups.name'), render: (_, group) => group.name },
    { key: 'code', title: t('groups.code'), width: 170, render: (_, group) => <Typography.Text code>{group.code}</Typography.Text> },
    {
      key: 'members',
      title: t('groups.members'),
      render: (_, group) => (
        <Flex vertical>
          <span data-testid="group-member-count">{t('groups.memberCount', { count: group.memberCount })}</span>
          <MemberSummary group={group} />
        </Flex>
      ),
    },
    {
      key: 'updated',
      title: t('groups.updated'),
      width: 170,
      render: (_, group) => <TextOrDash value={group.updatedAt ? t('groups.updatedBy', { time: formatDateTime(group.updatedAt), login: group.updatedBy ?? t('groups.commandLine') }) : null} />,
    },
    {
      key: 'actions',
      width: 150,
      render: (_, group) => (
        <Flex gap="small">
          <Button size="small" onClick={() => setEditing(group)} data-testid="group-edit">
            {t('groups.edit')}
          </Button>
          <DeleteGroupButton group={group} />
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap="middle" data-testid="groups-page">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Paragraph type="secondary" className="admin-intro">
          {t('groups.intro')}
        </Typography.Paragraph>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="group-add">
          {t('groups.add')}
        </Button>
      </Flex>
      {query.isError && <PageError error={query.error} onRetry={() => void query.refetch()} />}
      <Table<Group>
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isLoading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('groups.empty')} /> }}
        onRow={(group) => ({ 'data-testid': 'group-row', 'data-code': group.code, 'data-member-count': group.memberCount }) as HTMLAttributes<HTMLElement>}
        data-testid="groups-table"
      />
      <GroupModal
        key={editing === null || editing === 'new' ? 'new' : `${editing.code}-${editing.version}`}
        group={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
