/**
 * Dates, numbers and names localised with Intl in the regional style of each language.
 */
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../src/server/api-types';
import { INTL_LOCALE, isLocale } from './i18n';

export interface Formatter {
  locale: Locale;
  /** a full or partial ISO date ("2026", "2026-06", "2026-06-11", or a timestamp) */
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number) => string;
  country: (code: string) => string;
  /** picks the current language from a server-side label map */
  pick: (label: Partial<Record<Locale, string>> | null | undefined) => string;
}

const PARTIAL_YEAR = /^\d{4}$/;
const PARTIAL_MONTH = /^\d{4}-\d{2}$/;

export const makeFormatter = (locale: Locale): Formatter => {
  const tag = INTL_LOCALE[locale];
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(tag);
  let regions: Intl.DisplayNames | null = null;
  try {
    regions = new Intl.DisplayNames([tag], { type: 'region' });
  } catch {
    regions = null;
  }

  const date = (iso: string | null | undefined): string => {
    if (!iso) return '';
    if (PARTIAL_YEAR.test(iso)) return iso;
    if (PARTIAL_MONTH.test(iso)) {
      const parsed = new Date(`${iso}-01T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? iso : monthFormat.format(parsed);
    }
    const parsed = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(parsed.getTime()) ? iso : dateFormat.format(parsed);
  };

  const dateTime = (iso: string | null | undefined): string => {
    if (!iso) return '';
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : dateTimeFormat.format(parsed);
  };

  const country = (code: string): string => {
    if (!code) return '';
    try {
      return regions?.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };

  const pick = (label: Partial<Record<Locale, string>> | null | undefined): string =>
    label?.[locale] ?? label?.en ?? '';

  return { locale, date, dateTime, number: (value) => numberFormat.format(value), country, pick };
};

const cache = new Map<Locale, Formatter>();

export const formatterFor = (locale: Locale): Formatter => {
  let formatter = cache.get(locale);
  if (!formatter) {
    formatter = makeFormatter(locale);
    cache.set(locale, formatter);
  }
  return formatter;
};

export const useFormat = (): Formatter => {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return formatterFor(isLocale(lng) ? lng : 'en');
};
