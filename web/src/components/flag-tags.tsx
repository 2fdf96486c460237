import { Flex, Tag, Tooltip } from 'antd';

import type { Flag } from '../api/types';

/** Shows each problem found in a message or document as a warning tag, with its code on hover. */
export function FlagTags({ flags }: { flags: Flag[] }) {
  return (
    <Flex wrap gap={4}>
      {flags.map((flag) => (
        <Tooltip key={flag.code} title={flag.code}>
          <Tag color="warning" className="flag-tag" data-flag={flag.code}>
            {flag.message}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
