import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { DispatchCounts } from '../api/dispatch-types';

interface DispatchProgressProps {
  counts: DispatchCounts;
  'data-testid'?: string;
}

/** Shows "12/15 đã tiếp nhận" with a bar, and a tag for each kind of copy that needs the sender's attention. */
export function DispatchProgress({ counts, 'data-testid': testId }: DispatchProgressProps) {
  const { t } = useTranslation();
  const percent = counts.total === 0 ? 0 : Math.round((counts.accepted / counts.total) * 100);

  return (
    <Flex vertical gap={2} className="dispatch-progress" data-testid={testId} data-accepted={counts.accepted} data-total={counts.total}>
      <Typography.Text data-testid="progress-accepted">{t('progress.accepted', { accepted: counts.accepted, total: counts.total })}</Typography.Text>
      <Progress percent={percent} size="small" showInfo={false} status={percent === 100 ? 'success' : 'normal'} />
      <Flex wrap gap={4}>
        {counts.overdue > 0 && (
          <Tag color="red" data-testid="progress-overdue">
            {t('progress.overdue', { count: counts.overdue })}
          </Tag>
        )}
        {counts.failed > 0 && (
          <Tag color="volcano" data-testid="progress-failed">
            {t('progress.failed', { count: counts.failed })}
          </Tag>
        )}
        {counts.rejected > 0 && (
          <Tag color="magenta" data-testid="progress-rejected">
            {t('progress.rejected', { count: counts.rejected })}
          </Tag>
        )}
        {counts.withdrawn > 0 && <Tag data-testid="progress-withdrawn">{t('progress.withdrawn', { count: counts.withdrawn })}</Tag>}
      </Flex>
    </Flex>
  );
}
