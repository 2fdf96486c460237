import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

import { changeLanguage } from '../i18n/i18n';
import { toLanguage, type Language } from '../i18n/language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();

  async function switchTo(language: Language): Promise<void> {
    await changeLanguage(language);
    // Server messages and type names come in the request's language, so fetch them again.
    await queryClient.invalidateQueries();
  }

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
      onChange={(language) => void switchTo(language)}
    />
  );
}
