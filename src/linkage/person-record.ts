/**
 * A person record as read from a table or an entity (raw text per field), and its
 * normalised form: one list of normalised values per comparison field, ready to compare.
 */
import { normaliseAddress, normaliseText, splitHouseNumber, type TextValue } from './address-normalise';
import { normaliseCode, normaliseEmail, normaliseSex, type CodeValue, type EmailValue } from './contact-normalise';
import { parseDate, type DateOptions, type DateValue } from './date-normalise';
import { normaliseGivenName, normaliseSurname, splitFullName, type GivenNameValue, type NameValue } from './name-normalise';
import { normalisePhone, type PhoneOptions, type PhoneValue } from './phone-normalise';
import { isNullish } from './text-fold';

/** The fields a person record may carry (the names recognised in a table header). */
export const PERSON_FIELDS = [
  'given_name',
  'middle_name',
  'surname',
  'full_name',
  'date_of_birth',
  'sex',
  'street_number',
  'address_1',
  'address_2',
  'locality',
  'postcode',
  'region',
  'country',
  'email',
  'phone',
  'identifier',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface PersonRecord {
  id: string;
  fields: Partial<Record<PersonField, string | readonly string[]>>;
}

/** Comparison fields and the type of their normalised values. */
export const COMPARISON_FIELD_TYPES = {
  given_name: 'given_name',
  surname: 'surname',
  date_of_birth: 'date',
  sex: 'code',
  street_number: 'code',
  address: 'address',
  locality: 'text',
  postcode: 'code',
  region: 'text',
  country: 'code',
  email: 'email',
  phone: 'phone',
  identifier: 'code',
} as const;
export type ComparisonField = keyof typeof COMPARISON_FIELD_TYPES;
export type FieldType = (typeof COMPARISON_FIELD_TYPES)[ComparisonField];
export const COMPARISON_FIELDS = Object.keys(COMPARISON_FIELD_TYPES) as ComparisonField[];

export interface ValueOfType {
  given_name: GivenNameValue;
  surname: NameValue;
  date: DateValue;
  text: TextValue;
  address: TextValue;
  code: CodeValue;
  email: EmailValue;
  phone: PhoneValue;
}
export type FieldValue = ValueOfType[FieldType];

export type PersonValues = { [F in ComparisonField]: ValueOfType[(typeof COMPARISON_FIELD_TYPES)[F]][] };

export interface NormalisedPerson {
  id: string;
  values: PersonValues;
}

export interface NormaliseOptions extends DateOptions, PhoneOptions {}

function rawValues(record: PersonRecord, field: PersonField): string[] {
  const v = record.fields[field];
  const list = v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  return list.filter((s) => !isNullish(s));
}

function collect<T>(raws: string[], fn: (raw: string) => T | null): T[] {
  const out: T[] = [];
  for (const r of raws) {
    const v = fn(r);
    if (v !== null) out.push(v);
  }
  return out;
}

/** Turns raw text into comparable values; fields that are missing or say "unknown" give no value. */
export function normalisePerson(record: PersonRecord, options: NormaliseOptions = {}): NormalisedPerson {
  const given = rawValues(record, 'given_name');
  const middle = rawValues(record, 'middle_name');
  const surnames = rawValues(record, 'surname');
  const givenRaw = given.map((g, i) => (i === 0 && middle.length ? `${g} ${middle.join(' ')}` : g));
  // full names are split and offered as alternatives (the best-agreeing value counts)
  for (const full of rawValues(record, 'full_name')) {
    const split = splitFullName(full);
    if (split.given) givenRaw.push(split.given);
    if (split.surname) surnames.push(split.surname);
  }

  const address1 = rawValues(record, 'address_1');
  const address2 = rawValues(record, 'address_2');
  const houseNumbers = rawValues(record, 'street_number').map((n) => n.trim());
  const addresses: TextValue[] = [];
  const lines = address1.length ? address1.map((a, i) => (i === 0 && address2.length ? `${a} ${address2.join(' ')}` : a)) : address2;
  for (const line of lines) {
    const value = normaliseAddress(line);
    if (!value) continue;
    const { number, rest } = houseNumbers.length ? { number: null, rest: value } : splitHouseNumber(value);
    if (number !== null) houseNumbers.push(number);
    if (rest) addresses.push(rest);
  }

  return {
    id: record.id,
    values: {
      given_name: collect(givenRaw, normaliseGivenName),
      surname: collect(surnames, normaliseSurname),
      date_of_birth: collect(rawValues(record, 'date_of_birth'), (r) => parseDate(r, options)),
      sex: collect(rawValues(record, 'sex'), normaliseSex),
      street_number: collect(houseNumbers, normaliseCode),
      address: addresses,
      locality: collect(rawValues(record, 'locality'), normaliseText),
      postcode: collect(rawValues(record, 'postcode'), normaliseCode),
      region: collect(rawValues(record, 'region'), normaliseText),
      country: collect(rawValues(record, 'country'), normaliseCode),
      email: collect(rawValues(record, 'email'), normaliseEmail),
      phone: collect(rawValues(record, 'phone'), (r) => normalisePhone(r, options)),
      identifier: collect(rawValues(record, 'identifier'), normaliseCode),
    },
  };
}
