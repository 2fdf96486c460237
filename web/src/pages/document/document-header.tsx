import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DocumentDetail } from '../../api/types';
import { canHandleDocuments } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/use-current-user';
import { DocumentHeading } from '../../components/document-heading';
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
      <DocumentHeading
        heading={heading}
        subject={document.subject}
        tags={
          <>
            <StatusTag status={document.status} data-testid="document-status" />
            {document.urgency !== 'normal' && <UrgencyTag urgency={document.urgency} />}
          </>
        }
      >
        {document.issuer && <Typography.Text type="secondary">{document.issuer}</Typography.Text>}
      </DocumentHeading>
      {canHandleDocuments(user) && (
        <Flex gap="small">
          <DecisionButtons document={document} />
        </Flex>
      )}
    </Flex>
  );
}
