import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DocumentDetail } from '../../api/types';
import { canHandleDocuments } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/use-current-user';
import { StatusTag } from '../../components/status-tag';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatNumberNotation } from '../../format/number-notation';
import { DecisionButtons } from './decision-buttons';

/** Type, number and subject of the document, its status, and the accept and reject buttons. */
export function DocumentHeader({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const heading = [document.typeName || t('document.title'), formatNumberNotation(document.number, document.notation)]
    .filter(Boolean)
    .join(' ');

  return (
    <Flex justify="space-between" align="start" gap="large" wrap>
      <Flex vertical gap={4} className="document-heading">
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} className="page-title">
            {heading}
          </Typography.Title>
          <StatusTag status={document.status} data-testid="document-status" />
          {document.urgency !== 'normal' && <UrgencyTag urgency={document.urgency} />}
        </Flex>
        {document.subject && <Typography.Text className="document-subject">{document.subject}</Typography.Text>}
        {document.issuer && <Typography.Text type="secondary">{document.issuer}</Typography.Text>}
      </Flex>
      {canHandleDocuments(user) && (
        <Flex gap="small">
          <DecisionButtons document={document} />
        </Flex>
      )}
    </Flex>
  );
}
