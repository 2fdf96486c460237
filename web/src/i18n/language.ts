export const languages = ['vi', 'en'] as const;

export type Language = (typeof languages)[number];

const storageKey = 'congvan.language';

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** Reads the language chosen earlier in this browser; Vietnamese when none was chosen. */
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);

    return isLanguage(stored) ? stored : 'vi';
  } catch {
    // Storage is unavailable in some private browsing modes.
    return 'vi';
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // The choice then lasts until the page is reloaded.
  }
}

export function toLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : 'vi';
}
