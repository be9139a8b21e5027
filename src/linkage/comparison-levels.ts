/**
 * The tests that place two values in a comparison level ("exact", "Jaro–Winkler ≥ 0.92",
 * "day and month swapped", ...). A comparison lists its levels best first; the first
 * level whose test passes is the pair's level. Every test here is pure and symmetric.
 */
import type { TextValue } from './address-normalise';
import type { EmailValue } from './contact-normalise';
import type { DateValue } from './date-normalise';
import { givenNamesAlias, initialsAgree, surnamesShareWord, type GivenNameValue, type NameValue } from './name-normalise';
import type { FieldType, FieldValue } from './person-record';
import type { PhoneValue } from './phone-normalise';
import { jaroWinklerAtLeast, levenshtein, osaDistance, wordsJaroWinklerAtLeast } from './similarity';

export const LEVEL_KINDS = [
  'exact',
  'else',
  'transposed',
  'jaro_winkler',
  'levenshtein',
  'damerau_levenshtein',
  'alias',
  'initials',
  'compound',
  'partial',
  'day_month_swap',
  'year_month',
  'years_within',
  'national',
  'suffix',
  'local_part',
  'similar_address',
  'prefix',
  'token_overlap',
] as const;
export type LevelKind = (typeof LEVEL_KINDS)[number];

/** Does the pair (a, b) fall in this level? `t` is the level's threshold, if any. */
export type LevelTest = (a: FieldValue, b: FieldValue, t: number) => boolean;

const exactText: LevelTest = (a, b) => a.text === b.text;
const jw: LevelTest = (a, b, t) => jaroWinklerAtLeast(a.text, b.text, t);
const lev: LevelTest = (a, b, t) => Math.abs(a.text.length - b.text.length) <= t && levenshtein(a.text, b.text) <= t;
const osa: LevelTest = (a, b, t) => osaDistance(a.text, b.text, t) <= t;
const never: LevelTest = () => false;
const always: LevelTest = () => true;
const prefix: LevelTest = (a, b, t) => a.text.length >= t && b.text.length >= t && a.text.slice(0, t) === b.text.slice(0, t);

const nameExact: LevelTest = (a, b) => a.text === b.text || (a as NameValue).full === (b as NameValue).full;

/** A token of one value found in the other: equal, or Jaro–Winkler ≥ 0.9 with the same first letter. */
function tokenFound(s: string, long: readonly string[]): boolean {
  for (const l of long) {
    if (l === s) return true;
    if (s.length > 2 && l.charCodeAt(0) === s.charCodeAt(0) && wordsJaroWinklerAtLeast(s, l, 0.9)) return true;
  }
  return false;
}

/** Share of the shorter value's tokens found in the other's tokens. */
function tokenOverlap(a: TextValue, b: TextValue): number {
  const swap = a.tokens.length > b.tokens.length;
  const short = swap ? b.tokens : a.tokens;
  const long = swap ? a.tokens : b.tokens;
  if (short.length === 0) return 0;
  let found = 0;
  for (const s of short) if (tokenFound(s, long)) found++;
  return found / short.length;
}

const date = (v: FieldValue): DateValue => v as DateValue;

const dateExact: LevelTest = (a, b) => date(a).precision === date(b).precision && a.text === b.text;
/** One date is less precise and agrees with the other as far as it goes (1971 / 1971-06-24). */
const datePartial: LevelTest = (a, b) => {
  const x = date(a);
  const y = date(b);
  if (x.precision === y.precision) return false;
  if (x.year !== y.year) return false;
  return x.month === null || y.month === null || x.month === y.month;
};
const dateSwap: LevelTest = (a, b) => {
  const x = date(a);
  const y = date(b);
  return x.precision === 'day' && y.precision === 'day' && x.year === y.year && x.month !== x.day && x.month === y.day && x.day === y.month;
};
const dateDigits: LevelTest = (a, b, t) => {
  const x = date(a).digits;
  const y = date(b).digits;
  return x.length === y.length && osaDistance(x, y, t) <= t;
};
const yearMonth: LevelTest = (a, b) => date(a).year === date(b).year && date(a).month !== null && date(a).month === date(b).month;
const yearsWithin: LevelTest = (a, b, t) => Math.abs(date(a).year - date(b).year) <= t;

const phone = (v: FieldValue): PhoneValue => v as PhoneValue;
const phoneNational: LevelTest = (a, b) => phone(a).national === phone(b).national;
const phoneSuffix: LevelTest = (a, b, t) => {
  const x = phone(a).national;
  const y = phone(b).national;
  return x.length >= t && y.length >= t && x.slice(-t) === y.slice(-t);
};
const phoneLev: LevelTest = (a, b, t) => osaDistance(phone(a).national, phone(b).national, t) <= t;

/** Same local part, dots aside (Gmail ignores them, so a Gmail address has none left). */
const localPart: LevelTest = (a, b) => {
  const x = (a as EmailValue).local.replace(/\./g, '');
  return x !== '' && x === (b as EmailValue).local.replace(/\./g, '');
};

/**
 * Addresses alike (Jaro–Winkler ≥ t) and their domains alike too: a typo anywhere in one
 * address, but not two people of the same name at different providers
 * (marie.roy12@gmail.com / marie.roy47@att.net), whose addresses share only the name.
 */
const similarAddress: LevelTest = (a, b, t) => {
  const x = a as EmailValue;
  const y = b as EmailValue;
  if (!jaroWinklerAtLeast(x.text, y.text, t)) return false;
  return x.domain === y.domain || wordsJaroWinklerAtLeast(x.domain, y.domain, t);
};

const common: Partial<Record<LevelKind, LevelTest>> = {
  exact: exactText,
  else: always,
  jaro_winkler: jw,
  levenshtein: lev,
  damerau_levenshtein: osa,
  prefix,
};

export const LEVEL_TESTS: Record<FieldType, Partial<Record<LevelKind, LevelTest>>> = {
  given_name: {
    ...common,
    exact: nameExact,
    transposed: never, // set by the name-transposition check in compare, never by a test
    alias: (a, b) => givenNamesAlias(a as GivenNameValue, b as GivenNameValue),
    initials: (a, b) => initialsAgree(a as NameValue, b as NameValue),
  },
  surname: {
    ...common,
    exact: nameExact,
    compound: (a, b) => surnamesShareWord(a as NameValue, b as NameValue),
    initials: (a, b) => initialsAgree(a as NameValue, b as NameValue),
  },
  date: {
    exact: dateExact,
    else: always,
    partial: datePartial,
    day_month_swap: dateSwap,
    levenshtein: dateDigits,
    damerau_levenshtein: dateDigits,
    year_month: yearMonth,
    years_within: yearsWithin,
  },
  text: { ...common, token_overlap: (a, b, t) => tokenOverlap(a as TextValue, b as TextValue) >= t },
  address: { ...common, token_overlap: (a, b, t) => tokenOverlap(a as TextValue, b as TextValue) >= t },
  code: common,
  email: { ...common, local_part: localPart, similar_address: similarAddress },
  phone: { ...common, national: phoneNational, suffix: phoneSuffix, levenshtein: phoneLev, damerau_levenshtein: phoneLev },
};
