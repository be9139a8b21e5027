/**
 * Countries as ISO 3166-1 alpha-2 codes, upper case. Input may be a code in any case or a
 * country's name in English, French or Spanish (accents and case ignored).
 */
import type { CountryCode, Locale } from '../model';
import { COUNTRIES } from '../reference/countries';
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

const BY_CODE: ReadonlyMap<string, readonly [string, string, string, string]> = new Map(COUNTRIES.map((r) => [r[0], r]));

const foldName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Common names and codes people type that are not CLDR's short names. */
const EXTRA_NAMES: Record<string, string> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  eeuu: 'US',
  'ee uu': 'US',
  'estados unidos de america': 'US',
  'etats unis d amerique': 'US',
  'united states of america': 'US',
  mex: 'MX',
  'estados unidos mexicanos': 'MX',
  'united mexican states': 'MX',
  can: 'CA',
  uk: 'GB',
  'great britain': 'GB',
};

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [code, ...names] of COUNTRIES) for (const n of names) m.set(foldName(n), code);
  for (const [n, code] of Object.entries(EXTRA_NAMES)) m.set(n, code);
  return m;
})();

export const isCountryCode = (s: string): boolean => BY_CODE.has(s);

export function normaliseCountry(input: string): Normalised {
  const s = cleanLine(input);
  if (s === '') return bad('VALUE_EMPTY');
  if (/^[A-Za-z]{2}$/.test(s)) {
    const code = s.toUpperCase();
    return BY_CODE.has(code) ? ok(code) : bad('VALUE_INVALID_COUNTRY', { value: s });
  }
  const byName = BY_NAME.get(foldName(s));
  return byName ? ok(byName) : bad('VALUE_INVALID_COUNTRY', { value: s.slice(0, 40) });
}

const LOCALE_INDEX: Record<Locale, 1 | 2 | 3> = { en: 1, fr: 2, es: 3 };

/** The country's name in a language, or the code itself when unknown. */
export function countryName(code: CountryCode, locale: Locale): string {
  return BY_CODE.get(code)?.[LOCALE_INDEX[locale]] ?? code;
}

/** All countries as {code, name} in the language, sorted by name in that language. */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((r) => ({ code: r[0], name: r[LOCALE_INDEX[locale]] })).sort((a, b) => collator.compare(a.name, b.name));
}
