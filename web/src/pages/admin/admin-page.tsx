import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useCurrentUser } from '../../auth/use-current-user';
import { TextOrDash } from '../../components/text-or-dash';
import { usePageTitle } from '../../layout/use-page-title';

// Directory commands as `./congvan --help` lists them. Of the directory, the web app edits only the groups.
const directoryCommands = [
  { command: './congvan directory import FILE.csv', key: 'directoryImport' },
  { command: './congvan directory export organizations|users|groups', key: 'directoryExport' },
  { command: './congvan users add --login L --name N --org CODE --roles clerk[,leader] [--update [--move]]', key: 'usersAdd' },
  { command: './congvan users list', key: 'usersList' },
  { command: './congvan users passwd --login L', key: 'usersPasswd' },
] as const;

/** Start page of administrators, who manage the directory and may read no document content. */
export function AdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('admin.title'));

  return (
    <Flex vertical gap="middle" data-testid="admin-page">
      <Card title={t('admin.organization')} size="small">
        <Descriptions
          column={1}
          size="small"
          data-testid="admin-organization"
          items={[
            { key: 'name', label: t('admin.organizationName'), children: user.organization.name },
            { key: 'shortName', label: t('admin.organizationShortName'), children: <TextOrDash value={user.organization.shortName} /> },
            { key: 'code', label: t('admin.organizationCode'), children: <Typography.Text code>{user.organization.code}</Typography.Text> },
          ]}
        />
      </Card>
      <Card title={t('admin.directory')} size="small">
        <Typography.Paragraph>{t('admin.directoryIntro')}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          bordered
          data-testid="admin-commands"
          items={directoryCommands.map((item) => ({
            key: item.key,
            label: <Typography.Text code>{item.command}</Typography.Text>,
            children: t(`admin.commands.${item.key}`),
          }))}
        />
        <Typography.Paragraph type="secondary" className="admin-note">
          {t('admin.noContent')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
