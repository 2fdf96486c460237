import { App, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatFileSize } from '../../format/file-size';
import { useSendingRules } from '../../hooks/use-sending-rules';
import { useLanguage } from '../../i18n/use-language';

/**
 * Returns an antd `beforeUpload` that keeps a chosen file in the browser until the form is sent. It leaves
 * out a file larger than the sending rules allow, so the clerk does not wait for an upload the server
 * rejects. The server checks the size again, with the total size and the content type.
 */
export function useFileSizeCheck(): (file: File) => boolean | string {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const rules = useSendingRules();
  const max = rules.data?.maxFileBytes;

  return (file: File) => {
    if (max !== undefined && file.size > max) {
      void message.error(
        t('compose.fileTooLarge', { filename: file.name, size: formatFileSize(file.size, language), max: formatFileSize(max, language) }),
      );

      return Upload.LIST_IGNORE;
    }

    return false;
  };
}
