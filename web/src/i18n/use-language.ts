import { useTranslation } from 'react-i18next';

import { toLanguage, type Language } from './language';

/** Returns the screen language and re-renders the caller when the user switches it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();

  return toLanguage(i18n.resolvedLanguage);
}
