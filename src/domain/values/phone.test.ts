import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneDetails, phoneTerms } from './phone';

const MX = { defaultCountry: 'MX' };
const CA = { defaultCountry: 'CA' };
const US = { defaultCountry: 'US' };

describe('normalisePhone', () => {
  it('reads a Mexican national number in the node country', () => {
    expect(normalisePhone('55 1234 5678', MX)).toEqual({ ok: true, value: '+525512345678' });
    expect(normalisePhone('(33) 1234-5678', MX)).toEqual({ ok: true, value: '+523312345678' });
  });

  it.each([
    ['+52 1 55 1234 5678', {}],
    ['+5215512345678', {}],
    ['044 55 1234 5678', MX],
    ['045 55 1234 5678', MX],
    ['01 55 1234 5678', MX],
    ['0052 55 1234 5678', MX],
    ['00 52 1 55 1234 5678', MX],
    ['011 52 55 1234 5678', US],
    ['+52 (55) 1234-5678', CA],
  ])('strips old Mexican prefixes and dialling codes: %s', (input, ctx) => {
    expect(normalisePhone(input, ctx)).toEqual({ ok: true, value: '+525512345678' });
  });

  it('reads Canadian and US numbers', () => {
    expect(normalisePhone('(416) 555-0199', CA)).toEqual({ ok: true, value: '+14165550199' });
    expect(normalisePhone('1 (404) 861-2345', US)).toEqual({ ok: true, value: '+14048612345' });
    expect(normalisePhone('+1 519 326 1234', MX)).toEqual({ ok: true, value: '+15193261234' });
  });

  it('drops an extension', () => {
    expect(normalisePhone('(416) 555-0199 ext. 22', CA)).toEqual({ ok: true, value: '+14165550199' });
    expect(normalisePhone('55 1234 5678 extensión 104', MX)).toEqual({ ok: true, value: '+525512345678' });
  });

  it('does not strip 044 outside Mexico', () => {
    expect(normalisePhone('044 55 1234 5678', US).ok).toBe(false);
  });

  it('refuses invalid numbers with VALUE_INVALID_PHONE', () => {
    for (const bad of ['12345', '55 1234 567', 'call me', '+52 55 1234 56789 0', '+999 1234 5678', '555-CALL-NOW']) {
      expect(normalisePhone(bad, MX)).toMatchObject({ ok: false, code: 'VALUE_INVALID_PHONE' });
    }
  });

  it('asks for a country code when a national number has no context', () => {
    expect(normalisePhone('5512345678')).toMatchObject({ ok: false, code: 'VALUE_PHONE_NEEDS_COUNTRY' });
    expect(normalisePhone('5512345678', { defaultCountry: 'ZZ' })).toMatchObject({ ok: false, code: 'VALUE_PHONE_NEEDS_COUNTRY' });
  });

  it('reports an empty value', () => {
    expect(normalisePhone('   ', MX)).toMatchObject({ ok: false, code: 'VALUE_EMPTY' });
  });

  it('accepts full-width digits', () => {
    expect(normalisePhone('５５ １２３４ ５６７８', MX)).toEqual({ ok: true, value: '+525512345678' });
  });
});

describe('phone details and terms', () => {
  it('gives the country and national number', () => {
    expect(phoneDetails('+525512345678')).toEqual({ e164: '+525512345678', country: 'MX', nationalNumber: '5512345678', countryCallingCode: '52' });
    expect(phoneDetails('not a phone')).toBeNull();
  });

  it('indexes the number with and without country and area codes', () => {
    expect(phoneTerms('+525512345678').sort()).toEqual(['12345678', '2345678', '525512345678', '5512345678'].sort());
  });
});

describe('phone spellings (property)', () => {
  it('every usual way of writing a Mexican number gives the same E.164 value', () => {
    const area = fc.constantFrom('55', '33', '81', '222', '998', '664');
    fc.assert(
      fc.property(area, fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 5 }), (a, n, style) => {
        const rest = String(n).padStart(10 - a.length, '0');
        const national = a + rest;
        const expected = normalisePhone(national, MX);
        fc.pre(expected.ok);
        const spaced = `${a} ${rest.slice(0, rest.length - 4)} ${rest.slice(-4)}`;
        const spelling = [`+52 1 ${spaced}`, `044 ${spaced}`, `045 ${national}`, `01 (${a}) ${rest}`, `+52-${a}-${rest}`, `00 52 ${spaced}`][style] as string;
        expect(normalisePhone(spelling, MX)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
