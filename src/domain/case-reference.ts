/** Human case references: "{COUNTRY}-{YEAR}-{NNNNNN}", e.g. "MX-2026-000123". */
import type { CountryCode } from './model';

export const CASE_REFERENCE = /^([A-Z]{2})-(\d{4})-(\d{6})$/;
export const MAX_CASE_SEQUENCE = 999_999;

/** The prefix under which a node numbers its cases for a year ("MX-2026-"). */
export const caseReferencePrefix = (country: CountryCode, year: number): string => `${country.toUpperCase()}-${year}-`;

export function formatCaseReference(country: CountryCode, year: number, sequence: number): string {
  if (!/^[A-Za-z]{2}$/.test(country)) throw new RangeError(`not a country code: ${country}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_CASE_SEQUENCE) throw new RangeError(`case sequence out of range: ${sequence}`);
  return caseReferencePrefix(country, year) + String(sequence).padStart(6, '0');
}

export function parseCaseReference(reference: string): { country: CountryCode; year: number; sequence: number } | null {
  const m = CASE_REFERENCE.exec(reference.trim().toUpperCase());
  if (!m) return null;
  const sequence = Number(m[3]);
  return sequence >= 1 ? { country: m[1] as string, year: Number(m[2]), sequence } : null;
}
