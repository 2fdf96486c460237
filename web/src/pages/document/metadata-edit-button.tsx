import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DocumentDetail } from '../../api/types';
import { MetadataEditModal } from './metadata-edit-modal';

export function MetadataEditButton({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="document-edit">
        {t('document.edit')}
      </Button>
      <MetadataEditModal document={document} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
