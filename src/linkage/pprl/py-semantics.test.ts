import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePyFloat, parsePyInt, pyMod, pyRound } from './py-numbers';
import { compileDateFormat, formatCompactDate } from './py-strptime';
import { tokenize } from './tokenizers';

describe('number parsing as the reference reads numbers', () => {
  it('reads integers with spaces, signs and single underscores, and nothing else', () => {
    expect(parsePyInt(' +13 ')).toBe(13n);
    expect(parsePyInt('-007')).toBe(-7n);
    expect(parsePyInt('1_000')).toBe(1000n);
    for (const bad of ['', '1__0', '_1', '1_', '0x10', '1.0', '1e3', '١٢']) expect(parsePyInt(bad)).toBeNull();
  });

  it('round-trips every safe integer through its decimal text', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => parsePyInt(` ${n} `) === BigInt(n)));
  });

  it('reads finite floats and refuses infinities, NaN and hexadecimal', () => {
    expect(parsePyFloat('2.5')).toBe(2.5);
    expect(parsePyFloat('.5e1')).toBe(5);
    expect(parsePyFloat('-1_0.2_5')).toBe(-10.25);
    for (const bad of ['inf', 'nan', '0x1p3', '', '1e400']) expect(parsePyFloat(bad)).toBeNull();
  });

  it('rounds half to even and takes the modulo with the sign of the divisor', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001].map(pyRound)).toEqual([0, 2, 2, 0, -2, 2, 3]);
    expect(pyMod(-7n, 3n)).toBe(2n);
    fc.assert(fc.property(fc.bigInt(), fc.bigInt({ min: 1n }), (a, m) => {
      const r = pyMod(a, m);
      return r >= 0n && r < m && (a - r) % m === 0n;
    }));
  });
});

describe('dates read with strptime formats', () => {
  it('normalises every real date of 1900–2100 written as %d/%m/%Y to YYYYMMDD', () => {
    const f = compileDateFormat('%d/%m/%Y');
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const parsed = f.parse(`${day}/${String(m).padStart(2, '0')}/${y}`);
        return parsed !== null && formatCompactDate(parsed) === `${y}${String(m).padStart(2, '0')}${String(day).padStart(2, '0')}`;
      }),
    );
  });

  it('refuses impossible days and trailing text, accepts month names and two-digit years', () => {
    const iso = compileDateFormat('%Y-%m-%d');
    expect(iso.parse('2023-02-29')).toBeNull();
    expect(iso.parse('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(iso.parse('2024-02-2x')).toBeNull();
    expect(compileDateFormat('%d %B %y').parse('3  march 68')).toEqual({ year: 2068, month: 3, day: 3 });
    expect(compileDateFormat('%d %b %y').parse('3 Mar 69')).toEqual({ year: 1969, month: 3, day: 3 });
    expect(compileDateFormat('%Y%j').parse('2024060')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('tokenisers', () => {
  it('gives every character n n-grams once padded (n-grams count = length + n − 1)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (s, n, positional) => {
        const tokens = tokenize(s, { type: 'ngram', n, positional })!;
        return tokens.length === Array.from(s).length + n - 1;
      }),
    );
  });

  it('makes numbers within thresholdDistance share a token and numbers further apart share none', () => {
    const c = { type: 'numeric' as const, distanceInterval: 10n, resolution: 4, fractionalPrecision: 0 };
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 30 }), (x, delta) => {
        const a = new Set(tokenize(String(x), c)!);
        const shared = tokenize(String(x + delta), c)!.some((t) => a.has(t));
        // quantisation may let values up to half a step further apart still meet
        return delta <= 10 ? shared : delta > 12 ? !shared : true;
      }),
    );
  });

  it('quantises floats with the fractional precision', () => {
    const c = { type: 'numeric' as const, distanceInterval: 25n, resolution: 2, fractionalPrecision: 1 };
    expect(tokenize('2.5', c)).toEqual(tokenize('2.50', c));
    expect(tokenize('abc', c)).toBeNull();
    expect(tokenize('', c)).toEqual([]);
  });
});
