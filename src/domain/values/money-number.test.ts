import { describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_UNITS } from '../reference/currencies';
import { normaliseMoney, parseMoney } from './money';
import { normaliseNumber } from './number';

describe('normaliseMoney', () => {
  it.each([
    ['1500 MXN', '1500.00 MXN'],
    ['MXN 1,500', '1500.00 MXN'],
    ['mxn1500.5', '1500.50 MXN'],
    ['1.500 MXN', '1500.00 MXN'],
    ['1 234 567,89 CAD', '1234567.89 CAD'],
    ['1,234,567.89 usd', '1234567.89 USD'],
    ['25000 JPY', '25000 JPY'],
    ['1.500 KWD', '1.500 KWD'],
    ['0.125 KWD', '0.125 KWD'],
    ['-200 USD', '-200.00 USD'],
    ['007.00 MXN', '7.00 MXN'],
  ])('%s -> %s', (input, out) => {
    expect(normaliseMoney(input)).toEqual({ ok: true, value: out });
  });

  it('refuses amounts without an ISO currency', () => {
    expect(normaliseMoney('$1500')).toMatchObject({ ok: false, code: 'VALUE_INVALID_MONEY' });
    expect(normaliseMoney('1500')).toMatchObject({ ok: false, code: 'VALUE_INVALID_MONEY' });
    expect(normaliseMoney('1500 ABC')).toMatchObject({ ok: false, code: 'VALUE_UNKNOWN_CURRENCY', params: { currency: 'ABC' } });
  });

  it('refuses more decimals than the currency has', () => {
    expect(normaliseMoney('12.345 USD')).toEqual({ ok: true, value: '12345.00 USD' });
    expect(normaliseMoney('12.3456 USD')).toMatchObject({ ok: false, code: 'VALUE_INVALID_MONEY' });
    expect(normaliseMoney('100.5 JPY')).toMatchObject({ ok: false, code: 'VALUE_INVALID_MONEY' });
  });

  it('parses the stored form back', () => {
    expect(parseMoney('1500.00 MXN')).toEqual({ amount: '1500.00', currency: 'MXN' });
    expect(parseMoney('lots')).toBeNull();
  });

  it('has the minor units of ISO 4217', () => {
    expect(CURRENCY_MINOR_UNITS.get('MXN')).toBe(2);
    expect(CURRENCY_MINOR_UNITS.get('JPY')).toBe(0);
    expect(CURRENCY_MINOR_UNITS.get('BHD')).toBe(3);
    expect(CURRENCY_MINOR_UNITS.get('CLF')).toBe(4);
  });
});

describe('normaliseNumber', () => {
  it.each([
    ['42', '42'],
    ['0042', '42'],
    ['-3.50', '-3.5'],
    ['12,5', '12.5'],
    ['43.6532', '43.6532'],
    ['-79,3832', '-79.3832'],
    ['1,234.5', '1234.5'],
    ['1.234,5', '1234.5'],
    ['1 234 567', '1234567'],
    ['1,234,567', '1234567'],
    ['0,500', '0.5'],
    ['-0', '0'],
    ['+7', '7'],
  ])('%s -> %s', (input, out) => {
    expect(normaliseNumber(input)).toEqual({ ok: true, value: out });
  });

  it('refuses a lone thousands-or-decimal separator rather than guess', () => {
    expect(normaliseNumber('1,500')).toMatchObject({ ok: false, code: 'VALUE_AMBIGUOUS_NUMBER' });
    expect(normaliseNumber('1.500')).toMatchObject({ ok: false, code: 'VALUE_AMBIGUOUS_NUMBER' });
  });

  it.each(['abc', '1.2.3,4,5', '12,34,5', '1e5', '--1', '1.', '.5', '1,2.3'])('refuses %s', (input) => {
    expect(normaliseNumber(input)).toMatchObject({ ok: false, code: 'VALUE_INVALID_NUMBER' });
  });
});
