/**
 * Partial dates: a year ("1994"), a month ("1994-07") or a day ("1994-07-23"), because
 * victims and witnesses often know no more than that. Impossible dates are refused.
 * Accepted input also includes one-digit months and days, "/" or "." separators in
 * year-first order, and a full ISO timestamp (its date part is kept). Day-first or
 * month-first orders are refused: "03/04/2025" means different days in the three countries.
 */
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

const PARTIAL = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function normaliseDate(input: string): Normalised {
  let s = cleanLine(input);
  if (s === '') return bad('VALUE_EMPTY');
  const ts = TIMESTAMP.exec(s);
  if (ts) s = ts[1] ?? s;
  const m = PARTIAL.exec(s);
  if (!m) return bad('VALUE_INVALID_DATE');
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return bad('VALUE_INVALID_DATE');
  if (m[2] === undefined) return ok(String(year));
  const month = Number(m[2]);
  if (month < 1 || month > 12) return bad('VALUE_INVALID_DATE');
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (m[3] === undefined) return ok(ym);
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return bad('VALUE_INVALID_DATE');
  return ok(`${ym}-${String(day).padStart(2, '0')}`);
}

export type DatePrecision = 'year' | 'month' | 'day';

export const datePrecision = (d: string): DatePrecision => (d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day');

export const dateYear = (d: string): number => Number(d.slice(0, 4));

/**
 * Compares two normalised partial dates. Returns null when they may be the same moment
 * because one is less precise and contains the other ("2024" and "2024-05").
 */
export function compareDates(a: string, b: string): -1 | 0 | 1 | null {
  const n = Math.min(a.length, b.length);
  const pa = a.slice(0, n);
  const pb = b.slice(0, n);
  if (pa < pb) return -1;
  if (pa > pb) return 1;
  return a.length === b.length ? 0 : null;
}

/** True when partial date `a` certainly falls after `b`. */
export const isCertainlyAfter = (a: string, b: string): boolean => compareDates(a, b) === 1;
