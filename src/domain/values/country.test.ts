import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../reference/countries';
import { countryName, countryOptions, normaliseCountry } from './country';

describe('countries', () => {
  it('holds the 249 ISO 3166-1 codes with three names each', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c[0])).size).toBe(249);
    for (const [code, ...names] of COUNTRIES) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      for (const n of names) expect(n.length).toBeGreaterThan(1);
    }
  });

  it('accepts codes in any case', () => {
    expect(normaliseCountry('mx')).toEqual({ ok: true, value: 'MX' });
    expect(normaliseCountry(' Ca ')).toEqual({ ok: true, value: 'CA' });
  });

  it('accepts names in English, French and Spanish', () => {
    expect(normaliseCountry('México')).toEqual({ ok: true, value: 'MX' });
    expect(normaliseCountry('mexique')).toEqual({ ok: true, value: 'MX' });
    expect(normaliseCountry('ÉTATS-UNIS')).toEqual({ ok: true, value: 'US' });
    expect(normaliseCountry('Estados Unidos')).toEqual({ ok: true, value: 'US' });
    expect(normaliseCountry('EE. UU.')).toEqual({ ok: true, value: 'US' });
    expect(normaliseCountry('Canadá')).toEqual({ ok: true, value: 'CA' });
    expect(normaliseCountry('Guatemala')).toEqual({ ok: true, value: 'GT' });
  });

  it('refuses unknown countries with VALUE_INVALID_COUNTRY', () => {
    for (const v of ['ZZ', 'XK', 'Atlantis', 'M']) expect(normaliseCountry(v)).toMatchObject({ ok: false, code: 'VALUE_INVALID_COUNTRY' });
  });

  it('gives names by language', () => {
    expect(countryName('MX', 'fr')).toBe('Mexique');
    expect(countryName('US', 'es')).toBe('Estados Unidos');
    expect(countryName('QQ', 'en')).toBe('QQ');
    const es = countryOptions('es');
    expect(es).toHaveLength(249);
    expect(es.find((o) => o.code === 'DE')?.name).toBe('Alemania');
  });
});
