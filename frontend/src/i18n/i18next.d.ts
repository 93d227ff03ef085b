import 'i18next';

import type zhHans from './zh-Hans.json';

// Type-checks every t('...') key against the Chinese catalogue (the source of truth).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhHans };
  }
}
