import { Breadcrumb, Col, Flex, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { ApiError } from '../../api/api-error';
import { canSendDocuments } from '../../auth/permissions';
import { sectionPath } from '../../auth/sections';
import { useCurrentUser } from '../../auth/use-current-user';
import { PageError } from '../../components/page-error';
import { PageSpinner } from '../../components/page-spinner';
import { formatNumberNotation } from '../../format/number-notation';
import { usePageTitle } from '../../layout/use-page-title';
import { DispatchFiles } from './dispatch-files';
import { DispatchHeader } from './dispatch-header';
import { DispatchMetadata } from './dispatch-metadata';
import { RecipientTable } from './recipient-table';
import { useDispatch } from './use-dispatch';

/** Shows one sent document: its details and files, and every recipient's copy with its timeline. */
export function DispatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = useDispatch(id);
  usePageTitle(query.data?.subject ?? t('dispatch.title'));

  if (query.isPending) {
    return <PageSpinner />;
  }

  // A failed background refresh keeps showing the last loaded state rather than an error page.
  if (query.isError && !query.data) {
    // The API returns 400 for an id that is not a UUID, which is just as unknown to the user.
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result status="404" title={t('dispatch.notFound')} extra={<Link to={sectionPath('outbox')}>{t('dispatch.backToOutbox')}</Link>} />
      );
    }

    return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const loaded = query.data;
  const mayAct = canSendDocuments(user);

  return (
    <Flex vertical gap="middle" data-testid="dispatch-page" data-dispatch-id={loaded.id}>
      <Breadcrumb
        items={[
          { title: <Link to={sectionPath('outbox')}>{t('dispatch.back')}</Link> },
          { title: formatNumberNotation(loaded.number, loaded.notation) ?? t('dispatch.title') },
        ]}
      />
      <DispatchHeader dispatch={loaded} mayAct={mayAct} />
      <RecipientTable dispatch={loaded} mayAct={mayAct} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DispatchMetadata dispatch={loaded} />
        </Col>
        <Col xs={24} xl={12}>
          <DispatchFiles dispatch={loaded} />
        </Col>
      </Row>
    </Flex>
  );
}
