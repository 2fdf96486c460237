import { Breadcrumb, Col, Flex, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { ApiError } from '../../api/api-error';
import { canCorrectMetadata } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/use-current-user';
import { PageError } from '../../components/page-error';
import { PageSpinner } from '../../components/page-spinner';
import { usePageTitle } from '../../layout/use-page-title';
import { AttachmentList } from './attachment-list';
import { DocumentHeader } from './document-header';
import { EventTimeline } from './event-timeline';
import { FlagAlerts } from './flag-alerts';
import { MailPanel } from './mail-panel';
import { MainFilePreview } from './main-file-preview';
import { MetadataEditButton } from './metadata-edit-button';
import { MetadataPanel } from './metadata-panel';
import { useDocument } from './use-document';

export function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = useDocument(id);
  usePageTitle(query.data?.subject ?? t('document.title'));

  if (query.isPending) {
    return <PageSpinner />;
  }

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('errors.documentNotFound')}
          extra={<Link to="/inbox">{t('errors.backToInbox')}</Link>}
        />
      );
    }

    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const loaded = query.data;

  return (
    <Flex vertical gap="middle" data-testid="document-page" data-document-id={loaded.id}>
      <Breadcrumb
        items={[{ title: <Link to="/inbox">{t('document.back')}</Link> }, { title: t('document.title') }]}
      />
      <DocumentHeader document={loaded} />
      <FlagAlerts document={loaded} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Flex vertical gap="middle">
            <MetadataPanel document={loaded} editButton={canCorrectMetadata(user) ? <MetadataEditButton document={loaded} /> : null} />
            <EventTimeline document={loaded} />
          </Flex>
        </Col>
        <Col xs={24} xl={13}>
          <Flex vertical gap="middle">
            <MainFilePreview document={loaded} />
            <AttachmentList document={loaded} />
            <MailPanel message={loaded.message} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
