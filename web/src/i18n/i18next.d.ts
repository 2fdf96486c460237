import 'i18next';

import type { Translation } from './vi';

// Lets the compiler check every translation key passed to `t`.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Translation };
  }
}
