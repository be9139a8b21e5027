/**
 * Dates of birth as people write them: ISO (1971-06-24), compact (19710624), day first
 * (24/06/1971, the Mexican, French and Canadian custom) or month first when the day
 * cannot be a month (06/24/1971), month names in English, French or Spanish, and partial
 * dates (1971, 1971-06, 06/1971). Impossible dates keep their digits so that a typo can
 * still be recognised, but are not marked valid.
 */
import { foldTokens } from './text-fold';

export interface DateValue {
  year: number;
  month: number | null;
  day: number | null;
  precision: 'day' | 'month' | 'year';
  /** The month and day exist in the calendar (1971-02-30 does not). */
  valid: boolean;
  /** "1971-06-24", "1971-06" or "1971" */
  text: string;
  /** "19710624", "197106" or "1971": compared by edit distance for typos. */
  digits: string;
}

export interface DateOptions {
  /** 01/02/1990 is 1 February (true, default) or 2 January (false). */
  dayFirst?: boolean;
  /** Two-digit years up to this value are 20xx, above it 19xx. Default 30. */
  twoDigitYearPivot?: number;
}

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'ene', 'enero', 'janv', 'janvier'],
  ['feb', 'february', 'febrero', 'fev', 'fevr', 'fevrier'],
  ['mar', 'march', 'marzo', 'mars'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril'],
  ['may', 'mayo', 'mai'],
  ['jun', 'june', 'junio', 'juin'],
  ['jul', 'july', 'julio', 'juil', 'juillet'],
  ['aug', 'august', 'ago', 'agosto', 'aout'],
  ['sep', 'sept', 'september', 'septiembre', 'setiembre', 'septembre'],
  ['oct', 'october', 'octubre', 'octobre'],
  ['nov', 'november', 'noviembre', 'novembre'],
  ['dec', 'december', 'dic', 'diciembre', 'decembre'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number | null, day: number | null): DateValue {
  const precision = day !== null && month !== null ? 'day' : month !== null ? 'month' : 'year';
  const monthOk = month === null || (month >= 1 && month <= 12);
  const dayOk = day === null || (monthOk && month !== null && day >= 1 && day <= daysInMonth(year, month));
  const parts = [pad(year, 4)];
  if (month !== null) parts.push(pad(month, 2));
  if (day !== null && month !== null) parts.push(pad(day, 2));
  return {
    year,
    month,
    day: month === null ? null : day,
    precision,
    valid: monthOk && dayOk && year >= 1000,
    text: parts.join('-'),
    digits: parts.join(''),
  };
}

function fullYear(y: string, pivot: number): number {
  const n = Number(y);
  if (y.length !== 2) return n;
  return n <= pivot ? 2000 + n : 1900 + n;
}

/** Parses a written date; null when nothing date-like is found. */
export function parseDate(raw: string, options: DateOptions = {}): DateValue | null {
  const dayFirst = options.dayFirst ?? true;
  const pivot = options.twoDigitYearPivot ?? 30;
  const s = raw.trim().replace(/[T ]\d{1,2}:\d{2}.*$/, '');
  if (s === '') return null;
  let m: RegExpMatchArray | null;
  // 8 compact digits: YYYYMMDD (or DDMMYYYY when it cannot be a year first)
  if ((m = s.match(/^(\d{4})(\d{2})(\d{2})$/))) {
    const y = Number(m[1]);
    if (y >= 1800 && y <= 2199) return build(y, Number(m[2]), Number(m[3]));
    const asDmy = s.match(/^(\d{2})(\d{2})(\d{4})$/);
    if (asDmy) return numericDate(asDmy[1] ?? '', asDmy[2] ?? '', asDmy[3] ?? '', dayFirst, pivot);
  }
  // year first: 1971-06-24, 1971/6/24, 1971.06, 1971
  if ((m = s.match(/^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/))) {
    return build(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  }
  // a b year: 24/06/1971, 6-24-71
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/))) {
    return numericDate(m[1] ?? '', m[2] ?? '', m[3] ?? '', dayFirst, pivot);
  }
  // month/year: 06/1971
  if ((m = s.match(/^(\d{1,2})[-/.](\d{4})$/))) return build(Number(m[2]), Number(m[1]), null);
  return wordDate(s, pivot);
}

function numericDate(a: string, b: string, y: string, dayFirst: boolean, pivot: number): DateValue {
  const x = Number(a);
  const z = Number(b);
  const year = fullYear(y, pivot);
  // the order the writer must have used when one number cannot be a month
  if (x > 12 && z <= 12) return build(year, z, x);
  if (z > 12 && x <= 12) return build(year, x, z);
  return dayFirst ? build(year, z, x) : build(year, x, z);
}

/** "24 June 1971", "24 de junio de 1971", "le 24 juin 1971", "June 24, 1971", "juin 1971". */
function wordDate(s: string, pivot: number): DateValue | null {
  const tokens = foldTokens(s).filter((t) => t !== 'de' && t !== 'le' && t !== 'of' && t !== 'del');
  let month: number | null = null;
  const numbers: string[] = [];
  for (const t of tokens) {
    const mo = MONTHS[t] ?? MONTHS[t.replace(/(st|nd|rd|th|er|o)$/, '')];
    if (mo !== undefined && month === null && !/^\d/.test(t)) month = mo;
    else if (/^\d+(st|nd|rd|th|er|o)?$/.test(t)) numbers.push(t.replace(/\D/g, ''));
    else return null;
  }
  if (month === null) return null;
  const yearText = numbers.find((n) => n.length === 4) ?? (numbers.length === 2 ? numbers[1] : undefined);
  if (yearText === undefined) return null;
  const dayText = numbers.find((n) => n !== yearText && n.length <= 2);
  return build(fullYear(yearText, pivot), month, dayText !== undefined ? Number(dayText) : null);
}
