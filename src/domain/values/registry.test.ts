import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_TYPES } from '../schema-spec';
import { normaliseValue, VALUE_TYPES } from './registry';

const contexts = [{}, { defaultCountry: 'MX' }, { defaultCountry: 'CA' }, { defaultCountry: 'US' }];

// Strings people type, plus fragments that exercise each normaliser.
const fragments = fc.constantFrom(
  ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u200B', '\u0301', '\u0303', 'ñ', 'Ñ', 'é', 'ß', 'İ', 'ǆ', '"', '“', '”', '«', '»', "'", '’',
  '-', '–', ',', ';', '.', ':', '/', '+', '(', ')', '@', '#', 'ext', 'x', '0', '1', '5', '52', '044', '00', '011', '+52 1 ',
  '55 1234 5678', 'MXN', 'usd', 'KWD', 'JPY', '2024', '-02', '-29', 'mx', 'México', 'de la', 'García', 'https://', 'www.',
  '.com', 'a', 'Z', '\uD800', '\uDC00', '😀', '\u0000', '\u007F',
);
const messy = fc.oneof(
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fragments, { maxLength: 12 }).map((a) => a.join('')),
);

describe('value-type registry', () => {
  it('has an entry for every property type', () => {
    expect(Object.keys(VALUE_TYPES).sort()).toEqual([...PROPERTY_TYPES].sort());
  });

  for (const type of PROPERTY_TYPES) {
    it(`${type}: never throws, and normalising twice changes nothing`, () => {
      fc.assert(
        fc.property(messy, fc.constantFrom(...contexts), (input, ctx) => {
          const first = VALUE_TYPES[type].normalise(input, ctx);
          if (!first.ok) {
            expect(typeof first.code).toBe('string');
            expect(first.code).toMatch(/^VALUE_[A-Z_]+$/);
            return;
          }
          expect(first.value.length).toBeGreaterThan(0);
          expect(first.value).toBe(first.value.trim());
          expect(VALUE_TYPES[type].normalise(first.value, ctx)).toEqual(first);
          expect(Array.isArray(VALUE_TYPES[type].terms(first.value))).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('normaliseValue reports, never throws', () => {
    expect(normaliseValue('date', '2024-02-30')).toMatchObject({ ok: false, code: 'VALUE_INVALID_DATE' });
    expect(normaliseValue('phone', '55 1234 5678', { defaultCountry: 'MX' })).toEqual({ ok: true, value: '+525512345678' });
  });
});
