import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface DocumentHeadingProps {
  /** Type name with number and notation, such as "Công văn 1187/SNV-CCVC". */
  heading: string;
  /** Status and urgency tags beside the heading. */
  tags: ReactNode;
  subject: string | null;
  /** Lines under the subject, such as the issuer. */
  children?: ReactNode;
}

/** Renders the top of a document's page: heading, tags and subject. */
export function DocumentHeading({ heading, tags, subject, children }: DocumentHeadingProps) {
  return (
    <Flex vertical gap={4} className="document-heading">
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} className="page-title">
          {heading}
        </Typography.Title>
        {tags}
      </Flex>
      {subject && <Typography.Text className="document-subject">{subject}</Typography.Text>}
      {children}
    </Flex>
  );
}
