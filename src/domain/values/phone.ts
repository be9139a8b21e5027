/**
 * Telephone numbers, stored in E.164 ("+525512345678"). National numbers are read in the
 * context's default country (the node's: MX, CA or US). Validity is checked against the
 * full ("max") libphonenumber metadata.
 *
 * Mexico dropped its mobile prefixes in 2019-2020: numbers still circulate written as
 * "+52 1 55 ...", "044 55 ..." / "045 55 ..." (mobile, local / long distance) or
 * "01 55 ..." (trunk). The extra digits are removed before parsing so that every spelling
 * of one number gives one value.
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode as PhoneCountry } from 'libphonenumber-js/max';
import { cleanLine } from './clean';
import { bad, ok, type Normalised, type ValueContext } from './types';

// Countries of the North American Numbering Plan dial 011 to call abroad; most others 00.
const NANP = new Set(['US', 'CA', 'AG', 'AI', 'AS', 'BB', 'BM', 'BS', 'DM', 'DO', 'GD', 'GU', 'JM', 'KN', 'KY', 'LC', 'MP', 'MS', 'PR', 'SX', 'TC', 'TT', 'VC', 'VG', 'VI']);

const EXTENSION = /\s*(?:ext\.?|extension|extensi[oó]n|poste|x|#)\s*\d{1,7}\s*$/iu;
const ALLOWED = /^[+0-9\s().\-/]*$/;

function withoutMexicanPrefixes(digits: string, international: boolean): string {
  if (international) {
    // +52 1 XX XXXX XXXX -> +52 XX XXXX XXXX
    return digits.length === 13 && digits.startsWith('521') ? '52' + digits.slice(3) : digits;
  }
  if (digits.length === 13 && (digits.startsWith('044') || digits.startsWith('045'))) return digits.slice(3);
  if (digits.length === 12 && digits.startsWith('01')) return digits.slice(2);
  return digits;
}

export function normalisePhone(input: string, ctx: ValueContext = {}): Normalised {
  const text = cleanLine(input.normalize('NFKC')).replace(EXTENSION, '');
  if (text === '') return bad('VALUE_EMPTY');
  if (!ALLOWED.test(text)) return bad('VALUE_INVALID_PHONE');
  let digits = text.replace(/\D/g, '');
  if (digits.length < 4 || digits.length > 17) return bad('VALUE_INVALID_PHONE');
  const country = ctx.defaultCountry?.toUpperCase();
  const known = country !== undefined && isSupportedCountry(country) ? (country as PhoneCountry) : undefined;

  let international = text.startsWith('+');
  if (!international && known) {
    const idd = NANP.has(known) ? '011' : '00';
    if (digits.startsWith(idd)) {
      digits = digits.slice(idd.length);
      international = true;
    }
  }
  if (international || known === 'MX') digits = withoutMexicanPrefixes(digits, international);
  if (!international && !known) return bad('VALUE_PHONE_NEEDS_COUNTRY');

  try {
    const parsed = international ? parsePhoneNumberFromString('+' + digits) : parsePhoneNumberFromString(digits, known);
    if (!parsed || !parsed.isValid()) return bad('VALUE_INVALID_PHONE');
    return ok(parsed.number);
  } catch {
    return bad('VALUE_INVALID_PHONE');
  }
}

export interface PhoneDetails {
  e164: string;
  country: string | null;
  /** the national significant number: the digits after the country code */
  nationalNumber: string;
  countryCallingCode: string;
}

/** Details of a normalised (E.164) number, or null when it does not parse. */
export function phoneDetails(e164: string): PhoneDetails | null {
  try {
    const p = parsePhoneNumberFromString(e164);
    if (!p) return null;
    return { e164: p.number, country: p.country ?? null, nationalNumber: p.nationalNumber, countryCallingCode: p.countryCallingCode };
  } catch {
    return null;
  }
}

/**
 * Search terms of a phone number: the E.164 digits, the national number and its last 8
 * and 7 digits, so that a search typed with or without the country or area code finds it.
 */
export function phoneTerms(e164: string): string[] {
  const details = phoneDetails(e164);
  const all = e164.replace(/\D/g, '');
  if (!details) return all ? [all] : [];
  const national = details.nationalNumber;
  return [...new Set([all, national, national.slice(-8), national.slice(-7)].filter((t) => t.length >= 7))];
}
