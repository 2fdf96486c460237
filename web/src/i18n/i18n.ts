import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { en } from './en';
import { readStoredLanguage, storeLanguage, type Language } from './language';
import { vi } from './vi';

const initialLanguage = readStoredLanguage();

void i18next.use(initReactI18next).init({
  resources: {
    vi: { translation: vi },
    en: { translation: en },
  },
  lng: initialLanguage,
  fallbackLng: 'vi',
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
});

applyLanguage(initialLanguage);

function applyLanguage(language: Language): void {
  dayjs.locale(language);
  document.documentElement.lang = language;
}

/** Switches the screen language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

export { i18next };
