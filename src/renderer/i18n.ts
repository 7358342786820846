import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageFromLocale, type Language } from '../shared/languages';
import { STRINGS } from '../shared/strings';

/** All visible text comes from the locale files in src/shared/locales; components only name keys. */
export function initI18n(initial: Language = languageFromLocale(navigator.language)): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: STRINGS.en }, fr: { translation: STRINGS.fr } },
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}
