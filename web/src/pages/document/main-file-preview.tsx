import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';

import { attachmentUrl } from '../../api/documents';
import type { DocumentDetail } from '../../api/types';

/** The main file shown in the browser's PDF viewer; other formats only get a hint to download. */
export function MainFilePreview({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const main = document.attachments.find((attachment) => attachment.isMain);

  let body;
  if (!main) {
    body = <Alert type="info" showIcon title={t('attachments.noMain')} />;
  } else if (main.contentType.toLowerCase() !== 'application/pdf') {
    body = <Alert type="info" showIcon title={t('attachments.noPreview')} />;
  } else {
    body = (
      <iframe
        className="pdf-preview"
        title={t('attachments.previewTitle', { filename: main.filename })}
        src={attachmentUrl(document.id, main.id, { inline: true })}
        data-testid="pdf-preview"
      />
    );
  }

  return (
    <Card title={t('attachments.preview')} size="small">
      {body}
    </Card>
  );
}
