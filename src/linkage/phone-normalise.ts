/**
 * Phone numbers: digits only, the international form (E.164) when libphonenumber-js can
 * read the number, and the national significant number so that "+52 55 1234 5678" and
 * "55 1234 5678" agree. Mexico's retired mobile prefixes ("+52 1" and "044"/"045") are
 * removed before parsing.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { digitsOf } from './text-fold';

export interface PhoneValue {
  /** E.164 when the number could be read ("+525512345678"), else its digits. */
  text: string;
  /** National significant number ("5512345678"), or the digits when unreadable. */
  national: string;
  countryCallingCode: string | null;
}

export interface PhoneOptions {
  /** Country assumed for numbers written without a country code, e.g. "MX", "CA", "US". */
  defaultCountry?: string;
}

const EXTENSION_RE = /\s*(?:ext\.?|x|extension|ext|poste|extensi[oó]n)\s*\d+\s*$/i;

/** Removes Mexico's old mobile prefixes: "+52 1 55…" → "+52 55…", "044 55…" → "55…". */
function stripMexicanMobilePrefix(raw: string): string {
  const trimmed = raw.trim();
  const digits = digitsOf(trimmed);
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  const body = digits.startsWith('00') ? digits.slice(2) : digits;
  if (international && body.startsWith('521') && body.length === 13) return '+52' + body.slice(3);
  if (!international && /^04[45]\d{10}$/.test(digits)) return digits.slice(3);
  if (digits.startsWith('00')) return '+' + body;
  return trimmed;
}

export function normalisePhone(raw: string, options: PhoneOptions = {}): PhoneValue | null {
  const withoutExt = raw.replace(EXTENSION_RE, '');
  const digits = digitsOf(withoutExt);
  if (digits.length < 5) return null;
  const prepared = stripMexicanMobilePrefix(withoutExt);
  const country = options.defaultCountry?.toUpperCase() as CountryCode | undefined;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(prepared, country ? { defaultCountry: country } : undefined);
  } catch {
    parsed = undefined;
  }
  if (parsed && parsed.isPossible()) {
    return { text: parsed.number, national: parsed.nationalNumber, countryCallingCode: parsed.countryCallingCode };
  }
  const plain = digitsOf(prepared);
  return { text: plain, national: plain, countryCallingCode: null };
}
