/** ISO 4217 currency codes, upper case ("mxn" -> "MXN"). */
import { CURRENCY_MINOR_UNITS } from '../reference/currencies';
import { cleanLine } from './clean';
import { bad, ok, type Normalised } from './types';

export function normaliseCurrency(input: string): Normalised {
  const s = cleanLine(input).toUpperCase();
  if (s === '') return bad('VALUE_EMPTY');
  return CURRENCY_MINOR_UNITS.has(s) ? ok(s) : bad('VALUE_UNKNOWN_CURRENCY', { currency: s.slice(0, 10) });
}
