/**
 * Numbers (hours, counts, coordinates, percentages), stored as plain decimals: optional
 * minus sign, no leading zeros, "." as the decimal mark, no trailing zeros.
 *
 * The decimal comma of French and Spanish is accepted. Grouping separators are accepted
 * when they cannot be mistaken ("1,234.5", "1 234,5", "1.234.567"); "1,500" or "1.500"
 * alone could be either and are refused (VALUE_AMBIGUOUS_NUMBER) rather than guessed.
 */
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export type ParsedDecimal = { ok: true; negative: boolean; int: string; frac: string } | { ok: false; ambiguous: boolean };

/**
 * Reads a decimal written with any of the usual separators. `singleGroup` says how to read
 * one separator followed by exactly three digits ("1,500"): as grouping, as a decimal
 * mark, or as ambiguous.
 */
export function parseDecimal(raw: string, singleGroup: 'grouping' | 'ambiguous'): ParsedDecimal {
  let s = raw.replace(/[\s'_\u00A0\u202F]/g, '');
  let negative = false;
  if (/^[+-]/.test(s)) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, ambiguous: false };
  const seps = s.replace(/\d/g, '');
  let int: string;
  let frac = '';
  if (seps === '') {
    int = s;
  } else {
    const last = seps[seps.length - 1] as '.' | ',';
    const lastIndex = s.lastIndexOf(last);
    const distinct = new Set(seps).size;
    const grouping = (part: string, sep: string): boolean =>
      new RegExp(`^\\d{1,3}(\\${sep}\\d{3})*$`).test(part);
    if (distinct === 2) {
      // the last separator is the decimal mark; the other groups thousands
      const before = s.slice(0, lastIndex);
      if (seps.indexOf(last) !== seps.length - 1 || !grouping(before, last === '.' ? ',' : '.')) return { ok: false, ambiguous: false };
      int = before.replace(/[.,]/g, '');
      frac = s.slice(lastIndex + 1);
    } else if (seps.length > 1) {
      if (!grouping(s, last)) return { ok: false, ambiguous: false };
      int = s.replace(/[.,]/g, '');
    } else if (/^\d{1,3}[.,]\d{3}$/.test(s) && !/^0[.,]/.test(s)) {
      if (singleGroup === 'ambiguous') return { ok: false, ambiguous: true };
      int = s.replace(/[.,]/, '');
    } else {
      int = s.slice(0, lastIndex);
      frac = s.slice(lastIndex + 1);
    }
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  if (int === '0' && frac === '') negative = false;
  return { ok: true, negative, int, frac };
}

export const NUMBER_MAX_DIGITS = 30;

export function normaliseNumber(input: string): Normalised {
  const s = cleanLine(input);
  if (s === '') return bad('VALUE_EMPTY');
  const p = parseDecimal(s, 'ambiguous');
  if (!p.ok) return bad(p.ambiguous ? 'VALUE_AMBIGUOUS_NUMBER' : 'VALUE_INVALID_NUMBER');
  if (p.int.length + p.frac.length > NUMBER_MAX_DIGITS) return bad('VALUE_INVALID_NUMBER');
  return ok((p.negative ? '-' : '') + p.int + (p.frac ? '.' + p.frac : ''));
}
