import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DispatchDetail } from '../../api/dispatch-types';
import { DispatchProgress } from '../../components/dispatch-progress';
import { DispatchStatusTag } from '../../components/dispatch-status-tag';
import { DocumentHeading } from '../../components/document-heading';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatNumberNotation } from '../../format/number-notation';
import { WithdrawButton } from './withdraw-button';

interface DispatchHeaderProps {
  dispatch: DispatchDetail;
  mayAct: boolean;
}

/** Shows the type, number and subject of the dispatch, how far acceptance has come, and the Thu hồi button. */
export function DispatchHeader({ dispatch, mayAct }: DispatchHeaderProps) {
  const { t } = useTranslation();
  const heading = [dispatch.typeName || t('dispatch.title'), formatNumberNotation(dispatch.number, dispatch.notation)].filter(Boolean).join(' ');

  return (
    <Flex justify="space-between" align="start" gap="large" wrap>
      <DocumentHeading
        heading={heading}
        subject={dispatch.subject}
        tags={
          <>
            <DispatchStatusTag status={dispatch.status} data-testid="dispatch-status" />
            {dispatch.urgency && dispatch.urgency !== 'normal' && <UrgencyTag urgency={dispatch.urgency} />}
          </>
        }
      />
      <Flex gap="large" align="start">
        <DispatchProgress counts={dispatch.counts} data-testid="dispatch-progress" />
        {mayAct && <WithdrawButton dispatch={dispatch} />}
      </Flex>
    </Flex>
  );
}
