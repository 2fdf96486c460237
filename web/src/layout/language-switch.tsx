import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

import { changeLanguage } from '../i18n/i18n';
import { toLanguage, type Language } from '../i18n/language';

// Server texts need no refetch here, because their query keys end with the language (`api/query-keys.ts`).
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();

  return (
    <Segmented<Language>
      aria-label={t('header.language')}
      data-testid="language-switch"
      size="small"
      value={toLanguage(i18n.resolvedLanguage)}
      options={[
        { value: 'vi', label: t('language.vi') },
        { value: 'en', label: t('language.en') },
      ]}
      onChange={(language) => void changeLanguage(language)}
    />
  );
}
