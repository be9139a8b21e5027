/**
 * Amounts of money with their ISO 4217 currency, stored as "1500.00 MXN": a plain decimal
 * with the currency's minor digits, a space, the code. Input may put the code before or
 * after the amount, in any case, and use the usual separators; a single separator followed
 * by three digits ("1,500 MXN", "1.500 MXN") is read as thousands, as on price tags.
 * Currency symbols alone are refused: "$" is the sign of the peso and of both dollars.
 */
import { CURRENCY_MINOR_UNITS } from '../reference/currencies';
import { cleanLine } from './clean';
import { parseDecimal } from './number';
import { bad, ok, type Normalised } from './types';

const CANONICAL = /^(-?\d+)(?:\.(\d+))? ([A-Z]{3})$/;
const CODE_FIRST = /^([A-Za-z]{3})\s*(.+)$/;
const CODE_LAST = /^(.+?)\s*([A-Za-z]{3})$/;

export interface Money {
  /** decimal string with the currency's minor digits, e.g. "1500.00" */
  amount: string;
  currency: string;
}

export function parseMoney(value: string): Money | null {
  const m = CANONICAL.exec(value);
  return m ? { amount: value.slice(0, value.length - 4), currency: m[3] ?? '' } : null;
}

function format(negative: boolean, int: string, frac: string, digits: number): string | null {
  if (frac.length > digits) return null;
  const f = frac.padEnd(digits, '0');
  return (negative && (int !== '0' || /[1-9]/.test(f)) ? '-' : '') + int + (digits ? '.' + f : '');
}

export function normaliseMoney(input: string): Normalised {
  const s = cleanLine(input);
  if (s === '') return bad('VALUE_EMPTY');
  const canonical = CANONICAL.exec(s);
  if (canonical) {
    // already in stored form when the decimals match the currency's minor units
    const digits = CURRENCY_MINOR_UNITS.get(canonical[3] ?? '');
    if (digits !== undefined && (canonical[2] ?? '').length === digits && (digits > 0 || canonical[2] === undefined)) {
      const neg = (canonical[1] ?? '').startsWith('-');
      const int = (canonical[1] ?? '').replace('-', '').replace(/^0+(?=\d)/, '');
      const formatted = format(neg, int, canonical[2] ?? '', digits);
      if (formatted) return ok(`${formatted} ${canonical[3]}`);
    }
  }
  const parts = CODE_FIRST.exec(s) ?? CODE_LAST.exec(s);
  const first = CODE_FIRST.test(s);
  if (!parts) return bad('VALUE_INVALID_MONEY');
  const code = (first ? parts[1] : parts[2])?.toUpperCase() ?? '';
  const amountText = (first ? parts[2] : parts[1]) ?? '';
  if (!/\d/.test(amountText) && !/\d/.test(code)) return bad('VALUE_INVALID_MONEY');
  const digits = CURRENCY_MINOR_UNITS.get(code);
  if (digits === undefined) return bad('VALUE_UNKNOWN_CURRENCY', { currency: code });
  const p = parseDecimal(amountText, 'grouping');
  if (!p.ok) return bad('VALUE_INVALID_MONEY');
  if (p.int.length > 15) return bad('VALUE_INVALID_MONEY');
  const formatted = format(p.negative, p.int, p.frac, digits);
  return formatted ? ok(`${formatted} ${code}`) : bad('VALUE_INVALID_MONEY');
}
