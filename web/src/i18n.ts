/**
 * Languages of the app: English, French and Spanish. Before login the choice comes from a
 * stored preference or the browser; after login from the user's profile (Me.locale).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../src/server/api-types';
import { setApiLocale } from './api';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';

export const LOCALES: readonly Locale[] = ['en', 'fr', 'es'];
const STORAGE_KEY = 'alianza.locale';

/** The regional style used for dates and numbers in each language. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', fr: 'fr-CA', es: 'es-MX' };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

const readStored = (): Locale | null => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
};

const store = (locale: Locale): void => {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
};

/** The first of the browser's languages we speak, else English. */
export const browserLocale = (languages: readonly string[]): Locale => {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
};

export const initialLocale = (): Locale => readStored() ?? browserLocale(navigator.languages ?? [navigator.language]);

const applyDocumentLanguage = (locale: Locale): void => {
  document.documentElement.lang = locale;
  setApiLocale(locale);
};

export const initI18n = async (): Promise<void> => {
  const lng = initialLocale();
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes text
    returnNull: false,
  });
  applyDocumentLanguage(lng);
  document.title = i18next.t('app.title');
};

export const currentLocale = (): Locale => {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLocale(lng) ? lng : 'en';
};

export const changeLocale = async (locale: Locale): Promise<void> => {
  store(locale);
  await i18next.changeLanguage(locale);
  applyDocumentLanguage(locale);
  document.title = i18next.t('app.title');
};
